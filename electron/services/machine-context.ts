import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CollectedPc, collectedContext, isCollectedFolder } from '../adapters/collected';
import { SimulatedMachine, simulatedContext as simulatedPorts } from '../adapters/simulated';
import { ExproxyError } from '../core/errors';
import type { MachineContext } from '../core/machine/machine-context';
import { userDataDir } from './app-paths';
import { stateFolderGuard } from './state-folders';

export type { MachineContext, ProxyNetwork, SimulationControls } from '../core/machine/machine-context';

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

/** A simulated PC's ports, its state folders checked the way this platform's file system works. */
export function simulatedContext(machine: SimulatedMachine): MachineContext {
  return simulatedPorts(machine, stateFolderGuard());
}

/** A working copy of a sample machine in the user's data folder, made on first use. */
function ensureSampleCopy(sample = DEFAULT_SAMPLE): { dir: string; created: boolean } {
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
  // A folder collect.cmd wrote on a PC the app cannot run on: read it, never write it.
  if (opts.machine && isCollectedFolder(opts.machine))
    return collectedContext(CollectedPc.load(opts.machine), stateFolderGuard());
  if (opts.hive || opts.machine) return simulatedContext(SimulatedMachine.load(opts));
  if (process.platform === 'win32') {
    const { openWindowsMachine } = await import('../adapters/windows');
    return openWindowsMachine();
  }
  const { dir, created } = ensureSampleCopy();
  const ctx = simulatedContext(SimulatedMachine.load({ machine: dir }));
  return {
    ...ctx,
    note: `Not on Windows: using the sample simulated machine in ${dir}${created ? ' (copied there just now)' : ''}.`,
  };
}
