/**
 * Reading a simulated machine's files (`--hive FILE`, a machine folder's registry.reg and
 * machine.json) only when they are regular files. A device (`/dev/zero` never ends), a FIFO
 * (blocks until a writer comes) or a folder is refused with what it is, before anything is
 * read. A symbolic link is followed only to a regular file; the machine then reads and writes
 * that file (the atomic write replaces the target, and the link stays a link).
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { UnreadableInputError } from '../../core/errors';

/** The path to read and write for `file`, or null when it does not exist. */
export function regularFileTarget(file: string, expected: string): string | null {
  let st: Stats;
  try {
    st = lstatSync(file);
  } catch (e) {
    if (isMissing(e)) return null;
    throw cannotRead(file, e);
  }
  if (!st.isSymbolicLink()) {
    if (!st.isFile()) throw notAFile(file, st, expected);
    return file;
  }
  let target: string;
  try {
    target = realpathSync(file);
    st = statSync(target);
  } catch (e) {
    throw new UnreadableInputError(`${file}: is a link to something that cannot be read (${code(e)})`, file);
  }
  if (!st.isFile()) throw notAFile(file, st, expected, ' (it is a link to one)');
  return target;
}

/**
 * Reads a regular file of at most `maxBytes`. Opened without blocking and checked again on the
 * open handle, so a file swapped for a FIFO after the check cannot make the read hang.
 */
export function readRegularFile(file: string, shownAs: string, expected: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw cannotRead(shownAs, e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notAFile(shownAs, st, expected);
    if (st.size > maxBytes) {
      throw new UnreadableInputError(
        `${shownAs}: ${st.size} bytes is over the ${maxBytes / 1024 / 1024} MiB size limit for this file; this is not a file we can use`,
        shownAs,
      );
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `expected` says what to give instead, e.g. "a .reg export saved on disk". */
function notAFile(file: string, st: Stats, expected: string, via = ''): UnreadableInputError {
  const what = st.isDirectory()
    ? 'a folder'
    : st.isFIFO()
      ? 'a named pipe (FIFO)'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? 'a device'
        : st.isSocket()
          ? 'a socket'
          : 'something other than a file';
  return new UnreadableInputError(
    `${file}: is ${what}${via}, not a regular file, so nothing was read; expected ${expected}`,
    file,
  );
}

function cannotRead(file: string, e: unknown): UnreadableInputError {
  if (isMissing(e)) return new UnreadableInputError(`${file}: file not found`, file);
  const why = code(e) === 'EACCES' || code(e) === 'EPERM' ? 'permission denied' : code(e);
  return new UnreadableInputError(`${file}: cannot be read (${why})`, file);
}

function isMissing(e: unknown): boolean {
  return code(e) === 'ENOENT' || code(e) === 'ENOTDIR';
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));
}
