import {
  isKitFileName,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_FILES,
  uploadNameProblem,
} from '../../../electron/shared/upload-limits';
import type { UploadFile } from '../contract';

/** Why the page will not send a picked folder (the service would refuse it too). */
export type UploadProblem = 'kit' | 'empty' | 'too-many' | 'too-large';

/** What of a picked folder the page sends: its own files collect.cmd could have written. */
export interface UploadSelection {
  readonly send: readonly File[];
  /** Names left out: in a subfolder, or not a file collect.cmd writes. */
  readonly skipped: readonly string[];
  readonly problem: UploadProblem | null;
}

/** A folder picker gives `folder/name` (or deeper); plain multi-select gives no path. */
function inSubfolder(f: File): boolean {
  const rel = (f as File & { webkitRelativePath?: string }).webkitRelativePath ?? '';
  return rel.split('/').filter(Boolean).length > 2;
}

export function selectUpload(files: readonly File[]): UploadSelection {
  const top = files.filter((f) => !inSubfolder(f));
  if (top.some((f) => isKitFileName(f.name))) return { send: [], skipped: [], problem: 'kit' };
  const send = top.filter((f) => uploadNameProblem(f.name) === null);
  const skipped = files.filter((f) => !send.includes(f)).map((f) => f.name);
  let problem: UploadProblem | null = null;
  if (send.length === 0) problem = 'empty';
  else if (send.length > MAX_UPLOAD_FILES) problem = 'too-many';
  else if (send.reduce((n, f) => n + f.size, 0) > MAX_UPLOAD_BYTES) problem = 'too-large';
  return { send, skipped, problem };
}

function base64(bytes: Uint8Array): string {
  let text = '';
  // In slices: String.fromCharCode takes a limited number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** FileReader rather than `File.arrayBuffer()`: older engines (and jsdom) have only the former. */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
    reader.readAsArrayBuffer(file);
  });
}

/** The files' bytes, as the upload channel takes them. */
export async function toUploadFiles(files: readonly File[]): Promise<UploadFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, base64: base64(await readBytes(f)) })));
}
