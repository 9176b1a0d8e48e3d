import { spawnSync } from 'node:child_process';
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
