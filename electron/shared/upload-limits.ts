/**
 * What the browser host accepts as the files of a collected folder. Shared (zod-free) so the
 * page can say at once what it will not send; the service checks again, as it must.
 */

/** collect.cmd writes a few dozen files; more means the wrong folder was picked. */
export const MAX_UPLOAD_FILES = 64;
/** All files together, decoded (a large Office export is a few MiB). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
/** What collect.cmd writes: registry exports, listings and facts, IIS and event files. */
export const UPLOAD_EXTENSIONS = ['.reg', '.txt', '.csv', '.xml'] as const;

/** Windows device names: a file called `con.reg` cannot be created or opened there. */
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,119}$/;

export type UploadNameProblem = 'pattern' | 'extension' | 'device';

/**
 * Why a file name cannot be taken (a plain name, no folder part, one of the extensions
 * collect.cmd writes), or null when it can.
 */
export function uploadNameProblem(name: string): UploadNameProblem | null {
  if (!NAME.test(name) || /[. ]$/.test(name)) return 'pattern';
  const lower = name.toLowerCase();
  if (!UPLOAD_EXTENSIONS.some((e) => lower.endsWith(e))) return 'extension';
  if (DEVICE.test(name.split('.')[0]!.trim())) return 'device';
  return null;
}

/** Files of a fix kit: someone picked the kit folder instead of the folder collected by it. */
export function isKitFileName(name: string): boolean {
  return /^(fix|undo)-(user|machine)\.reg$/i.test(name) || /^kit\.json$/i.test(name);
}
