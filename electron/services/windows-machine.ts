import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { FileEventLog } from '../adapters/node/file-event-log';
import { SudoPromptElevatedWriter } from '../adapters/windows/elevated-writer';
import { NamedPipeMachineLock } from '../adapters/windows/named-pipe-lock';
import { execFileRunner, systemTool } from '../adapters/windows/process-runner';
import { RegExeRegistry } from '../adapters/windows/reg-exe-registry';
import { regeditApi, type RegeditModule } from '../adapters/windows/regedit-binding';
import { configureRegeditVbsLocation, RegeditRegistry } from '../adapters/windows/regedit-registry';
import { createWindowsRegistry } from '../adapters/windows/registry-facade';
import { sudoPromptExec } from '../adapters/windows/sudo-prompt-exec';
import { WevtutilEvents } from '../adapters/windows/wevtutil-events';
import { WindowsEventLog } from '../adapters/windows/windows-event-log';
import { WindowsIisAuthReader } from '../adapters/windows/iis-auth-reader';
import { WindowsSystem } from '../adapters/windows/windows-system';
import type { MachineContext } from './machine-context';
import { stateFolderGuard } from './state-folders';

/** The real Windows machine: reg.exe (falling back to regedit), UAC for HKLM, system tools. */
export async function openWindowsMachine(): Promise<MachineContext> {
  // regedit is loaded lazily: it is only needed on Windows, and only when reg.exe is blocked.
  const regedit = (await import('regedit')) as unknown as RegeditModule & { default?: RegeditModule };
  const regeditModule = regedit.default ?? regedit;
  configureRegeditVbsLocation(regeditModule, (process as { resourcesPath?: string }).resourcesPath);
  const tempDir = tmpdir();
  const registry = createWindowsRegistry({
    regExe: new RegExeRegistry(execFileRunner, { tempDir, regExe: systemTool('reg.exe') }),
    regedit: new RegeditRegistry(regeditApi(regeditModule)),
  });
  const tools = {
    tasklist: systemTool('tasklist.exe'),
    gpresult: systemTool('gpresult.exe'),
    net: systemTool('net.exe'),
    whoami: systemTool('whoami.exe'),
    shutdown: systemTool('shutdown.exe'),
  };
  return {
    registry,
    elevated: new SudoPromptElevatedWriter(sudoPromptExec),
    system: new WindowsSystem(execFileRunner, { tempDir, tools }),
    get description() {
      const via = registry.fallbackReason
        ? `${registry.name} (reg.exe blocked: ${registry.fallbackReason})`
        : registry.name;
      return `this Windows PC, registry through ${via}`;
    },
    serverEvents: new WevtutilEvents(execFileRunner, systemTool('wevtutil.exe')),
    iis: new WindowsIisAuthReader(execFileRunner),
    lock: new NamedPipeMachineLock(),
    stateFolders: stateFolderGuard(),
    openEventLog: async (stateDir) =>
      new WindowsEventLog(
        execFileRunner,
        new FileEventLog(join(stateDir, 'events.log')),
        systemTool('eventcreate.exe'),
      ),
    proxyNetwork: () => ({ simulated: false, connectTo: {} }),
    simulation: null,
  };
}
