import { snapshotPathFor, type SubtreeRequest } from './registry-port';
import { RegTree } from './reg-tree';

/**
 * What a registry read returns when the registry is a tree already in memory (a simulated or
 * collected PC): each requested subtree copied out, or one key's values and subkey names.
 */
export function readSubtreesFrom(tree: RegTree, requests: readonly SubtreeRequest[]): RegTree {
  const out = new RegTree();
  for (const r of requests) {
    const path = snapshotPathFor(r.path, r.view);
    const key = tree.getKey(path);
    if (!key) continue;
    if (r.recursive === false) {
      out.ensureKey(path);
      for (const { name, value } of key.values.values()) out.setValue(path, name, value);
      for (const sub of key.subkeys.values()) out.ensureKey(`${path}\\${sub.name}`);
    } else {
      tree.copySubtreeInto(path, out);
    }
  }
  return out;
}
