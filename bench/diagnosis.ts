/**
 * Diagnosis scaling and Windows adapter process counts, on simulated Windows 10 machines with
 * N Outlook 2016 profiles of two Exchange accounts each; and a Click-to-Run machine whose Office
 * subtree grows by tens of MB of keys a diagnosis does not need.
 *
 *   node --expose-gc dist/bench/diagnosis.cjs --sizes 1,10,100,1000 --process-sizes 1,1000 --c2r-mb 0,50 --dir <tmp> [--rounds 15]
 *
 * Prints one BENCH_RESULT line: { scanMs, loadScanMs, samples, processes, clickToRun, ... }.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimulatedMachine } from '../electron/adapters/simulated/simulated-machine';
import { RegExeRegistry } from '../electron/adapters/windows/reg-exe-registry';
import { RegeditRegistry } from '../electron/adapters/windows/regedit-registry';
import { createWindowsRegistry } from '../electron/adapters/windows/registry-facade';
import type { ProcessRunner } from '../electron/adapters/windows/process-runner';
import { FakeRegedit, FakeRegExe, MemoryFiles } from '../electron/test-support/windows-fakes';
import { scanMachine, type ScanResult } from '../electron/core/diagnosis/scan';
import type { SystemPort } from '../electron/core/machine/system-port';
import { OFFICE_KEY } from '../electron/core/outlook/profile-locations';
import { REGEDIT5_FORMAT, regFileFromTree, writeRegFile } from '../electron/core/registry/reg-file';
import type { RegTree } from '../electron/core/registry/reg-tree';
import type { RegistryReader } from '../electron/core/registry/registry-port';
import { clickToRunMachine } from './lib/c2r-machine';
import { outlook2016Machine } from './lib/outlook-machine';
import { MB, arg, emit, gc, median, round } from './lib/util';

const sizes = arg('sizes', '1,10,100,1000').split(',').map(Number);
const processSizes = arg('process-sizes', '1,1000').split(',').map(Number);
const c2rSizes = arg('c2r-mb', '0,50').split(',').map(Number);
const dir = arg('dir', '.');
const rounds = Number(arg('rounds', '15'));

/** What the scan asks of the machine besides the registry (the simulated machine's defaults). */
const system: SystemPort = {
  isOutlookRunning: async () => false,
  lmCompatibilityPolicy: async () => ({ managed: false }),
  isElevated: async () => false,
  isSystemAccount: async () => false,
  startOutlook: async () => undefined,
  restartWindows: async () => undefined,
};

/** A scan must see every profile and both accounts of each, or the timing means nothing. */
function check(result: ScanResult, profiles: number, via: string): void {
  const got = result.report.profiles.length;
  const accounts = result.report.profiles.reduce((n, p) => n + p.accounts.length, 0);
  if (got !== profiles || accounts !== 2 * profiles) {
    throw new Error(
      `${via}: expected ${profiles} profiles / ${2 * profiles} accounts, read ${got} / ${accounts}`,
    );
  }
}

/**
 * Median time of `fn`, measured in interleaved rounds: every round times every size once, so
 * load from other processes on a shared machine drifts over all sizes alike and the growth
 * factors stay meaningful. Each sample starts from a collected heap and, for fast sizes, is a
 * batch of calls long enough (about 5 ms) for the clock.
 */
async function interleaved(
  items: readonly { n: number; fn: () => Promise<unknown> }[],
  rounds: number,
  sameBatch = false,
): Promise<Record<string, { ms: number; minMs: number; samples: number }>> {
  const batch = new Map<number, number>();
  for (const { n, fn } of items) {
    const t = performance.now();
    await fn(); // warm-up, and an estimate for the batch size
    await fn();
    batch.set(n, Math.max(1, Math.round(5 / Math.max((performance.now() - t) / 2, 0.001))));
  }
  // Items that should take the same time are compared on equal batches: a shorter batch
  // carries more of the allocation cost after each collection.
  if (sameBatch) {
    const k = Math.max(...batch.values());
    for (const n of batch.keys()) batch.set(n, k);
  }
  const times = new Map<number, number[]>(items.map(({ n }) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const { n, fn } of items) {
      const k = batch.get(n)!;
      gc();
      const t = performance.now();
      for (let i = 0; i < k; i++) await fn();
      times.get(n)!.push((performance.now() - t) / k);
    }
  }
  return Object.fromEntries(
    items.map(({ n }) => [
      n,
      { ms: median(times.get(n)!), minMs: Math.min(...times.get(n)!), samples: rounds },
    ]),
  );
}

async function scaling(): Promise<{
  scanMs: Record<string, number>;
  loadScanMs: Record<string, number>;
  samples: Record<string, number>;
  fileKb: Record<string, number>;
}> {
  const fileKb: Record<string, number> = {};
  const scans: { n: number; fn: () => Promise<unknown> }[] = [];
  const loads: { n: number; fn: () => Promise<unknown> }[] = [];
  for (const n of sizes) {
    const bytes = writeRegFile(regFileFromTree(outlook2016Machine(n), REGEDIT5_FORMAT));
    const hive = join(dir, `machine-${n}.reg`);
    writeFileSync(hive, bytes);
    fileKb[n] = round(bytes.length / 1024, 1);
    const machine = SimulatedMachine.load({ hive });
    check(await scanMachine(machine.registry, machine.system), n, `scan of ${n} profiles`);
    // The scan alone: the registry is already in memory (SimulatedMachine's tree).
    scans.push({ n, fn: () => scanMachine(machine.registry, machine.system) });
    // Reading the .reg file from disk, parsing it and building the tree, then the scan.
    loads.push({
      n,
      fn: () => {
        const m = SimulatedMachine.load({ hive });
        return scanMachine(m.registry, m.system);
      },
    });
  }
  const scan = await interleaved(scans, rounds);
  const load = await interleaved(loads, Math.max(3, Math.round(rounds / 2)));
  const pick = (r: Record<string, { ms: number }>) =>
    Object.fromEntries(Object.entries(r).map(([n, v]) => [n, round(v.ms, 3)]));
  return {
    scanMs: pick(scan),
    loadScanMs: pick(load),
    samples: Object.fromEntries(Object.entries(scan).map(([n, v]) => [n, v.samples])),
    fileKb,
  };
}

interface ProcessCount {
  /** Processes the whole diagnosis started (probe included). */
  total: number;
  regExe: number;
  cscript: number;
  /** What they were, e.g. `reg.exe export HKCU\...`. */
  commands: string[];
  /**
   * reg.exe path only: the diagnosis timed with every process taking PROCESS_MS, in those
   * units — how many process starts lie end to end on its critical path.
   */
  rounds?: number;
}

/** A stand-in process start time, long against the scan's own work. */
const PROCESS_MS = 25;

/** reg.exe whose every process takes PROCESS_MS (to time the critical path, not the count). */
function slowRunner(reg: FakeRegExe): ProcessRunner {
  return {
    run: async (file, args, opts) => {
      await new Promise((r) => setTimeout(r, PROCESS_MS));
      return reg.run(file, args, opts);
    },
  };
}

/** reg.exe path: the facade probes reg.exe (reg query) once, then the adapter exports each subtree. */
async function regExeDiagnosis(tree: RegTree, profiles: number): Promise<ProcessCount> {
  const files = new MemoryFiles();
  const reg = new FakeRegExe(tree, files);
  const regedit = new FakeRegedit(tree);
  const windows = createWindowsRegistry({
    regExe: new RegExeRegistry(reg, { tempDir: dir, files }),
    regedit: new RegeditRegistry(regedit),
  });
  const plainStart = performance.now();
  check(await scanMachine(windows, system), profiles, 'reg.exe diagnosis');
  const plainMs = performance.now() - plainStart;
  if (windows.name !== 'reg.exe') throw new Error(`expected the reg.exe adapter, got ${windows.name}`);
  const timed = createWindowsRegistry({
    regExe: new RegExeRegistry(slowRunner(new FakeRegExe(tree, files)), { tempDir: dir, files }),
    regedit: new RegeditRegistry(new FakeRegedit(tree)),
  });
  const started = performance.now();
  check(await scanMachine(timed, system), profiles, 'reg.exe diagnosis, timed');
  // The scan's own work (the same as the plain run's) is taken off: what is left is waiting.
  const rounds = Math.round((performance.now() - started - plainMs) / PROCESS_MS);
  return { ...count(reg, regedit), rounds };
}

/** regedit path: reg.exe is blocked by policy, so the facade falls back to cscript (regedit package). */
async function regeditDiagnosis(tree: RegTree, profiles: number): Promise<ProcessCount> {
  const files = new MemoryFiles();
  const reg = new FakeRegExe(tree, files);
  reg.blocked = true;
  const regedit = new FakeRegedit(tree);
  const windows = createWindowsRegistry({
    regExe: new RegExeRegistry(reg, { tempDir: dir, files }),
    regedit: new RegeditRegistry(regedit),
  });
  check(await scanMachine(windows, system), profiles, 'regedit diagnosis');
  if (windows.name !== 'regedit') throw new Error(`expected the regedit adapter, got ${windows.name}`);
  return count(reg, regedit);
}

function count(reg: FakeRegExe, regedit: FakeRegedit): ProcessCount {
  // Every RecordingRunner call is one reg.exe process; every regedit `list` is one cscript
  // process (regedit-scripts.ts sends all keys of one call to a single cscript on stdin).
  const commands = [
    ...reg.calls.map((c) => `reg.exe ${c.args.slice(0, 2).join(' ')}`),
    ...regedit.listCalls.map(
      (c) => `cscript regList (${c.keys.length} key${c.keys.length === 1 ? '' : 's'}, arch ${c.arch})`,
    ),
  ];
  return {
    total: reg.calls.length + regedit.listCalls.length,
    regExe: reg.calls.length,
    cscript: regedit.listCalls.length,
    commands,
  };
}

async function processes(): Promise<Record<string, Record<string, ProcessCount>>> {
  const out: Record<string, Record<string, ProcessCount>> = { regExe: {}, regedit: {} };
  for (const n of processSizes) {
    const tree = outlook2016Machine(n);
    out.regExe![n] = await regExeDiagnosis(tree, n);
    out.regedit![n] = await regeditDiagnosis(tree, n);
  }
  return out;
}

/** Writes the machine's export to `hive`; returns the size its Office subtree exports to. */
function writeClickToRunHive(mb: number, hive: string): number {
  const { tree } = clickToRunMachine(mb * MB);
  writeFileSync(hive, writeRegFile(regFileFromTree(tree, REGEDIT5_FORMAT)));
  return writeRegFile(regFileFromTree(tree, REGEDIT5_FORMAT, [OFFICE_KEY])).length;
}

/** Temp-file access that counts the bytes reg.exe's exports hand to the adapter. */
class CountingFiles extends MemoryFiles {
  bytes = 0;
  override async readFile(path: string): Promise<Uint8Array> {
    const b = await super.readFile(path);
    this.bytes += b.length;
    return b;
  }
}

function regExePath(tree: RegTree): { reader: RegistryReader; files: CountingFiles; reg: FakeRegExe } {
  const files = new CountingFiles();
  const reg = new FakeRegExe(tree, files);
  const reader = createWindowsRegistry({
    regExe: new RegExeRegistry(reg, { tempDir: dir, files }),
    regedit: new RegeditRegistry(new FakeRegedit(tree)),
  });
  return { reader, files, reg };
}

/**
 * A Click-to-Run PC with 0 and ~50 MB of other keys in its Office subtree: the bytes the reg.exe
 * path reads and the diagnosis time must stay the same. For comparison, the bytes of the two
 * whole-Office exports the scan made before it read install keys one by one.
 */
async function clickToRun(): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {
    officeMb: {},
    bytesRead: {},
    wholeOfficeBytes: {},
    regExeProcesses: {},
  };
  const scans: { n: number; fn: () => Promise<unknown> }[] = [];
  const regExes: { n: number; fn: () => Promise<unknown> }[] = [];
  for (const mb of c2rSizes) {
    const hive = join(dir, `c2r-${mb}.reg`);
    const officeBytes = writeClickToRunHive(mb, hive);
    out.officeMb![mb] = round(officeBytes / MB, 1);
    // Only the machine loaded from the file stays in memory: the same tree serves both paths.
    const machine = SimulatedMachine.load({ hive });
    const once = regExePath(machine.tree);
    const result = await scanMachine(once.reader, system);
    check(result, 1, `reg.exe diagnosis of a Click-to-Run PC with ${mb} MB more`);
    if (result.report.machine.outlook[0]?.installType !== 'click-to-run')
      throw new Error('the Click-to-Run install was not found');
    out.bytesRead![mb] = once.files.bytes;
    out.regExeProcesses![mb] = once.reg.calls.length;
    const old = regExePath(machine.tree);
    await old.reader.readSubtrees([
      { path: OFFICE_KEY, view: '64' },
      { path: OFFICE_KEY, view: '32' },
    ]);
    out.wholeOfficeBytes![mb] = old.files.bytes;
    scans.push({ n: mb, fn: () => scanMachine(machine.registry, machine.system) });
    const timed = regExePath(machine.tree);
    regExes.push({ n: mb, fn: () => scanMachine(timed.reader, system) });
  }
  const pick = (r: Record<string, { ms: number }>, key: 'ms' | 'minMs' = 'ms') =>
    Object.fromEntries(Object.entries(r).map(([n, v]) => [n, round(v[key as 'ms'], 3)]));
  const scan = await interleaved(scans, rounds, true);
  const regExe = await interleaved(regExes, rounds, true);
  // On a shared machine the fastest sample is the one least disturbed by others: growth is judged on it.
  return {
    ...out,
    scanMs: pick(scan),
    regExeScanMs: pick(regExe),
    scanMinMs: pick(scan, 'minMs'),
    regExeScanMinMs: pick(regExe, 'minMs'),
  };
}

async function main(): Promise<void> {
  const scale = await scaling();
  const proc = await processes();
  const c2r = await clickToRun();
  emit({ ...scale, processes: proc, clickToRun: c2r });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
