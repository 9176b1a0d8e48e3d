// `npm start`: launches Electron where its binary exists; says clearly when it does not.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronPath;
try {
  electronPath = require('electron');
} catch {
  electronPath = null;
}
if (typeof electronPath !== 'string') {
  console.error(
    'The Electron binary is not installed on this machine (it is skipped on Linux and when ELECTRON_SKIP_BINARY_DOWNLOAD is set).\n' +
      'On Windows or macOS run `npm ci` again with internet access. Here you can use the browser demo instead: npm run demo',
  );
  process.exit(1);
}
const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
