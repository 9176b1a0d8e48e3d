import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExproxyError } from '../core/errors';
import type { UploadFile } from '../shared/ipc-contract';
import {
  isKitFileName,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_FILES,
  UPLOAD_EXTENSIONS,
  uploadNameProblem,
} from '../shared/upload-limits';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const PROBLEM_TEXT = {
  pattern: 'is not a plain file name (letters, digits, space, . _ - ( ) only; no folder part)',
  extension: `is not a file collect.cmd writes (${UPLOAD_EXTENSIONS.join(', ')})`,
  device: 'is a Windows device name',
} as const;

function refuse(message: string): never {
  throw new ExproxyError('usage', `${message} Nothing was uploaded. Pick the folder collect.cmd wrote.`);
}

function decodedSize(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

/** Every check, before a single byte is written. */
function checkUpload(files: readonly UploadFile[]): void {
  if (files.length === 0) refuse('No files were given.');
  if (files.length > MAX_UPLOAD_FILES)
    refuse(`${files.length} files is more than the ${MAX_UPLOAD_FILES} a collected folder holds.`);
  const seen = new Set<string>();
  let total = 0;
  for (const f of files) {
    const shown = JSON.stringify(f.name.slice(0, 80));
    const problem = uploadNameProblem(f.name);
    if (problem) refuse(`${shown} ${PROBLEM_TEXT[problem]}.`);
    if (isKitFileName(f.name))
      refuse(`${shown} belongs to a fix kit: open the "after" folder fix.cmd wrote inside the kit.`);
    const key = f.name.toLowerCase();
    if (seen.has(key)) refuse(`${shown} is there twice.`);
    seen.add(key);
    if (f.base64.length % 4 !== 0) refuse(`${shown} did not arrive intact.`);
    // Sizes first: no pattern runs over data that is too large anyway.
    total += decodedSize(f.base64);
    if (total > MAX_UPLOAD_BYTES)
      refuse(`The files are larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB together.`);
    if (!BASE64.test(f.base64)) refuse(`${shown} did not arrive intact.`);
  }
}

/**
 * Writes the files of a collected folder (browser host) into a new folder of their own under
 * `root`, after checking all of them: names, count, encoding and size. Returns the folder; a
 * failure leaves nothing behind.
 */
export function writeUploadedFolder(root: string, files: readonly UploadFile[]): string {
  checkUpload(files);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const dir = join(root, `upload-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { mode: 0o700 });
  try {
    for (const f of files) writeFileSync(join(dir, f.name), Buffer.from(f.base64, 'base64'), { flag: 'wx' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return dir;
}
