import type { RegTree } from './reg-tree';
import type { RegValue } from './reg-value';

/**
 * Which registry view a read or write targets. Only `HKLM\SOFTWARE` is redirected for
 * 32-bit programs; in a snapshot the 32-bit view of `HKLM\SOFTWARE\X` appears at
 * `HKLM\SOFTWARE\WOW6432Node\X`, as 64-bit regedit exports show it.
 */
export type RegView = 'default' | '32' | '64';

export interface SubtreeRequest {
  /** Key path, e.g. `HKEY_CURRENT_USER\Software\...`. */
  readonly path: string;
  readonly view?: RegView;
  /** false: only this key's values and subkey names (no recursion). Default true. */
  readonly recursive?: boolean;
}

/** Reads many subtrees at once; adapters batch them into as few processes as they can. */
export interface RegistryReader {
  /** Human name of the adapter actually used ("simulated", "reg.exe", "regedit"). */
  readonly name: string;
  /** Missing keys are simply absent from the returned tree. */
  readSubtrees(requests: readonly SubtreeRequest[]): Promise<RegTree>;
}

/** One value of a batch: set it, or delete it (`value: null`; deleting an absent value is fine). */
export interface RegWrite {
  readonly path: string;
  readonly name: string;
  readonly value: RegValue | null;
  readonly view?: RegView;
}

export interface RegistryWriter {
  setValue(path: string, name: string, value: RegValue, view?: RegView): Promise<void>;
  /** Deleting a value that is absent is not an error. */
  deleteValue(path: string, name: string, view?: RegView): Promise<void>;
  /**
   * Writes the values in order, all or nothing where the adapter can (each is checked against
   * the allowlist before any is written). Adapters without it get one call per value.
   */
  writeMany?(writes: readonly RegWrite[]): Promise<void>;
}

export interface RegistryPort extends RegistryReader, RegistryWriter {}

/** Maps a request path to where its content sits in a snapshot tree. */
export function snapshotPathFor(path: string, view: RegView = 'default'): string {
  if (view !== '32') return path;
  const m = /^(HKEY_LOCAL_MACHINE|HKLM)\\SOFTWARE\\(?!WOW6432Node\\)(.*)$/i.exec(path);
  return m ? `HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\${m[2]}` : path;
}
