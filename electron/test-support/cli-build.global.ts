import { spawnSync } from 'node:child_process';
import { ROOT } from './cli-runner';

/** Vitest global setup: bundle the CLI once, so test files running in parallel share it. */
export default function setup(): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'cli', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stderr}`);
}
