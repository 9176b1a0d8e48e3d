/**
 * An export of another user's hive, made from an administrator session (`reg export
 * "HKU\S-1-5-21-…\Software\…"`), names that user's keys `HKEY_USERS\<SID>\…` and has no
 * `HKEY_CURRENT_USER` at all. Windows itself shows the signed-in user's `HKEY_USERS\<SID>` as
 * `HKEY_CURRENT_USER`, so the simulated machine does the same for such a file: readers see the
 * SID's keys as HKCU, and writes to HKCU go back to the `HKEY_USERS\<SID>` lines.
 *
 * Only user accounts count: local and domain users (S-1-5-21-…) and Microsoft Entra ID users
 * (S-1-12-1-…). `.DEFAULT`, the service accounts S-1-5-18/19/20 and the `…_Classes` hives are
 * not a person's settings. With two or more users there is no safe choice, so none is made.
 */
import { splitKeyPath } from '../../core/registry/key-path';
import type { RegTree } from '../../core/registry/reg-tree';

const USER_SID = /^S-1-(?:5-21|12-1)-\d+(?:-\d+)+$/i;

export interface UserHives {
  /** The SID shown as HKEY_CURRENT_USER, when there is exactly one. */
  readonly sid: string | null;
  /** Every user SID the file has when it has no HKEY_CURRENT_USER keys (none otherwise). */
  readonly candidates: readonly string[];
}

export function findUserHives(tree: RegTree): UserHives {
  if (tree.hasKey('HKEY_CURRENT_USER')) return { sid: null, candidates: [] };
  const users =
    tree
      .getKey('HKEY_USERS')
      ?.subkeyNames()
      .filter((name) => USER_SID.test(name)) ?? [];
  return { sid: users.length === 1 ? users[0]! : null, candidates: users };
}

/** `HKEY_CURRENT_USER\…` as the file names it: `HKEY_USERS\<sid>\…`. Other paths as they are. */
export function userHivePath(path: string, sid: string | null): string {
  if (sid === null) return path;
  const { hive, parts } = splitKeyPath(path);
  return hive === 'HKEY_CURRENT_USER' ? ['HKEY_USERS', sid, ...parts].join('\\') : path;
}
