/**
 * Reads what `reg query KEY > file` wrote: the key's values and its subkeys' paths. Windows
 * Vista and later (and Wine) separate name, type and data with four spaces; XP's reg.exe
 * uses tabs and prints a `! REG.EXE VERSION 3.0` header. The text is in the PC's OEM code
 * page: ASCII is exact, anything else is read as UTF-8 when it is valid UTF-8, else as ANSI.
 */
import { UnreadableInputError } from '../errors';
import { canonicalKeyPath, keyPathEquals } from '../registry/key-path';
import { decodeAnsi } from '../registry/text-encoding';
import type { RegTree } from '../registry/reg-tree';
import { hexToBytes, type RegValue } from '../registry/reg-value';

export interface ListedKey {
  readonly path: string;
  readonly values: ReadonlyArray<{ readonly name: string; readonly value: RegValue }>;
  readonly subkeys: readonly string[];
}

export function decodeListingBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeAnsi(bytes);
  }
}

function toValue(type: string, data: string): RegValue | null {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return { type, data };
    case 'REG_MULTI_SZ':
      return { type, data: data === '' ? [] : data.split('\\0') };
    case 'REG_DWORD': {
      const m = /^0x([0-9a-f]{1,8})$/i.exec(data.trim());
      return m ? { type, data: parseInt(m[1]!, 16) } : null;
    }
    case 'REG_QWORD': {
      const m = /^0x([0-9a-f]{1,16})$/i.exec(data.trim());
      return m ? { type, data: BigInt(`0x${m[1]}`) } : null;
    }
    case 'REG_BINARY':
    case 'REG_NONE':
      return /^(?:[0-9a-f]{2})*$/i.test(data.trim()) ? { type, data: hexToBytes(data.trim()) } : null;
    default:
      return null;
  }
}

function valueLine(line: string): { name: string; type: string; data: string } | null {
  const body = line.replace(/^ {4}/, '');
  if (body.includes('\t')) {
    const [name = '', type = '', ...rest] = body.split('\t');
    return /^REG_[A-Z_]+$/.test(type) ? { name, type, data: rest.join('\t') } : null;
  }
  const m = /^(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(body);
  return m ? { name: m[1]!, type: m[2]!, data: m[3] ?? '' } : null;
}

/** Parses a listing of `expectedKey`; names the file and line when it is something else. */
export function parseRegQueryListing(text: string, expectedKey: string, fileName: string): ListedKey {
  const lines = text.split(/\r?\n/);
  const root = canonicalKeyPath(expectedKey);
  const values: { name: string; value: RegValue }[] = [];
  const subkeys: string[] = [];
  let inRoot = false;
  let sawRoot = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^HKEY_/i.test(line)) {
      const path = line.trim();
      let canonical: string;
      try {
        canonical = canonicalKeyPath(path);
      } catch {
        throw new UnreadableInputError(
          `${fileName} line ${i + 1}: not a registry key: ${line.slice(0, 80)}`,
          fileName,
          i + 1,
        );
      }
      if (keyPathEquals(canonical, root)) {
        inRoot = true;
        sawRoot = true;
      } else {
        inRoot = false;
        const rest = canonical.slice(root.length + 1);
        if (canonical.toLowerCase().startsWith(`${root.toLowerCase()}\\`) && rest && !rest.includes('\\'))
          subkeys.push(rest);
      }
      return;
    }
    if (!inRoot || !/^( {4}|\t)/.test(line)) return;
    const v = valueLine(line);
    if (!v || /^[(<].*[)>]$/.test(v.name)) return;
    const value = toValue(v.type, v.data);
    if (value) values.push({ name: v.name, value });
  });
  if (!sawRoot) {
    throw new UnreadableInputError(
      `${fileName}: expected the output of "reg query ${expectedKey}", found no such key line`,
      fileName,
    );
  }
  return { path: root, values, subkeys };
}

/** Adds a listing to a snapshot: the key, its values and its (empty) subkeys. */
export function applyListingToTree(listing: ListedKey, tree: RegTree): void {
  tree.ensureKey(listing.path);
  for (const { name, value } of listing.values) tree.setValue(listing.path, name, value);
  for (const sub of listing.subkeys) tree.ensureKey(`${listing.path}\\${sub}`);
}

function formatData(v: RegValue): string {
  const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join('');
  switch (v.type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return v.data;
    case 'REG_MULTI_SZ':
      return v.data.join('\\0');
    case 'REG_DWORD':
      return `0x${v.data.toString(16)}`;
    case 'REG_QWORD':
      return `0x${v.data.toString(16)}`;
    case 'REG_BINARY':
    case 'REG_NONE':
      return hex(v.data);
    case 'REG_RAW':
      return hex(v.data);
  }
}

/**
 * The text `reg query KEY` prints on Windows Vista and later (four-space columns, then the
 * subkeys' full paths), for sample folders and tests.
 */
export function formatRegQueryListing(listing: ListedKey): string {
  const lines = ['', listing.path];
  for (const { name, value } of listing.values) {
    const type = value.type === 'REG_RAW' ? 'REG_NONE' : value.type;
    lines.push(`    ${name}    ${type}    ${formatData(value)}`);
  }
  lines.push('');
  for (const sub of listing.subkeys) lines.push(`${listing.path}\\${sub}`);
  return `${lines.join('\r\n')}\r\n`;
}
