import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { FileEventLog } from '../node/file-event-log';
import { PowerShellElevatedWriter } from './elevated-writer';
import { NamedPipeMachineLock } from './named-pipe-lock';
import { WindowsCredentialStore } from './credential-store';
import { loadKoffi } from './koffi-loader';
import { execFileRunner, systemTool } from './process-runner';
import { RegExeRegistry } from './reg-exe-registry';
import { RegeditRegistry } from './regedit-registry';
import { CscriptRegeditApi, findRegeditScripts } from './regedit-scripts';
import { createWindowsRegistry } from './registry-facade';
import { system32Path, windowsRoot } from './system-root';
import { WevtutilEvents } from './wevtutil-events';
import { WindowsEventLog } from './windows-event-log';
import { WindowsIisAuthReader } from './iis-auth-reader';
import { WindowsSystem } from './windows-system';
import type { MachineContext } from '../../core/machine/machine-context';
import { windowsStateFolder } from './windows-state-folder';

/** The real Windows machine: reg.exe (falling back to regedit), UAC for HKLM, system tools. */
export async function openWindowsMachine(): Promise<MachineContext> {
  // Programs that run with the person's approval or read the registry start by absolute
  // path only; without a trustworthy SystemRoot they are refused, never searched for.
  const root = windowsRoot();
  const tempDir = tmpdir();
  const registry = createWindowsRegistry({
    regExe: new RegExeRegistry(execFileRunner, { tempDir, regExe: systemTool('reg.exe') }),
    regedit: new RegeditRegistry(
      new CscriptRegeditApi(execFileRunner, {
        cscript: root === undefined ? undefined : system32Path(root, 'cscript.exe'),
        scriptsDir: findRegeditScripts((process as { resourcesPath?: string }).resourcesPath),
      }),
    ),
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
    elevated: new PowerShellElevatedWriter(execFileRunner, registry, root),
    system: new WindowsSystem(execFileRunner, { tempDir, tools }),
    get description() {
      const via = registry.fallbackReason
        ? `${registry.name} (reg.exe blocked: ${registry.fallbackReason})`
        : registry.name;
      return `this Windows PC, registry through ${via}`;
    },
    serverEvents: new WevtutilEvents(execFileRunner, systemTool('wevtutil.exe')),
    iis: new WindowsIisAuthReader(execFileRunner),
    // The credential API, not `cmdkey /list` (translated labels): koffi, loaded at first use.
    credentials: new WindowsCredentialStore(loadKoffi),
    lock: new NamedPipeMachineLock(),
    stateFolders: windowsStateFolder(root),
    openEventLog: async (stateDir) =>
      new WindowsEventLog(
        execFileRunner,
        new FileEventLog(join(stateDir, 'events.log')),
        systemTool('eventcreate.exe'),
      ),
    proxyNetwork: () => ({ simulated: false, connectTo: {} }),
    simulation: null,
    collected: null,
  };
}
