/** Small helpers shared by the bench entry points (each runs in a child process of bench/run.mjs). */
import type { Bench, Task } from 'tinybench';

export const MB = 1024 * 1024;

/** The prefix of the one stdout line that carries a child's result to bench/run.mjs. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

export function emit(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** `--name value` from argv, or the default. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}

/** The latency samples (ms) of a finished tinybench task (created with retainSamples); throws if it failed. */
export function latencySamples(bench: Bench, name: string): number[] {
  const task: Task | undefined = bench.getTask(name);
  const r = task?.result;
  if (!r || (r.state !== 'completed' && r.state !== 'aborted-with-statistics')) {
    const why = r && r.state === 'errored' ? r.error.message : (r?.state ?? 'missing');
    throw new Error(`benchmark task "${name}" did not complete: ${why}`);
  }
  if (!r.latency.samples) throw new Error(`benchmark task "${name}" kept no samples`);
  return [...r.latency.samples];
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
