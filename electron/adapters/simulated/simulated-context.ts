import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UnreadableInputError } from '../../core/errors';
import type { ScanSource } from '../../core/diagnosis/coverage';
import type { MachineContext } from '../../core/machine/machine-context';
import type { StateFolderGuard } from '../../core/machine/state-folder-port';
import { RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../../core/registry/allowlist';
import { providerReading } from '../../core/server-guides/iis-providers';
import { FileEventLog } from '../node/file-event-log';
import { FileMachineLock } from '../node/file-machine-lock';
import { simulatedCredentialStore } from './simulated-credentials';
import type { SimulatedMachine } from './simulated-machine';

/**
 * A simulated machine is a registry export: what its file lacks was maybe never exported. A
 * LAN Manager policy is known only when machine.json states `lmPolicy` (a file cannot show one),
 * and a `HKEY_USERS\<SID>` export is read as that user's HKEY_CURRENT_USER.
 */
export function simulatedScanSource(machine: SimulatedMachine): ScanSource {
  return {
    export: true,
    policyKnown: machine.facts.lmPolicy !== undefined,
    userSid: machine.userHive?.sid ?? null,
  };
}

/** The ports of a simulated PC (its registry file plus machine.json facts). */
export function simulatedContext(machine: SimulatedMachine, stateFolders: StateFolderGuard): MachineContext {
  return {
    registry: machine.registry,
    elevated: machine.elevated,
    system: machine.system,
    description: `simulated machine ${machine.registryFile}`,
    scanSource: simulatedScanSource(machine),
    serverEvents: { query: async () => machine.facts.events },
    iis: {
      read: async () =>
        machine.facts.iis.map((i) => ({
          ...providerReading(i.providers),
          site: i.site,
          source: 'simulated' as const,
        })),
    },
    credentials: simulatedCredentialStore(machine.factsFile, machine.facts.savedCredentials),
    // The lock belongs to the machine: beside its registry file, whatever the state folder.
    lock: new FileMachineLock(`${machine.registryFile}.lock`),
    stateFolders,
    // A simulated machine never writes to a real event log.
    openEventLog: async (stateDir) => new FileEventLog(join(stateDir, 'events.log')),
    proxyNetwork: () => {
      let ca: string | undefined;
      if (machine.facts.proxyCaFile) {
        const file = resolve(dirname(machine.registryFile), machine.facts.proxyCaFile);
        if (!existsSync(file))
          throw new UnreadableInputError(`${file}: the proxy CA file named in machine.json is missing`, file);
        ca = readFileSync(file, 'utf8');
      }
      const connectTo = Object.fromEntries(
        Object.entries(machine.facts.proxyEndpoints).map(([k, v]) => [k.toLowerCase(), v]),
      );
      return { simulated: true, connectTo, ca };
    },
    simulation: {
      setOutlookRunning: (running) => {
        machine.facts.outlookRunning = running;
      },
      takeRestart: async () => {
        if (!machine.restartRequested) return { restarted: false, resumeEntry: false };
        machine.restartRequested = false;
        machine.facts.outlookRunning = false;
        const tree = await machine.registry.readSubtrees([{ path: RUN_ONCE_KEY, recursive: false }]);
        const resumeEntry = tree.getValue(RUN_ONCE_KEY, RESUME_VALUE_NAME) !== undefined;
        if (resumeEntry) await machine.registry.deleteValue(RUN_ONCE_KEY, RESUME_VALUE_NAME);
        return { restarted: true, resumeEntry };
      },
    },
    collected: null,
  };
}
