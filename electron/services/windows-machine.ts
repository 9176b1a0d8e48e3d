import { tmpdir } from 'node:os';
import { SudoPromptElevatedWriter } from '../adapters/windows/elevated-writer';
import { execFileRunner, systemTool } from '../adapters/windows/process-runner';
import { RegExeRegistry } from '../adapters/windows/reg-exe-registry';
import { regeditApi, type RegeditModule } from '../adapters/windows/regedit-binding';
import { configureRegeditVbsLocation, RegeditRegistry } from '../adapters/windows/regedit-registry';
import { createWindowsRegistry } from '../adapters/windows/registry-facade';
import { sudoPromptExec } from '../adapters/windows/sudo-prompt-exec';
import { WevtutilEvents } from '../adapters/windows/wevtutil-events';
import { WindowsIisAuthReader } from '../adapters/windows/iis-auth-reader';
import { WindowsSystem } from '../adapters/windows/windows-system';
import type { MachineContext } from './machine-context';

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
    simulated: null,
    serverEvents: new WevtutilEvents(execFileRunner, systemTool('wevtutil.exe')),
    iis: new WindowsIisAuthReader(execFileRunner),
  };
}
