/** Shapes shared by the `.reg` reader, writer and patcher. */
import type { Hive } from './key-path';
import type { RegValue } from './reg-value';

export type RegFileHeader = 'Windows Registry Editor Version 5.00' | 'REGEDIT4';
export type RegFileEncoding = 'utf16le' | 'utf8' | 'ansi';

export interface RegFileFormat {
  readonly header: RegFileHeader;
  readonly encoding: RegFileEncoding;
  readonly bom: boolean;
  readonly eol: '\r\n' | '\n';
}

export const V5_HEADER = 'Windows Registry Editor Version 5.00';

/** What `reg export` and regedit write. */
export const REGEDIT5_FORMAT: RegFileFormat = Object.freeze({
  header: V5_HEADER,
  encoding: 'utf16le',
  bom: true,
  eol: '\r\n',
});

/**
 * Windows keeps a registry tree at most 512 levels deep ("Registry element size limits",
 * learn.microsoft.com/windows/win32/sysinfo/registry-element-size-limits); a deeper key line
 * cannot come from a real registry, so it is refused with its line instead of being walked.
 */
export const MAX_KEY_DEPTH = 512;

export interface RegValueEntry {
  /** '' is the default value (`@`). */
  readonly name: string;
  /** null deletes the value (`"v"=-`). */
  readonly value: RegValue | null;
  /** 1-based line in the file it was read from; 0 when not read from a file. */
  readonly line: number;
}

export interface RegKeyEntry {
  /** Full hive name (`HKEY_CURRENT_USER\...`); the rest as written in the file. */
  readonly path: string;
  /** `[-key]`: delete the key and everything under it. */
  readonly deleteKey: boolean;
  readonly line: number;
  readonly values: RegValueEntry[];
}

/**
 * Something in a readable file worth telling the technician: a value line that could not be
 * read and was skipped, or a second export joined onto the first (`copy /b a.reg+b.reg`).
 */
export interface RegFileWarning {
  readonly kind: 'damaged-value' | 'joined-export';
  /** 1-based line where it starts. */
  readonly line: number;
  /** Names the file (when known) and the line, like the parser's errors. */
  readonly message: string;
  /** For a damaged value: its key and (as far as it could be read) its name. */
  readonly key?: string;
  readonly name?: string;
}

export interface RegFile {
  readonly format: RegFileFormat;
  readonly keys: RegKeyEntry[];
  /** Set by the parser (empty when nothing was skipped); absent on files built in memory. */
  readonly warnings?: readonly RegFileWarning[];
}

export const HIVES = new Map<string, Hive>([
  ['hkey_local_machine', 'HKEY_LOCAL_MACHINE'],
  ['hklm', 'HKEY_LOCAL_MACHINE'],
  ['hkey_current_user', 'HKEY_CURRENT_USER'],
  ['hkcu', 'HKEY_CURRENT_USER'],
  ['hkey_classes_root', 'HKEY_CLASSES_ROOT'],
  ['hkcr', 'HKEY_CLASSES_ROOT'],
  ['hkey_users', 'HKEY_USERS'],
  ['hku', 'HKEY_USERS'],
  ['hkey_current_config', 'HKEY_CURRENT_CONFIG'],
  ['hkcc', 'HKEY_CURRENT_CONFIG'],
]);
