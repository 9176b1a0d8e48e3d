import { isUnderKeyPath, shortKeyPath, splitKeyPath } from '../registry/key-path';
import { snapshotPathFor, type SubtreeRequest } from '../registry/registry-port';
import { cmdLiteral } from './cmd-text';

/**
 * `export`: `reg export` of the whole subtree (a `.reg` file). `list`: `reg query` of the key
 * alone (its values and subkey names, as text), for requests that do not want the subtree —
 * `reg export` cannot leave subkeys out, and under `Windows NT\CurrentVersion` they include
 * `Winlogon`, which can hold an automatic-logon password in plain text.
 */
export type CollectionMode = 'export' | 'list';

export interface CollectionItem {
  /** File in the collected folder, named after what it holds. */
  readonly file: string;
  /** The key as reg.exe takes it (`HKLM\...`). */
  readonly key: string;
  /** Where its content sits in a snapshot tree (the 32-bit view under `WOW6432Node`). */
  readonly snapshotPath: string;
  readonly mode: CollectionMode;
  /** Under `HKLM\SOFTWARE`: a 32-bit reg.exe on 64-bit Windows would read another view. */
  readonly redirected: boolean;
}

function slug(parts: readonly string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * What collect.cmd gathers, derived from the scan's own request list: one item per distinct
 * subtree. The 32-bit view of `HKLM\SOFTWARE\X` is exported by its `WOW6432Node` path, which
 * a native reg.exe reads on every 64-bit Windows from XP x64 on (no `/reg:32`, which XP's
 * reg.exe lacks); on 32-bit Windows that key does not exist and is recorded as absent.
 */
export function collectionItems(requests: readonly SubtreeRequest[]): CollectionItem[] {
  const items: CollectionItem[] = [];
  const files = new Set<string>();
  for (const r of requests) {
    const snapshotPath = snapshotPathFor(r.path, r.view);
    const mode: CollectionMode = r.recursive === false ? 'list' : 'export';
    if (items.some((i) => i.mode === mode && i.snapshotPath.toLowerCase() === snapshotPath.toLowerCase()))
      continue;
    const { hive, parts } = splitKeyPath(snapshotPath);
    const hiveShort = hive === 'HKEY_CURRENT_USER' ? 'hkcu' : hive === 'HKEY_LOCAL_MACHINE' ? 'hklm' : '';
    if (!hiveShort) throw new Error(`collect.cmd reads only HKCU and HKLM, not ${snapshotPath}`);
    // The last three names say what it is; where the same names recur, say which copy it is.
    const lower = parts.map((x) => x.toLowerCase());
    const marks = [
      lower.includes('clicktorun') && lower.includes('registry') ? 'click-to-run' : '',
      lower.includes('wow6432node') ? '32-bit' : '',
      // A Group Policy copy of a setting the file list also holds the user's own copy of.
      lower.includes('policies') && !lower.slice(-3).includes('policies') ? 'policy' : '',
    ].filter(Boolean);
    const base = `${hiveShort}-${slug([...parts.slice(-3), ...marks])}`;
    const ext = mode === 'export' ? '.reg' : '.txt';
    let file = `${base}${ext}`;
    for (let n = 2; files.has(file); n++) file = `${base}-${n}${ext}`;
    files.add(file);
    items.push({
      file: cmdLiteral('file', file),
      key: cmdLiteral('key', shortKeyPath(snapshotPath)),
      snapshotPath,
      mode,
      redirected: isUnderKeyPath(snapshotPath, 'HKEY_LOCAL_MACHINE\\SOFTWARE'),
    });
  }
  return items;
}
