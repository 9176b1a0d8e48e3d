import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ExproxyError } from '../../core/errors';
import type { KitFile } from '../../core/legacy-kit/fix-kit';

/**
 * Writes a kit into `dir`, which must not exist yet or be empty: the files go into a hidden
 * folder beside it first and that folder is renamed into place, so a failure part-way
 * leaves no half-written kit behind.
 */
export function writeKitFolder(dir: string, files: readonly KitFile[]): string {
  const target = resolve(dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory() || readdirSync(target).length > 0) {
      throw new ExproxyError(
        'usage',
        `${target} already exists and is not empty; choose a new folder for the kit.`,
      );
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    for (const f of files) {
      const parts = f.path.split('/');
      if (parts.some((p) => p === '' || p === '.' || p === '..' || /[\\:]/.test(p)))
        throw new ExproxyError('unexpected', `bad kit file name ${f.path}`);
      const path = join(temp, ...parts);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.bytes, { flag: 'wx' });
    }
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  return target;
}
