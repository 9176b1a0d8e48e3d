// Electron's own install script is denied in package.json (allowScripts) because it downloads
// a binary, which fails on machines without internet access (our Linux CI). Here we run it
// where the app can actually run (Windows, macOS), and skip it on Linux with a clear note.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.platform === 'linux';
const installer = 'node_modules/electron/install.js';
if (!existsSync(installer)) process.exit(0);
if (skip) {
  console.log(
    'exchange-proxy-wizard: Electron binary not downloaded (Linux or ELECTRON_SKIP_BINARY_DOWNLOAD set). ' +
      'Tests, the CLI and `npm run demo` work without it; `npm start` needs it.',
  );
  process.exit(0);
}
const r = spawnSync(process.execPath, [installer], { stdio: 'inherit', env: process.env });
if (r.status !== 0) {
  console.warn(
    'exchange-proxy-wizard: the Electron download failed; `npm start` will not work until it succeeds.',
  );
}
