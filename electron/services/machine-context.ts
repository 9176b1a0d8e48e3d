import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SystemPort } from '../core/machine/system-port';
import type { ElevatedRegistryWriter } from '../core/registry/elevated-writer-port';
import type { ServerEventsPort } from '../core/machine/server-events-port';
import type { IisAuthReader } from '../core/server-guides/iis-auth-port';
import { providerReading } from '../core/server-guides/iis-providers';
import type { RegistryPort } from '../core/registry/registry-port';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import { userDataDir } from './app-paths';

/** The ports of one machine, real or simulated, plus a line saying which it is. */
export interface MachineContext {
  readonly registry: RegistryPort;
  readonly elevated: ElevatedRegistryWriter;
  readonly system: SystemPort;
  readonly description: string;
  readonly simulated: SimulatedMachine | null;
  /** The Application log, for the server guides. */
  readonly serverEvents: ServerEventsPort;
  /** IIS authentication settings, when this is an Exchange/IIS server. */
  readonly iis: IisAuthReader;
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
    simulated: machine,
    serverEvents: { query: async () => machine.facts.events },
    iis: {
      read: async () =>
        machine.facts.iis.map((i) => ({
          ...providerReading(i.providers),
          site: i.site,
          source: 'simulated' as const,
        })),
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
