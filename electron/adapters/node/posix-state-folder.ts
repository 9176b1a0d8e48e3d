import { lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_ENTRIES, type StateFolderGuard, type StateScope } from '../../core/machine/state-folder-port';
import { assertNoLinks, refuse } from './link-free';

/**
 * The state-folder check off Windows (simulated machines, tests, macOS): the POSIX
 * counterpart of the machine-scope ACL is "owned by this account or root, and nobody
 * else may write" (no group or other write bit) — on the folder and on what is in it.
 */
export class PosixStateFolder implements StateFolderGuard {
  constructor(private readonly uid: number | null = process.getuid?.() ?? null) {}

  async prepare(dir: string, scope: StateScope): Promise<void> {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    assertNoLinks(dir);
    if (scope === 'user') return;
    for (const path of [dir, ...STATE_ENTRIES.map((e) => join(dir, e))]) {
      let st;
      try {
        st = lstatSync(path);
      } catch {
        continue;
      }
      if (this.uid !== null && st.uid !== this.uid && st.uid !== 0)
        refuse(`${path} belongs to user ${st.uid}, not to this account or root`);
      if ((st.mode & 0o022) !== 0)
        refuse(`${path} can be written by other users (mode ${(st.mode & 0o777).toString(8)})`);
    }
  }
}
