import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-machines';
import { writeKitFolder } from './kit-folder-writer';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const bytes = (s: string) => new TextEncoder().encode(s);

describe('writing a kit folder', () => {
  it('writes every file, subfolders included, into a new or empty folder', () => {
    const root = tempDir('exproxy-kitw-');
    dirs.push(root);
    const target = join(root, 'kit one');
    mkdirSync(target);
    writeKitFolder(target, [
      { path: 'fix.cmd', bytes: bytes('a') },
      { path: 'check/user-after.reg', bytes: bytes('b') },
    ]);
    expect(readFileSync(join(target, 'check', 'user-after.reg'), 'utf8')).toBe('b');
    expect(readdirSync(root)).toEqual(['kit one']);
  });

  it('leaves nothing behind when a file cannot be written', () => {
    const root = tempDir('exproxy-kitw-');
    dirs.push(root);
    const target = join(root, 'kit');
    expect(() =>
      writeKitFolder(target, [
        { path: 'fix.cmd', bytes: bytes('a') },
        { path: '../escape.reg', bytes: bytes('x') },
      ]),
    ).toThrow(/bad kit file name/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });
});
