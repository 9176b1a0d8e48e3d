import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test-support/sample-machines';
import { writeFileAtomic } from './atomic-file';

// Lets a test make the n-th write fail after part of the data reached the temp file.
const failure = vi.hoisted(() => ({ partialThenThrow: false, renameThrows: false }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
      if (failure.partialThenThrow) {
        real.writeSync(fd, buffer, offset, Math.min(length, 3));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return real.writeSync(fd, buffer, offset, length);
    }) as typeof real.writeSync,
    renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
      if (failure.renameThrows)
        throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
      return real.renameSync(from, to);
    }) as typeof real.renameSync,
  };
});

afterEach(() => {
  failure.partialThenThrow = false;
  failure.renameThrows = false;
});

describe('writeFileAtomic', () => {
  it('creates and replaces a file with bytes or UTF-8 text, leaving no temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'registry.reg');
    writeFileAtomic(file, new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    expect([...fs.readFileSync(file)]).toEqual([0xff, 0xfe, 0x41, 0x00]);
    writeFileAtomic(file, 'caf\u00e9\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('caf\u00e9\n');
    expect(fs.readdirSync(dir)).toEqual(['registry.reg']);
  });

  it('writes large and empty contents completely', () => {
    const dir = tempDir();
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => i & 0xff);
    writeFileAtomic(join(dir, 'big'), big);
    expect(fs.readFileSync(join(dir, 'big')).equals(Buffer.from(big))).toBe(true);
    writeFileAtomic(join(dir, 'empty'), new Uint8Array(0));
    expect(fs.statSync(join(dir, 'empty')).size).toBe(0);
  });

  it('a failure part-way through writing leaves the old file untouched and removes the temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'registry.reg');
    fs.writeFileSync(file, 'old content');
    failure.partialThenThrow = true;
    expect(() => writeFileAtomic(file, 'new content that never fully lands')).toThrow(/ENOSPC/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old content');
    expect(fs.readdirSync(dir)).toEqual(['registry.reg']);
  });

  it('a failed rename leaves the old file as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'registry.reg');
    fs.writeFileSync(file, 'old content');
    failure.renameThrows = true;
    expect(() => writeFileAtomic(file, 'new')).toThrow(/EPERM/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old content');
  });
});
