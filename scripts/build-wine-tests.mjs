// Bundles the Wine integration suite (test-win/*.wine.ts) for the Windows node.exe that runs
// it under Wine: one CommonJS file per suite in dist/wine-tests/, Node 20, no node_modules
// needed at run time. Used by scripts/test-wine.sh.
// `--windows` adds the suites only a real Windows can run (test-win/*.windows.ts: regedit needs
// Windows Script Host and WMI, which Wine lacks); .github/workflows/windows-release.yml uses it.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const OUT = 'dist/wine-tests';
const suffixes = process.argv.includes('--windows') ? ['.wine.ts', '.windows.ts'] : ['.wine.ts'];
const entryPoints = readdirSync('test-win')
  .filter((f) => suffixes.some((s) => f.endsWith(s)))
  .sort()
  .map((f) => `test-win/${f}`);
if (entryPoints.length === 0) {
  console.error(`no test-win/*{${suffixes.join(',')}} suites found`);
  process.exit(2);
}

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Nothing Windows-only or Electron-only may sneak in: the suites use the core and the
  // reg.exe adapter, which need only Node built-ins. koffi (a native module) is loaded by the
  // credential suite at run time from the folder EXPROXY_KOFFI_DIR names.
  external: ['electron', 'regedit', 'koffi'],
});
for (const e of entryPoints) console.log(`${OUT}/${e.slice('test-win/'.length, -3)}.js`);
