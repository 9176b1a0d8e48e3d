import type { RegTree } from '../registry/reg-tree';

/** A REG_DWORD switch as found: absent, set, or present with the wrong type (reported, never used). */
export type DwordReading =
  | { readonly state: 'absent' }
  | { readonly state: 'set'; readonly value: number }
  | { readonly state: 'wrong-type'; readonly type: string };

export function readDword(tree: RegTree, path: string, name: string): DwordReading {
  const v = tree.getValue(path, name);
  if (!v) return { state: 'absent' };
  if (v.type === 'REG_DWORD') return { state: 'set', value: v.data >>> 0 };
  return { state: 'wrong-type', type: v.type === 'REG_RAW' ? `hex(${v.kind})` : v.type };
}

/**
 * A setting with a user value and a policy copy. The policy copy wins whenever it exists (even
 * damaged: an administrator owns it), so `managed` means "hands off".
 */
export interface PolicySwitch {
  readonly user: DwordReading;
  readonly policy: DwordReading;
  readonly managed: boolean;
  /** The value Outlook goes by, or null when neither copy holds a usable DWORD. */
  readonly effective: number | null;
}

export function readPolicySwitch(
  tree: RegTree,
  userKey: string,
  policyKey: string,
  name: string,
): PolicySwitch {
  const user = readDword(tree, userKey, name);
  const policy = readDword(tree, policyKey, name);
  const managed = policy.state !== 'absent';
  const source = managed ? policy : user;
  return { user, policy, managed, effective: source.state === 'set' ? source.value : null };
}
