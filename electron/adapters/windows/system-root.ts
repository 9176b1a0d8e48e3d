import { win32 } from 'node:path';

/** `C:\Windows`, `D:\WINNT`: a drive, then folder names of ordinary characters, no `..`. */
const SAFE_ROOT = /^[A-Za-z]:(?:\\[A-Za-z0-9 _()~-]+(?:\.[A-Za-z0-9 _()~-]+)*)+$/;

/**
 * The Windows folder from the environment, or undefined when it is missing or looks odd.
 * Callers that start a program by absolute path refuse to run without it, rather than fall
 * back to a bare name that Windows would search for (current folder first).
 */
export function windowsRoot(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const root = env.SystemRoot ?? env.SYSTEMROOT ?? env.windir;
  return root !== undefined && SAFE_ROOT.test(root) ? root : undefined;
}

/** `<root>\System32\<parts...>` with Windows separators on every platform (tests run on Linux). */
export function system32Path(root: string, ...parts: string[]): string {
  return win32.join(root, 'System32', ...parts);
}
