import { existsSync } from 'node:fs';
import { system32Path, windowsRoot } from './system-root';

/**
 * True inside a Wine prefix (its System32 holds wineboot.exe; Windows never does). Wine is not
 * a platform the product supports, but the Wine suites and anyone trying the adapters on Linux
 * run there, and Wine 8's wineserver has crashed when several reg.exe processes ran at once.
 */
export function runningUnderWine(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const root = windowsRoot(env);
  return platform === 'win32' && root !== undefined && exists(system32Path(root, 'wineboot.exe'));
}
