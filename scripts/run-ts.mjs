// Runs a TypeScript script from this repo: bundles it with esbuild to a temp file, then runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [entry, ...rest] = process.argv.slice(2);
// Inside the repo so that externals resolve from node_modules.
mkdirSync('dist', { recursive: true });
const dir = mkdtempSync(join('dist', '.run-ts-'));
const out = join(dir, 'script.cjs');
await build({
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  external: ['electron', 'regedit', 'electron-log', 'playwright-core', 'tinybench', 'esbuild'],
});
const r = spawnSync(process.execPath, ['--expose-gc', out, ...rest], { stdio: 'inherit' });
rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);
