/**
 * Writes `.reg` text the way regedit and `reg export` do: quoted strings, `dword:` in eight
 * lower-case digits, everything else as `hex(n):` bytes wrapped at 80 columns with a `\` and a
 * two-space indent. The patcher (reg-document.ts) also renders single values with it, in the
 * style of the line they replace (see DataStyle).
 */
import { canonicalKeyPath } from './key-path';
import { encodeRegText } from './reg-decode';
import {
  V5_HEADER,
  type RegFile,
  type RegFileFormat,
  type RegKeyEntry,
  type RegValueEntry,
} from './reg-format';
import { encodeAnsi, encodeUtf16le, firstLoneSurrogateIndex, firstNonAnsiIndex } from './text-encoding';

/** regedit breaks a hex line once it reaches this many characters (before the trailing `\`). */
const HEX_LINE_BREAK_AT = 77;

const MUST_HEX = /[\0\r\n]/;

const HEX2: string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const HEX2_UPPER: string[] = HEX2.map((h) => h.toUpperCase());

/** How a value's data was written, so a replacement can be written the same way. */
export interface DataStyle {
  readonly form: 'string' | 'dword' | 'hex' | 'delete' | 'other';
  /** `dword:` or `hex(n):` exactly as written (any case, `hex:` or `hex(3):`). */
  readonly tag: string;
  /** The kind the hex tag names (3 for `hex:`); -1 when not hex. */
  readonly hexKind: number;
  /** Fewest digits to write a dword with, zero-padded (8 as regedit writes; 1 for `dword:3`). */
  readonly digits: number;
  readonly upper: boolean;
  /** What separates two hex bytes (`,` or `, `). */
  readonly separator: string;
  readonly continuationIndent: string | null;
}

export interface WriterOptions {
  /** Indentation of hex continuation lines (regedit: two spaces). */
  readonly continuationIndent?: string;
}

export class RegWriter {
  private parts: string[] = [];
  private readonly v5: boolean;
  private readonly ansi: boolean;
  private readonly eol: string;
  private readonly indent: string;

  constructor(
    private readonly format: RegFileFormat,
    options: WriterOptions = {},
  ) {
    this.v5 = format.header === V5_HEADER;
    this.ansi = format.encoding === 'ansi';
    this.eol = format.eol;
    this.indent = options.continuationIndent ?? '  ';
  }

  write(keys: readonly RegKeyEntry[]): string {
    const { parts, eol } = this;
    parts.push(this.format.header, eol, eol);
    for (const key of keys) {
      const path = canonicalKeyPath(key.path);
      this.keyLine(path, key.deleteKey, key.values.length);
      for (const v of key.values) this.value(v, path);
      parts.push(eol);
    }
    return this.take();
  }

  /** `[path]` and its line break. */
  keyLine(path: string, deleteKey = false, values = 0): void {
    this.checkName(path, () => `key [${path}]`);
    if (deleteKey && (values > 0 || path.indexOf('\\') < 0)) {
      throw new Error(
        `cannot write [-${path}]: a whole hive cannot be deleted and a deleted key has no values`,
      );
    }
    this.parts.push(deleteKey ? '[-' : '[', path, ']', this.eol);
  }

  /**
   * One value line (or several, for wrapped hex), each with its line break. `prefix` replaces
   * `"name"=` (a patched line keeps its own); `style` writes the data like the line it replaces.
   */
  value(v: RegValueEntry, keyPath: string, prefix?: string, style?: DataStyle): void {
    const what = (): string => `value ${v.name === '' ? '@' : JSON.stringify(v.name)} under [${keyPath}]`;
    this.checkName(v.name, what);
    const head = prefix ?? (v.name === '' ? '@=' : `"${escapeRegString(v.name)}"=`);
    const val = v.value;
    const { parts, eol } = this;
    if (val === null) {
      parts.push(head, '-', eol);
      return;
    }
    switch (val.type) {
      case 'REG_SZ':
        if (this.canQuote(val.data)) parts.push(head, '"', escapeRegString(val.data), '"', eol);
        else this.hexValue(head, 1, this.stringBytes([val.data], false, what), style);
        return;
      case 'REG_EXPAND_SZ':
        this.hexValue(head, 2, this.stringBytes([val.data], false, what), style);
        return;
      case 'REG_MULTI_SZ':
        if (val.data.some((s) => s.includes('\0'))) {
          throw new Error(`cannot write ${what()}: a REG_MULTI_SZ string contains a NUL`);
        }
        this.hexValue(head, 7, this.stringBytes(val.data, true, what), style);
        return;
      case 'REG_DWORD': {
        const d = val.data;
        if (!Number.isInteger(d) || d < 0 || d > 0xffffffff) {
          throw new Error(`cannot write ${what()}: REG_DWORD ${d} is not an integer in 0..0xffffffff`);
        }
        if (style?.form === 'dword') {
          const digits = d.toString(16).padStart(style.digits, '0');
          parts.push(head, style.tag, style.upper ? digits.toUpperCase() : digits, eol);
        } else {
          parts.push(head, 'dword:', d.toString(16).padStart(8, '0'), eol);
        }
        return;
      }
      case 'REG_QWORD': {
        const q = val.data;
        if (q < 0n || q > 0xffffffffffffffffn)
          throw new Error(`cannot write ${what()}: REG_QWORD ${q} is out of range`);
        const bytes = new Uint8Array(8);
        for (let i = 0; i < 8; i++) bytes[i] = Number((q >> BigInt(8 * i)) & 0xffn);
        this.hexValue(head, 11, bytes, style);
        return;
      }
      case 'REG_BINARY':
        this.hexValue(head, 3, val.data, style);
        return;
      case 'REG_NONE':
        this.hexValue(head, 0, val.data, style);
        return;
      case 'REG_RAW': {
        const k = val.kind;
        if (!Number.isInteger(k) || k < 0 || k > 0xffffffff)
          throw new Error(`cannot write ${what()}: bad kind ${k}`);
        this.hexValue(head, k, val.data, style);
        return;
      }
    }
  }

  /** The text written so far; starts over. */
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }

  /** Lone surrogates survive UTF-16 (code units as they are), not UTF-8 or ANSI. */
  private badSurrogate(s: string): boolean {
    return this.format.encoding !== 'utf16le' && firstLoneSurrogateIndex(s) >= 0;
  }

  private checkName(s: string, what: () => string): void {
    if (MUST_HEX.test(s) || this.badSurrogate(s)) {
      throw new Error(
        `cannot write ${what()} in a .reg file: it contains a NUL, a line break or (outside UTF-16) an unpaired surrogate`,
      );
    }
    const bad = this.ansi ? firstNonAnsiIndex(s) : -1;
    if (bad >= 0) {
      throw new Error(
        `cannot write ${what()} in an ANSI .reg file: character ${codePoint(s, bad)} has no ANSI byte`,
      );
    }
  }

  private canQuote(s: string): boolean {
    if (MUST_HEX.test(s) || this.badSurrogate(s)) return false;
    return !this.ansi || firstNonAnsiIndex(s) < 0;
  }

  /** v5: UTF-16LE, REGEDIT4: ANSI; each string NUL-terminated, a multi-string list ends with one more NUL. */
  private stringBytes(strings: readonly string[], multi: boolean, what: () => string): Uint8Array {
    const joined = multi ? (strings.length === 0 ? '\0' : `${strings.join('\0')}\0\0`) : `${strings[0]!}\0`;
    if (this.v5) return encodeUtf16le(joined);
    const bad = firstNonAnsiIndex(joined);
    if (bad >= 0) {
      throw new Error(
        `cannot write ${what()} in a REGEDIT4 file: character ${codePoint(joined, bad)} has no ANSI (Windows-1252) byte`,
      );
    }
    return encodeAnsi(joined);
  }

  /** `prefix` + tag + bytes, wrapped exactly as regedit does (in `style` when it is hex of the same kind). */
  private hexValue(prefix: string, kind: number, bytes: Uint8Array, style?: DataStyle): void {
    const { parts, eol } = this;
    const same = style?.form === 'hex' && style.hexKind === kind;
    const tag = same ? style.tag : kind === 3 ? 'hex:' : `hex(${kind.toString(16)}):`;
    const digits = same && style.upper ? HEX2_UPPER : HEX2;
    const sep = same ? style.separator : ',';
    const indent = (same ? style.continuationIndent : null) ?? this.indent;
    const last = bytes.length - 1;
    let lineLen = prefix.length + tag.length;
    let line = prefix + tag;
    for (let i = 0; i <= last; i++) {
      if (i === last) {
        line += digits[bytes[i]!]!;
        break;
      }
      line += digits[bytes[i]!]! + sep;
      lineLen += 2 + sep.length;
      if (lineLen >= HEX_LINE_BREAK_AT) {
        parts.push(line, '\\', eol);
        line = indent;
        lineLen = indent.length;
      }
    }
    parts.push(line, eol);
  }
}

function codePoint(s: string, i: number): string {
  return `U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function escapeRegString(s: string): string {
  return s.indexOf('\\') < 0 && s.indexOf('"') < 0 ? s : s.replace(/[\\"]/g, '\\$&');
}

/** Encodes the file in its own format (header, encoding, BOM and line endings). */
export function writeRegFile(file: RegFile): Uint8Array {
  const { format } = file;
  return encodeRegText(new RegWriter(format).write(file.keys), format.encoding, format.bom);
}
