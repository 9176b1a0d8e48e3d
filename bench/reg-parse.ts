/**
 * `.reg` parsing speed against the floor (TextDecoder('utf-16le') + split into lines), side by
 * side in one process; or, with `--memory`, one parse in a fresh process for its peak RSS.
 *
 *   node --expose-gc dist/bench/reg-parse.cjs --file big.reg [--passes 4 --iterations 3]
 *   node dist/bench/reg-parse.cjs --file big.reg --memory
 *
 * Prints one BENCH_RESULT line.
 */
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { parseRegFile, type RegFile } from '../electron/core/registry/reg-file';
import { MB, arg, emit, gc, latencySamples, median, peakRssMb, round } from './lib/util';

const file = arg('file', 'big.reg');

function countValues(parsed: RegFile): number {
  let n = 0;
  for (const k of parsed.keys) n += k.values.length;
  return n;
}

/** Peak RSS of a process that reads the file and parses it once (what SimulatedMachine.load does). */
function memory(): void {
  gc();
  const baselineRssMb = peakRssMb();
  const heapBefore = process.memoryUsage().heapUsed;
  const bytes = readFileSync(file);
  const started = performance.now();
  const parsed = parseRegFile(bytes, file);
  const ms = performance.now() - started;
  const peak = peakRssMb();
  const retainedHeapMb = (process.memoryUsage().heapUsed - heapBefore) / MB;
  emit({
    fileMb: round(bytes.length / MB),
    baselineRssMb: round(baselineRssMb, 1),
    peakRssMb: round(peak, 1),
    parseRssMb: round(peak - baselineRssMb, 1),
    retainedHeapMb: round(retainedHeapMb, 1),
    singleParseMs: round(ms, 0),
    keys: parsed.keys.length,
    values: countValues(parsed),
  });
}

async function speed(): Promise<void> {
  const bytes = readFileSync(file);
  const iterations = Number(arg('iterations', '3'));
  const passes = Number(arg('passes', '4'));
  let sink = 0;
  const floor = (): void => {
    const lines = new TextDecoder('utf-16le').decode(bytes).split(/\r?\n/);
    sink += lines.length;
  };
  const parse = (): void => {
    sink += parseRegFile(bytes, file).keys.length;
  };
  // Several short passes in alternating order instead of one long run per task: on a shared
  // machine, load from other processes then hits parse and floor alike. Every iteration
  // starts from a collected heap.
  const samples: Record<'floor' | 'parse', number[]> = { floor: [], parse: [] };
  const opts = { beforeEach: gc, retainSamples: true };
  for (let pass = 0; pass < passes; pass++) {
    const bench = new Bench({
      time: 0,
      iterations,
      warmup: pass === 0,
      warmupIterations: 1,
      warmupTime: 0,
      throws: true,
    });
    const order: ('floor' | 'parse')[] = pass % 2 === 0 ? ['floor', 'parse'] : ['parse', 'floor'];
    for (const name of order) bench.add(name, name === 'floor' ? floor : parse, opts);
    await bench.run();
    for (const name of order) samples[name].push(...latencySamples(bench, name));
  }
  const floorMs = median(samples.floor);
  const parseMs = median(samples.parse);
  const fileMb = bytes.length / MB;
  emit({
    fileMb: round(fileMb),
    parseMs: round(parseMs, 1),
    floorMs: round(floorMs, 1),
    mbPerSec: round(fileMb / (parseMs / 1000), 1),
    floorMbPerSec: round(fileMb / (floorMs / 1000), 1),
    ratio: round(floorMs / parseMs, 3),
    parseSamplesMs: samples.parse.map((x) => round(x, 0)),
    floorSamplesMs: samples.floor.map((x) => round(x, 0)),
    sink: sink > 0,
  });
}

if (process.argv.includes('--memory')) memory();
else
  speed().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
