import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { MachineLock } from '../core/fixes/machine-lock';
import type { EventLogPort } from '../core/machine/event-log-port';
import type { StateFolderGuard } from '../core/machine/state-folder-port';
import type { SystemPort } from '../core/machine/system-port';
import type { ElevatedRegistryWriter } from '../core/registry/elevated-writer-port';
import type { ServerEventsPort } from '../core/machine/server-events-port';
import type { IisAuthReader } from '../core/server-guides/iis-auth-port';
import { providerReading } from '../core/server-guides/iis-providers';
import type { RegistryPort } from '../core/registry/registry-port';
import { ExproxyError, UnreadableInputError } from '../core/errors';
import { FileEventLog } from '../adapters/node/file-event-log';
import { FileMachineLock } from '../adapters/node/file-machine-lock';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import type { ScanSource } from '../core/diagnosis/coverage';
import { userDataDir } from './app-paths';
import { simulatedScanSource } from './scan-source';
import { stateFolderGuard } from './state-folders';

/** Where a machine's Exchange proxies answer: the real network, or a simulated PC's test servers. */
export interface ProxyNetwork {
  /** A simulated PC never reaches the real network: proxies without a test server are skipped. */
  readonly simulated: boolean;
  /** Proxy host (lowercase) → `ip:port` of the server that answers for it. */
  readonly connectTo: Readonly<Record<string, string>>;
  /** PEM of a CA this machine trusts besides the system's. */
  readonly ca?: string;
}

/** What only a simulated machine can do (the browser demo's switches). */
export interface SimulationControls {
  setOutlookRunning(running: boolean): void;
}

/** The ports of one machine, real or simulated, plus a line saying which it is. */
export interface MachineContext {
  readonly registry: RegistryPort;
  readonly elevated: ElevatedRegistryWriter;
  readonly system: SystemPort;
  readonly description: string;
  /** The Application log, for the server guides. */
  readonly serverEvents: ServerEventsPort;
  /** IIS authentication settings, when this is an Exchange/IIS server. */
  readonly iis: IisAuthReader;
  /** One change at a time on this machine, whoever runs it and whatever its state folder. */
  readonly lock: MachineLock;
  /** Checks a state folder before anything in it is trusted. */
  readonly stateFolders: StateFolderGuard;
  /** The audit trail of changes made here (a file in `stateDir` where there is no event log). */
  openEventLog(stateDir: string): Promise<EventLogPort>;
  proxyNetwork(): ProxyNetwork;
  readonly simulation: SimulationControls | null;
  /** What the scan may conclude from a missing key; absent: the live registry. */
  readonly scanSource?: ScanSource;
}

export const DEFAULT_SAMPLE = 'xp-outlook2003-basic';

/** Where the packaged or checked-out sample machines are. */
export function samplesDir(): string {
  const candidates = [
    process.env.EXPROXY_ASSETS_DIR && join(process.env.EXPROXY_ASSETS_DIR, 'machines'),
    // Bundled CLI/main live in dist/<x>/; assets sit at the project root (or in resources/ when packaged).
    resolve(__dirname, '..', '..', 'assets', 'machines'),
    (process as { resourcesPath?: string }).resourcesPath &&
      join((process as { resourcesPath?: string }).resourcesPath!, 'assets', 'machines'),
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

export function simulatedContext(machine: SimulatedMachine): MachineContext {
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
    // The lock belongs to the machine: beside its registry file, whatever the state folder.
    lock: new FileMachineLock(`${machine.registryFile}.lock`),
    stateFolders: stateFolderGuard(),
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
    },
  };
}

/** A working copy of a sample machine in the user's data folder, made on first use. */
export function ensureSampleCopy(sample = DEFAULT_SAMPLE): { dir: string; created: boolean } {
  const dir = join(userDataDir(), 'sample-machine');
  if (existsSync(join(dir, 'registry.reg'))) return { dir, created: false };
  mkdirSync(dir, { recursive: true });
  cpSync(join(samplesDir(), sample), dir, { recursive: true });
  return { dir, created: true };
}

export interface OpenMachineOptions {
  readonly hive?: string;
  readonly machine?: string;
}

export async function openMachine(opts: OpenMachineOptions): Promise<MachineContext & { note?: string }> {
  if (opts.hive && opts.machine) throw new ExproxyError('usage', 'Use --hive or --machine, not both.');
  if (opts.hive || opts.machine) return simulatedContext(SimulatedMachine.load(opts));
  if (process.platform === 'win32') {
    const { openWindowsMachine } = await import('./windows-machine');
    return openWindowsMachine();
  }
  const { dir, created } = ensureSampleCopy();
  const ctx = simulatedContext(SimulatedMachine.load({ machine: dir }));
  return {
    ...ctx,
    note: `Not on Windows: using the sample simulated machine in ${dir}${created ? ' (copied there just now)' : ''}.`,
  };
}
