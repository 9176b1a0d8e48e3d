// Builds every bundle: CLI, Electron main + preload, the browser demo host (esbuild) and the
// renderer (Vite). `--only cli` builds just the CLI (what `npm run cli` needs); `--quiet`
// prints nothing on success.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const quiet = args.includes('--quiet');
const log = (m) => quiet || console.log(m);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Left in node_modules: the regedit package's .wsf scripts are found next to its package.json,
  // and koffi finds its prebuilt native module (@koromix/koffi-win32-x64) beside its own folder.
  external: ['electron', 'regedit', 'electron-log', 'koffi'],
};

const bundles = {
  cli: {
    entryPoints: ['electron/cli/exproxy.ts'],
    outfile: 'dist/cli/exproxy.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  main: { entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.js' },
  // Sandboxed preloads cannot require anything but a few Electron modules: bundle it whole.
  preload: {
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload/preload.js',
    platform: 'browser',
    external: ['electron'],
  },
  demo: { entryPoints: ['electron/demo/server.ts'], outfile: 'dist/demo/server.js' },
};

const wanted = only ? [only] : [...Object.keys(bundles), 'renderer'];
for (const name of wanted) {
  if (name === 'renderer') {
    const r = spawnSync(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--config',
        'renderer/vite.config.ts',
        '--logLevel',
        quiet ? 'error' : 'warn',
      ],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
    log('built renderer → dist/renderer');
    continue;
  }
  const b = bundles[name];
  if (!b) {
    console.error(`unknown bundle ${name}`);
    process.exit(2);
  }
  await build({ ...common, ...b });
  if (name === 'cli') chmodSync(b.outfile, 0o755);
  log(`built ${name} → ${b.outfile}`);
}
