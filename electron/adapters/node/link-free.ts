import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { ExproxyError } from '../../core/errors';
import { STATE_ENTRIES } from '../../core/machine/state-folder-port';

/**
 * The state folder and what is in it must be plain folders and files: a link or a junction
 * there could send a write made as SYSTEM anywhere (Node reports junctions as links too).
 */
export function assertNoLinks(dir: string): void {
  const top = lstatSync(dir);
  if (top.isSymbolicLink() || !top.isDirectory())
    refuse(`${dir} is ${top.isSymbolicLink() ? 'a link or junction' : 'not a folder'}`);
  for (const entry of STATE_ENTRIES) {
    const path = join(dir, entry);
    let st;
    try {
      st = lstatSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const wantFile = entry.endsWith('.log');
    if (st.isSymbolicLink()) refuse(`${path} is a link or junction`);
    if (wantFile ? !st.isFile() : !st.isDirectory())
      refuse(`${path} is not a ${wantFile ? 'file' : 'folder'}`);
  }
}

export function refuse(why: string): never {
  throw new ExproxyError(
    'blocked',
    `The state folder cannot be trusted: ${why}. Nothing was read from it or changed. ` +
      'An administrator should remove or repair it (only SYSTEM and Administrators may write there), then run again.',
    { why },
  );
}
