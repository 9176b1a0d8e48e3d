import { ExproxyError } from '../errors';
import type { PlannedChange } from '../fixes/change-plan';
import { PROFILE_ROOTS } from '../outlook/profile-locations';
import { identityKey } from '../causes/modern-auth';
import { EXCHANGE_CLIENT_KEY, LSA_KEY, MSV1_0_KEY } from '../registry/allowlist';
import { isUnderKeyPath, keyPathEquals, shortKeyPath } from '../registry/key-path';
import { cmdLiteral } from './cmd-text';

export type KitPart = 'user' | 'machine';

/**
 * A fixed key under which a kit's values live. The scripts name only these (product
 * constants): a profile value is checked and backed up through its profile root, so the
 * profile's own name never appears in a command line.
 */
export interface KitRoot {
  /** Short id, also the scratch subkey the checks copy the root to. */
  readonly id: string;
  readonly part: KitPart;
  /** Canonical `HKEY_...` path. */
  readonly path: string;
  /** Copy the whole subtree (profile roots) or only the key's own values (LSA keys). */
  readonly subtree: boolean;
}

/** Where the checks copy live keys to (the user's own hive, deleted after each check). */
export const CHECK_SCRATCH = 'HKEY_CURRENT_USER\\Software\\ExchangeProxyWizardKitCheck';

export const KIT_ROOTS: readonly KitRoot[] = [
  ...PROFILE_ROOTS.map((r) => ({
    id: `profiles-${r.store}`,
    part: 'user' as const,
    path: r.profilesKey,
    subtree: true,
  })),
  // The per-user switches of the causes beyond KB820281 (core/causes), each key's own values.
  { id: 'identity-15', part: 'user', path: identityKey('15.0'), subtree: false },
  { id: 'identity-16', part: 'user', path: identityKey('16.0'), subtree: false },
  { id: 'exchange-client', part: 'user', path: EXCHANGE_CLIENT_KEY, subtree: false },
  { id: 'lsa', part: 'machine', path: LSA_KEY, subtree: false },
  { id: 'msv1_0', part: 'machine', path: MSV1_0_KEY, subtree: false },
];

/** The root a change belongs to; throws for a value a kit never writes. */
export function rootOf(change: PlannedChange): KitRoot {
  const root = KIT_ROOTS.find((r) =>
    r.subtree
      ? isUnderKeyPath(change.path, r.path) && !keyPathEquals(change.path, r.path)
      : keyPathEquals(change.path, r.path),
  );
  const part: KitPart = change.elevated ? 'machine' : 'user';
  if (!root || root.part !== part) {
    throw new ExproxyError('not-allowed', `A fix kit cannot carry ${change.path}\\${change.name}.`);
  }
  return root;
}

/** The same value under the check's scratch copy of its root. */
export function scratchPath(root: KitRoot, path: string): string {
  return `${CHECK_SCRATCH}\\${root.id}${path.slice(root.path.length)}`;
}

/** What the scripts say about a root: reg.exe paths and the value names to compare. */
export interface RootCheck {
  readonly root: KitRoot;
  readonly key: string;
  readonly scratchKey: string;
  readonly valueNames: readonly string[];
}

export function rootChecks(changes: readonly PlannedChange[], part: KitPart): RootCheck[] {
  const out: RootCheck[] = [];
  for (const c of changes) {
    const root = rootOf(c);
    if (root.part !== part) continue;
    let check = out.find((x) => x.root.id === root.id);
    if (!check) {
      check = {
        root,
        key: cmdLiteral('key', shortKeyPath(root.path)),
        scratchKey: cmdLiteral('key', shortKeyPath(`${CHECK_SCRATCH}\\${root.id}`)),
        valueNames: [],
      };
      out.push(check);
    }
    const names = check.valueNames as string[];
    if (!names.some((n) => n.toLowerCase() === c.name.toLowerCase()))
      names.push(cmdLiteral('value-name', c.name));
  }
  return out;
}
