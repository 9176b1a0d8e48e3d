import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/**
 * Writes a file so that a crash leaves either the old or the new content, never a torn
 * one: write a temp file beside it, flush it to disk, rename it over the target.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  // Random part: two writes in the same millisecond must not share a temp file; 'wx' refuses one that exists.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(temp);
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (e) {
    // The old file is intact; do not leave the temp file behind.
    unlinkSync(temp);
    throw e;
  }
  // Make the rename itself durable where the platform allows syncing a directory.
  if (process.platform !== 'win32') {
    try {
      const dfd = openSync(dirname(path), 'r');
      fsyncSync(dfd);
      closeSync(dfd);
    } catch {
      /* not supported on this file system */
    }
  }
}
