import { asciiLower } from './ascii-case';

/**
 * Registry key paths. Canonical form uses full hive names as `.reg` files do
 * (`HKEY_CURRENT_USER\Software\...`); comparisons fold ASCII letters only (see ascii-case.ts).
 */
export type Hive =
  'HKEY_LOCAL_MACHINE' | 'HKEY_CURRENT_USER' | 'HKEY_CLASSES_ROOT' | 'HKEY_USERS' | 'HKEY_CURRENT_CONFIG';

const HIVE_ALIASES: Record<string, Hive> = {
  hklm: 'HKEY_LOCAL_MACHINE',
  hkey_local_machine: 'HKEY_LOCAL_MACHINE',
  hkcu: 'HKEY_CURRENT_USER',
  hkey_current_user: 'HKEY_CURRENT_USER',
  hkcr: 'HKEY_CLASSES_ROOT',
  hkey_classes_root: 'HKEY_CLASSES_ROOT',
  hku: 'HKEY_USERS',
  hkey_users: 'HKEY_USERS',
  hkcc: 'HKEY_CURRENT_CONFIG',
  hkey_current_config: 'HKEY_CURRENT_CONFIG',
};

const SHORT: Record<Hive, string> = {
  HKEY_LOCAL_MACHINE: 'HKLM',
  HKEY_CURRENT_USER: 'HKCU',
  HKEY_CLASSES_ROOT: 'HKCR',
  HKEY_USERS: 'HKU',
  HKEY_CURRENT_CONFIG: 'HKCC',
};

export class KeyPathError extends Error {}

/** Splits and validates a path; returns the canonical hive and the remaining parts. */
export function splitKeyPath(path: string): { hive: Hive; parts: string[] } {
  const trimmed = path.replace(/\\+$/, '');
  const [first = '', ...rest] = trimmed.split('\\');
  const hive = Object.hasOwn(HIVE_ALIASES, asciiLower(first)) ? HIVE_ALIASES[asciiLower(first)] : undefined;
  if (!hive) throw new KeyPathError(`unknown registry hive in "${path}"`);
  if (rest.some((p) => p.length === 0)) throw new KeyPathError(`empty key name in "${path}"`);
  return { hive, parts: rest };
}

export function canonicalKeyPath(path: string): string {
  const { hive, parts } = splitKeyPath(path);
  return [hive, ...parts].join('\\');
}

/** `HKLM\...` form, as reg.exe and regedit accept it. */
export function shortKeyPath(path: string): string {
  const { hive, parts } = splitKeyPath(path);
  return [SHORT[hive], ...parts].join('\\');
}

export function keyPathEquals(a: string, b: string): boolean {
  return asciiLower(canonicalKeyPath(a)) === asciiLower(canonicalKeyPath(b));
}

/** True if `path` is `root` or lies beneath it. */
export function isUnderKeyPath(path: string, root: string): boolean {
  const p = asciiLower(canonicalKeyPath(path));
  const r = asciiLower(canonicalKeyPath(root));
  return p === r || p.startsWith(r + '\\');
}
