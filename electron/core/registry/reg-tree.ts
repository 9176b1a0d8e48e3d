import { asciiLower } from './ascii-case';
import { canonicalKeyPath, splitKeyPath, type Hive } from './key-path';
import type { RegValue } from './reg-value';

/** One key: names keep their case, lookups ignore the case of ASCII letters (see ascii-case.ts). */
export class RegKey {
  readonly subkeys = new Map<string, RegKey>();
  readonly values = new Map<string, { name: string; value: RegValue }>();
  constructor(readonly name: string) {}

  subkey(name: string): RegKey | undefined {
    return this.subkeys.get(asciiLower(name));
  }
  subkeyNames(): string[] {
    return [...this.subkeys.values()].map((k) => k.name);
  }
  value(name: string): RegValue | undefined {
    return this.values.get(asciiLower(name))?.value;
  }
  valueNames(): string[] {
    return [...this.values.values()].map((v) => v.name);
  }
}

/** An in-memory registry: the simulated machine and every snapshot read from a real one. */
export class RegTree {
  private readonly roots = new Map<string, RegKey>();
  /** Hives shown as another key (lower-case hive name -> that key's path parts). */
  private readonly links = new Map<string, { hive: Hive; parts: string[] }>();

  /**
   * Shows the key at `target` as `hive` too, the way Windows shows the signed-in user's
   * `HKEY_USERS\<SID>` as `HKEY_CURRENT_USER`: both names reach the same keys, and `walk()`
   * lists them once, under `target`.
   */
  link(hive: Hive, target: string): void {
    this.links.set(asciiLower(hive), splitKeyPath(target));
  }

  /** The hive and parts a path really names (through a link). */
  private resolve(path: string): { hive: Hive; parts: string[] } {
    const split = splitKeyPath(path);
    const link = this.links.get(asciiLower(split.hive));
    return link ? { hive: link.hive, parts: [...link.parts, ...split.parts] } : split;
  }

  getKey(path: string): RegKey | undefined {
    const { hive, parts } = this.resolve(path);
    let node = this.roots.get(asciiLower(hive));
    for (const p of parts) {
      if (!node) return undefined;
      node = node.subkey(p);
    }
    return node;
  }

  hasKey(path: string): boolean {
    return this.getKey(path) !== undefined;
  }

  ensureKey(path: string): RegKey {
    const { hive, parts } = this.resolve(path);
    let node: RegKey | undefined = this.roots.get(asciiLower(hive));
    if (!node) {
      node = new RegKey(hive);
      this.roots.set(asciiLower(hive), node);
    }
    for (const p of parts) {
      let next: RegKey | undefined = node.subkey(p);
      if (!next) {
        next = new RegKey(p);
        node.subkeys.set(asciiLower(p), next);
      }
      node = next;
    }
    return node;
  }

  getValue(path: string, name: string): RegValue | undefined {
    return this.getKey(path)?.value(name);
  }

  setValue(path: string, name: string, value: RegValue): void {
    const key = this.ensureKey(path);
    const existing = key.values.get(asciiLower(name));
    key.values.set(asciiLower(name), { name: existing?.name ?? name, value });
  }

  deleteValue(path: string, name: string): boolean {
    return this.getKey(path)?.values.delete(asciiLower(name)) ?? false;
  }

  deleteKey(path: string): boolean {
    const { hive, parts } = this.resolve(path);
    if (parts.length === 0) return this.roots.delete(asciiLower(hive));
    const parent = this.getKey([hive, ...parts.slice(0, -1)].join('\\'));
    return parent?.subkeys.delete(asciiLower(parts[parts.length - 1]!)) ?? false;
  }

  /** Every key in depth-first order with its full path (parents before children). */
  *walk(from?: string): Generator<{ path: string; key: RegKey }> {
    const start = from
      ? [{ path: canonicalKeyPath(from), key: this.getKey(from) }]
      : [...this.roots.values()].map((k) => ({ path: k.name, key: k as RegKey | undefined }));
    const stack = start.filter((s): s is { path: string; key: RegKey } => s.key !== undefined).reverse();
    while (stack.length > 0) {
      const item = stack.pop()!;
      yield item;
      const children = [...item.key.subkeys.values()].reverse();
      for (const c of children) stack.push({ path: `${item.path}\\${c.name}`, key: c });
    }
  }

  /** Copies the subtree at `path` (with its own path) into `target`. */
  copySubtreeInto(path: string, target: RegTree): void {
    const source = this.getKey(path);
    if (!source) return;
    // Node to node: resolving each value's full path again would dominate a large scan.
    copyKey(source, target.ensureKey(path));
  }
}

/** Merges `from` into `to`; with a stack, not recursion, so no depth can overflow it. */
function copyKey(from: RegKey, to: RegKey): void {
  const stack: [RegKey, RegKey][] = [[from, to]];
  for (let pair = stack.pop(); pair; pair = stack.pop()) {
    const [src, dst] = pair;
    for (const [lower, entry] of src.values) {
      const existing = dst.values.get(lower);
      dst.values.set(lower, { name: existing?.name ?? entry.name, value: entry.value });
    }
    for (const [lower, sub] of src.subkeys) {
      let next = dst.subkeys.get(lower);
      if (!next) {
        next = new RegKey(sub.name);
        dst.subkeys.set(lower, next);
      }
      stack.push([sub, next]);
    }
  }
}
