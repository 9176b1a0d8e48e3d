import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'exproxy.js');

/**
 * Runs the real, bundled CLI (what scripts and fleet tools run), built once by
 * cli-build.global.ts before any test file starts.
 */
export function exproxy(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, EXPROXY_LANG: 'en', LANG: 'C', ...env },
    input: '',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Like `exproxy`, without blocking this process (for tests that serve something to the CLI). */
export function exproxyAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, EXPROXY_LANG: 'en', LANG: 'C', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
