import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron binary if `npm ci` could download it (not on Linux CI), else why not. */
export function electronBinary(): { path: string | null; reason: string } {
  try {
    const path = createRequire(__filename)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path, reason: '' };
    return { path: null, reason: `the Electron binary is missing (${String(path)})` };
  } catch (e) {
    return {
      path: null,
      reason: `the Electron binary is not installed here (${(e as Error).message.split('\n')[0]}); it is not downloaded on Linux`,
    };
  }
}
