/**
 * Windows `.reg` file codec: reads what `reg export` and regedit write (and hand-edited variants),
 * and writes the same layout back byte for byte.
 *
 * The parser decodes the whole file once and scans it with charCodeAt/indexOf: no per-line
 * regexes or splits, hex bytes go through a lookup table into one reusable buffer.
 */
import { UnreadableInputError } from '../errors';
import { asciiLower } from './ascii-case';
import { canonicalKeyPath, splitKeyPath, type Hive } from './key-path';
import type { RegTree } from './reg-tree';
import type { RegValue } from './reg-value';
import {
  decodeAnsi,
  decodeUtf16le,
  encodeAnsi,
  encodeUtf16le,
  firstLoneSurrogateIndex,
  firstNonAnsiIndex,
} from './text-encoding';

export type RegFileHeader = 'Windows Registry Editor Version 5.00' | 'REGEDIT4';
export type RegFileEncoding = 'utf16le' | 'utf8' | 'ansi';

export interface RegFileFormat {
  readonly header: RegFileHeader;
  readonly encoding: RegFileEncoding;
  readonly bom: boolean;
  readonly eol: '\r\n' | '\n';
}

const V5_HEADER = 'Windows Registry Editor Version 5.00';

/** What `reg export` and regedit write. */
export const REGEDIT5_FORMAT: RegFileFormat = Object.freeze({
  header: V5_HEADER,
  encoding: 'utf16le',
  bom: true,
  eol: '\r\n',
});

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

export interface RegFile {
  readonly format: RegFileFormat;
  readonly keys: RegKeyEntry[];
}

const HIVES = new Map<string, Hive>([
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

/** Char code -> nibble, -1 if not a hex digit. Full 16-bit range so lookups need no bounds check. */
const HEX = new Int8Array(65536).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}

const HEX2: string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function isSpace(c: number): boolean {
  // \r counts so "\r\r\n" line ends and stray CRs are tolerated.
  return c === 32 || c === 9 || c === 13;
}

function quoteFound(s: string): string {
  if (s.length === 0) return 'nothing';
  const shown = JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
  return s.includes('\0')
    ? `${shown} (NUL characters: binary data, or UTF-16 without its byte order mark?)`
    : shown;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function unreadable(fileName: string | undefined, line: number, what: string): UnreadableInputError {
  return new UnreadableInputError(`${fileName ? `${fileName} ` : ''}line ${line}: ${what}`, fileName, line);
}

// ---------------------------------------------------------------------------------------------
// Reading

const utf16Decoder = new TextDecoder('utf-16le');
const utf8Decoder = new TextDecoder('utf-8');
const utf8StrictDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses `.reg` file bytes. Encoding: FF FE = UTF-16LE, EF BB BF = UTF-8, otherwise UTF-8 if
 * the bytes are valid UTF-8, else ANSI (Windows-1252). Throws only UnreadableInputError.
 */
export function parseRegFile(bytes: Uint8Array, fileName?: string): RegFile {
  let text: string;
  let encoding: RegFileEncoding;
  let bom = false;
  try {
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
      encoding = 'utf16le';
      bom = true;
      if (bytes.length % 2 !== 0) {
        const lines = lineAt(utf16Decoder.decode(bytes.subarray(0, bytes.length - 1)), Infinity);
        throw unreadable(
          fileName,
          lines,
          'the file starts with a UTF-16LE byte order mark but has an odd number of bytes; expected whole UTF-16 characters (is it truncated?)',
        );
      }
      // TextDecoder is fast but turns a lone surrogate into U+FFFD; only then decode exactly,
      // so such a name stays itself (a real U+FFFD in the file just takes the slow path).
      text = utf16Decoder.decode(bytes.subarray(2));
      if (text.includes('\uFFFD')) text = decodeUtf16le(bytes, 2);
    } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
      throw unreadable(
        fileName,
        1,
        'found a UTF-16 big-endian byte order mark; expected UTF-16LE, UTF-8 or ANSI text',
      );
    } else if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      encoding = 'utf8';
      bom = true;
      try {
        text = utf8StrictDecoder.decode(bytes);
      } catch {
        const loose = utf8Decoder.decode(bytes);
        throw unreadable(
          fileName,
          lineAt(loose, loose.indexOf('\uFFFD')),
          'found bytes that are not valid UTF-8 although the file starts with a UTF-8 byte order mark',
        );
      }
    } else {
      if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) {
        throw unreadable(
          fileName,
          1,
          'found NUL bytes: this looks like UTF-16 text without its byte order mark (FF FE), or binary data; expected a .reg text file',
        );
      }
      // REGEDIT4 is ANSI by definition (regedit reads it so), even where its bytes happen to
      // be valid UTF-8 too (Windows-1252 "Ù…" = D9 85 = UTF-8 "م").
      const regedit4 = startsWithAscii(bytes, 'REGEDIT4');
      try {
        if (regedit4) throw new Error('ANSI');
        text = utf8StrictDecoder.decode(bytes);
        encoding = 'utf8';
      } catch {
        text = decodeAnsi(bytes);
        encoding = 'ansi';
      }
    }
  } catch (e) {
    throw asUnreadable(e, fileName);
  }
  const file = parseRegText(text, { header: V5_HEADER, encoding, bom, eol: '\r\n' }, fileName);
  // REGEDIT4 is an ANSI format (regedit reads it as such). Pure ASCII is valid UTF-8 too, but text
  // added later must be written in ANSI, so record the encoding the format means.
  if (file.format.header === 'REGEDIT4' && encoding === 'utf8' && !bom && isAscii(bytes)) {
    return { format: { ...file.format, encoding: 'ansi' }, keys: file.keys };
  }
  return file;
}

function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/**
 * Parses decoded `.reg` text. The header and line ending are read from the text; `format`
 * supplies the encoding and BOM to record (and the line ending if the text has no line break).
 */
export function parseRegText(text: string, format: RegFileFormat, fileName?: string): RegFile {
  try {
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const nl = text.indexOf('\n', start);
    let end = nl < 0 ? text.length : nl;
    const eol = nl < 0 ? format.eol : nl > start && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const first = text.slice(start, end);
    let header: RegFileHeader;
    if (first === V5_HEADER) header = V5_HEADER;
    else if (first === 'REGEDIT4') header = 'REGEDIT4';
    else {
      throw unreadable(
        fileName,
        1,
        `expected the header "${V5_HEADER}" or "REGEDIT4", found ${nl < 0 && first === '' ? 'an empty file' : quoteFound(first)}`,
      );
    }
    const keys = new RegParser(text, fileName, header === V5_HEADER).run(nl < 0 ? text.length : nl + 1);
    return { format: { header, encoding: format.encoding, bom: format.bom, eol }, keys };
  } catch (e) {
    throw asUnreadable(e, fileName);
  }
}

function asUnreadable(e: unknown, fileName: string | undefined): UnreadableInputError {
  if (e instanceof UnreadableInputError) return e;
  const why = e instanceof Error ? e.message : String(e);
  return new UnreadableInputError(
    `${fileName ? `${fileName}: ` : ''}could not be read as a .reg file (${why})`,
    fileName,
  );
}

interface MutableKeyEntry {
  path: string;
  deleteKey: boolean;
  line: number;
  values: RegValueEntry[];
}

class RegParser {
  private scratch = new Uint8Array(4096);
  /** Where the line after the value just parsed starts, and that value's last line number. */
  private next = 0;
  private lineNo = 0;
  /** End of the closing quote of the last quoted string. */
  private quoteEnd = 0;

  constructor(
    private readonly text: string,
    private readonly fileName: string | undefined,
    private readonly v5: boolean,
  ) {}

  private fail(line: number, what: string): UnreadableInputError {
    return unreadable(this.fileName, line, what);
  }

  run(pos: number): RegKeyEntry[] {
    const text = this.text;
    const len = text.length;
    const keys: MutableKeyEntry[] = [];
    let current: MutableKeyEntry | null = null;
    let lineNo = 1;
    while (pos < len) {
      lineNo++;
      const nl = text.indexOf('\n', pos);
      let next: number;
      let lineEnd: number;
      if (nl < 0) {
        next = lineEnd = len;
      } else {
        next = nl + 1;
        lineEnd = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      }
      let p = pos;
      pos = next;
      while (p < lineEnd && isSpace(text.charCodeAt(p))) p++;
      if (p === lineEnd) continue;
      const c = text.charCodeAt(p);
      if (c === 59 /* ; */) continue;
      if (c === 91 /* [ */) {
        current = this.keyLine(p, lineEnd, lineNo);
        keys.push(current);
        continue;
      }
      if (c === 34 /* " */ || c === 64 /* @ */) {
        if (current === null) {
          throw this.fail(lineNo, 'found a value before any key; expected a [HKEY_...] key line first');
        }
        if (current.deleteKey) {
          throw this.fail(
            lineNo,
            `found a value under [-${current.path}] (line ${current.line}), which deletes that key; expected a [key] line first`,
          );
        }
        this.next = next;
        this.lineNo = lineNo;
        current.values.push(this.valueLine(p, lineEnd, lineNo));
        pos = this.next;
        lineNo = this.lineNo;
        continue;
      }
      throw this.fail(
        lineNo,
        `expected a [key] line, a "name"=value or @=value line, or a ; comment, found ${quoteFound(text.slice(p, lineEnd))}`,
      );
    }
    return keys;
  }

  private keyLine(p: number, lineEnd: number, lineNo: number): MutableKeyEntry {
    const text = this.text;
    let q = lineEnd;
    while (q > p && isSpace(text.charCodeAt(q - 1))) q--;
    if (q - p >= 2 && text.charCodeAt(q - 1) !== 93 /* ] */) {
      // `[key] ; comment`: the key ends at the last "]" that only blanks and a comment follow.
      // (A line ending in "]" is all key: reg export writes names containing "]" as they are.)
      for (let i = q - 1; i > p; i--) {
        if (text.charCodeAt(i) !== 93) continue;
        let j = i + 1;
        while (j < q && isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === 59 /* ; */) q = i + 1;
        break;
      }
    }
    if (q - p < 2 || text.charCodeAt(q - 1) !== 93 /* ] */) {
      throw this.fail(
        lineNo,
        `expected a key line like [HKEY_CURRENT_USER\\Software\\Example] ending in "]", found ${quoteFound(text.slice(p, q))}`,
      );
    }
    let s = p + 1;
    const deleteKey = text.charCodeAt(s) === 45; /* - */
    if (deleteKey) s++;
    const path = this.keyPath(s, q - 1, lineNo);
    if (deleteKey && path.indexOf('\\') < 0) {
      throw this.fail(lineNo, `cannot delete a whole hive ([-${path}]); expected [-HKEY_...\\key]`);
    }
    return { path, deleteKey, line: lineNo, values: [] };
  }

  private keyPath(s: number, e: number, lineNo: number): string {
    const text = this.text;
    while (e > s && text.charCodeAt(e - 1) === 92) e--; // trailing backslashes, as reg.exe tolerates
    let bs = -1;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c === 0) throw this.fail(lineNo, `expected a key path, found ${quoteFound(text.slice(s, e))}`);
      if (c !== 92) continue;
      if (bs < 0) bs = i;
      if (text.charCodeAt(i + 1) === 92) {
        throw this.fail(
          lineNo,
          `expected a key path without empty key names ("\\\\"), found ${quoteFound(text.slice(s, e))}`,
        );
      }
    }
    const hiveText = text.slice(s, bs < 0 ? e : bs);
    const hive = HIVES.get(asciiLower(hiveText));
    if (hive === undefined) {
      throw this.fail(
        lineNo,
        `expected a key path starting with HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS or HKEY_CURRENT_CONFIG, found ${quoteFound(text.slice(s, e))}`,
      );
    }
    if (hiveText === hive) return text.slice(s, e);
    return bs < 0 ? hive : hive + text.slice(bs, e);
  }

  private valueLine(p: number, lineEnd: number, lineNo: number): RegValueEntry {
    const text = this.text;
    let name: string;
    if (text.charCodeAt(p) === 64) {
      name = '';
      p++;
    } else {
      name = this.quoted(p, lineEnd, lineNo, 'value name');
      p = this.quoteEnd;
    }
    while (p < lineEnd && isSpace(text.charCodeAt(p))) p++;
    if (p >= lineEnd || text.charCodeAt(p) !== 61 /* = */) {
      throw this.fail(
        lineNo,
        `expected "=" after the value name, found ${quoteFound(text.slice(p, lineEnd))}`,
      );
    }
    p++;
    while (p < lineEnd && isSpace(text.charCodeAt(p))) p++;
    const c = p < lineEnd ? text.charCodeAt(p) : 0;
    let value: RegValue | null;
    if (c === 34) {
      const data = this.quoted(p, lineEnd, lineNo, 'string');
      this.endOfValue(this.quoteEnd, lineEnd, lineNo, 'string');
      value = { type: 'REG_SZ', data };
    } else if (c === 45 /* - */) {
      this.endOfValue(p + 1, lineEnd, lineNo, '"-" (delete)');
      value = null;
    } else if ((c | 32) === 100 /* d */) {
      value = this.dword(p, lineEnd, lineNo);
    } else if ((c | 32) === 104 /* h */) {
      value = this.hex(p, lineEnd, lineNo);
    } else {
      throw this.fail(
        lineNo,
        `expected "string", dword:XXXXXXXX, hex:..., hex(n):... or - after "=", found ${quoteFound(text.slice(p, lineEnd))}`,
      );
    }
    return { name, value, line: lineNo };
  }

  /** Reads `"..."` starting at the quote; only \\ and \" are escapes. Sets quoteEnd. */
  private quoted(p: number, lineEnd: number, lineNo: number, what: string): string {
    const text = this.text;
    const start = p + 1;
    let i = start;
    for (; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        this.quoteEnd = i + 1;
        return text.slice(start, i);
      }
      if (c === 92 || c === 0) break;
    }
    let out = '';
    let seg = start;
    while (i < lineEnd) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        this.quoteEnd = i + 1;
        return out + text.slice(seg, i);
      }
      if (c === 0)
        throw this.fail(
          lineNo,
          `expected text in the ${what}, found ${quoteFound(text.slice(start, lineEnd))}`,
        );
      if (c === 92) {
        const d = i + 1 < lineEnd ? text.charCodeAt(i + 1) : -1;
        // \\ and \" as regedit writes them; \n and \r as Wine's reg export writes line breaks.
        const unescaped = d === 92 ? '\\' : d === 34 ? '"' : d === 110 ? '\n' : d === 114 ? '\r' : null;
        if (unescaped === null) {
          throw this.fail(
            lineNo,
            `expected \\\\, \\", \\n or \\r after a backslash in the ${what}, found ${d < 0 ? 'the end of the line' : quoteFound(text.slice(i, i + 2))}`,
          );
        }
        out += text.slice(seg, i) + unescaped;
        i += 2;
        seg = i;
        continue;
      }
      i++;
    }
    throw this.fail(lineNo, `expected a closing " for the ${what}, found the end of the line`);
  }

  private endOfValue(p: number, lineEnd: number, lineNo: number, what: string): void {
    const text = this.text;
    while (p < lineEnd && isSpace(text.charCodeAt(p))) p++;
    if (p < lineEnd && text.charCodeAt(p) !== 59) {
      throw this.fail(
        lineNo,
        `expected the end of the line (or a ; comment) after the ${what}, found ${quoteFound(text.slice(p, lineEnd))}`,
      );
    }
  }

  /** Text from p up to the next separator, for error messages. */
  private token(p: number, lineEnd: number): string {
    const text = this.text;
    let e = p;
    while (e < lineEnd && e - p < 40) {
      const c = text.charCodeAt(e);
      if (isSpace(c) || c === 44 || c === 59) break;
      e++;
    }
    return text.slice(p, e === p && p < lineEnd ? p + 1 : e);
  }

  /** `dword:` and 1 to 8 hex digits (regedit writes 8; hand-written files often fewer). */
  private dword(p: number, lineEnd: number, lineNo: number): RegValue {
    const text = this.text;
    const ok =
      p + 6 <= lineEnd &&
      (text.charCodeAt(p + 1) | 32) === 119 && // w
      (text.charCodeAt(p + 2) | 32) === 111 && // o
      (text.charCodeAt(p + 3) | 32) === 114 && // r
      (text.charCodeAt(p + 4) | 32) === 100 && // d
      text.charCodeAt(p + 5) === 58; // :
    let i = p + 6;
    let n = 0;
    if (ok) {
      while (i < lineEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      const digits = i;
      while (i < lineEnd && HEX[text.charCodeAt(i)]! >= 0) n = n * 16 + HEX[text.charCodeAt(i++)]!;
      const c = i < lineEnd ? text.charCodeAt(i) : 32;
      if (i > digits && (isSpace(c) || c === 59)) {
        if (i - digits > 8) {
          throw this.fail(
            lineNo,
            `the dword value ${quoteFound(text.slice(digits, i))} is out of range; expected at most 8 hex digits (00000000 to ffffffff)`,
          );
        }
        this.endOfValue(i, lineEnd, lineNo, 'dword');
        return { type: 'REG_DWORD', data: n };
      }
    }
    throw this.fail(
      lineNo,
      `expected dword:XXXXXXXX (up to 8 hex digits), found ${quoteFound(this.token(p, lineEnd))}`,
    );
  }

  private hex(p: number, lineEnd: number, lineNo: number): RegValue {
    const text = this.text;
    if (
      p + 3 >= lineEnd ||
      (text.charCodeAt(p + 1) | 32) !== 101 || // e
      (text.charCodeAt(p + 2) | 32) !== 120 // x
    ) {
      throw this.badHexType(p, lineEnd, lineNo);
    }
    let i = p + 3;
    let kind = 3;
    if (text.charCodeAt(i) === 40 /* ( */) {
      i++;
      const digitsStart = i;
      kind = 0;
      while (i < lineEnd && HEX[text.charCodeAt(i)]! >= 0) kind = kind * 16 + HEX[text.charCodeAt(i++)]!;
      if (i === digitsStart || i - digitsStart > 8 || i >= lineEnd || text.charCodeAt(i) !== 41 /* ) */)
        throw this.badHexType(p, lineEnd, lineNo);
      i++;
    }
    if (i >= lineEnd || text.charCodeAt(i) !== 58 /* : */) throw this.badHexType(p, lineEnd, lineNo);
    const n = this.hexBytes(i + 1, lineEnd, lineNo);
    return this.hexValue(kind, n);
  }

  private badHexType(p: number, lineEnd: number, lineNo: number): UnreadableInputError {
    return this.fail(
      lineNo,
      `expected hex: or hex(n): (n in hex), found ${quoteFound(this.token(p, lineEnd))}`,
    );
  }

  /** Parses comma-separated hex bytes (with `\` line continuations) into scratch; returns the count. */
  private hexBytes(p: number, lineEnd: number, lineNo: number): number {
    const text = this.text;
    let scratch = this.scratch;
    let n = 0;
    let needByte = true;
    let line = lineNo;
    for (;;) {
      // Room for every byte this physical line could hold, so the loops below need no checks.
      const room = n + ((lineEnd - p) >> 1) + 1;
      if (room > scratch.length) {
        const grown = new Uint8Array(Math.max(room, scratch.length * 2));
        grown.set(scratch.subarray(0, n));
        scratch = this.scratch = grown;
      }
      let continued = false;
      while (p < lineEnd) {
        const c = text.charCodeAt(p);
        if (needByte && HEX[c]! >= 0) {
          // The "xx,xx,xx" run regedit writes: stay in this tight loop while it holds.
          for (;;) {
            const hi = HEX[text.charCodeAt(p)]!;
            const lo = p + 1 < lineEnd ? HEX[text.charCodeAt(p + 1)]! : -1;
            if ((hi | lo) < 0) throw this.badByte(p, lineEnd, line);
            scratch[n++] = (hi << 4) | lo;
            p += 2;
            if (p + 2 < lineEnd && text.charCodeAt(p) === 44 && HEX[text.charCodeAt(p + 1)]! >= 0) {
              p++;
              continue;
            }
            break;
          }
          needByte = false;
        } else if (isSpace(c)) {
          p++;
        } else if (c === 44 /* , */ && !needByte) {
          p++;
          needByte = true;
        } else if (c === 92 /* \ */) {
          let q = p + 1;
          while (q < lineEnd && isSpace(text.charCodeAt(q))) q++;
          if (q < lineEnd) {
            throw this.fail(
              line,
              `expected the end of the line after "\\" (line continuation), found ${quoteFound(text.slice(p, lineEnd))}`,
            );
          }
          continued = true;
          break;
        } else if (c === 59 /* ; */) {
          break;
        } else if (!needByte) {
          // "123": a third digit glued to a byte; "01 02": a missing comma.
          if (HEX[c]! >= 0 && HEX[text.charCodeAt(p - 1)]! >= 0) throw this.badByte(p - 2, lineEnd, line);
          throw this.fail(
            line,
            `expected "," between hex bytes, found ${quoteFound(this.token(p, lineEnd))}`,
          );
        } else {
          throw this.badByte(p, lineEnd, line);
        }
      }
      if (!continued) break;
      // The next line that continues the data; like regedit, blank lines and ; comment lines
      // in between are skipped.
      const from = line;
      for (;;) {
        const pos = this.next;
        if (pos >= text.length) {
          throw this.fail(
            line,
            `the hex data ends with "\\" (continued on the next line, line ${from}) but the file ends; expected more hex bytes`,
          );
        }
        line++;
        const nl = text.indexOf('\n', pos);
        if (nl < 0) {
          this.next = lineEnd = text.length;
        } else {
          this.next = nl + 1;
          lineEnd = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        }
        p = pos;
        while (p < lineEnd && isSpace(text.charCodeAt(p))) p++;
        if (p < lineEnd && text.charCodeAt(p) !== 59 /* ; */) break;
      }
      if (HEX[text.charCodeAt(p)]! < 0) {
        throw this.fail(
          line,
          `expected hex bytes continuing the value from line ${from} (it ends with "\\"), found ${quoteFound(text.slice(p, lineEnd))}`,
        );
      }
    }
    this.lineNo = line;
    return n;
  }

  private badByte(p: number, lineEnd: number, line: number): UnreadableInputError {
    return this.fail(
      line,
      `expected a hex byte (two hex digits), found ${quoteFound(this.token(p, lineEnd))}`,
    );
  }

  private hexValue(kind: number, n: number): RegValue {
    const s = this.scratch;
    switch (kind) {
      case 3:
        return { type: 'REG_BINARY', data: this.keep(n) };
      case 0:
        return { type: 'REG_NONE', data: this.keep(n) };
      case 4:
        if (n === 4)
          return { type: 'REG_DWORD', data: (s[0]! | (s[1]! << 8) | (s[2]! << 16) | (s[3]! << 24)) >>> 0 };
        break;
      case 11:
        if (n === 8) {
          const lo = (s[0]! | (s[1]! << 8) | (s[2]! << 16) | (s[3]! << 24)) >>> 0;
          const hi = (s[4]! | (s[5]! << 8) | (s[6]! << 16) | (s[7]! << 24)) >>> 0;
          return { type: 'REG_QWORD', data: (BigInt(hi) << 32n) | BigInt(lo) };
        }
        break;
      case 1:
      case 2: {
        const str = this.sz(n);
        if (str !== null) return { type: kind === 1 ? 'REG_SZ' : 'REG_EXPAND_SZ', data: str };
        break;
      }
      case 7: {
        const list = this.multiSz(n);
        if (list !== null) return { type: 'REG_MULTI_SZ', data: list };
        break;
      }
    }
    return { type: 'REG_RAW', kind, data: this.keep(n) };
  }

  /** A NUL-terminated string in scratch[0..n), or null if malformed. */
  private sz(n: number): string | null {
    const s = this.scratch;
    if (this.v5) {
      if (n < 2 || n % 2 !== 0 || s[n - 1] !== 0 || s[n - 2] !== 0) return null;
      return decodeUtf16le(s, 0, n - 2);
    }
    if (n < 1 || s[n - 1] !== 0) return null;
    return decodeAnsi(s, 0, n - 1);
  }

  /** Strings each NUL-terminated plus a final NUL (a lone NUL = empty list), or null if malformed. */
  private multiSz(n: number): string[] | null {
    const s = this.scratch;
    const unit = this.v5 ? 2 : 1;
    if (n % unit !== 0) return null;
    for (let i = Math.max(0, n - 2 * unit); i < n; i++) if (s[i] !== 0) return null;
    if (n === unit) return [];
    if (n < 2 * unit) return null;
    const joined = this.v5 ? decodeUtf16le(s, 0, n - 4) : decodeAnsi(s, 0, n - 2);
    return joined.split('\0');
  }

  /** Copies scratch[0..n) into a buffer of its own (a plain loop beats slice() for the many tiny values). */
  private keep(n: number): Uint8Array {
    if (n > 64) return this.scratch.slice(0, n);
    const out = new Uint8Array(n);
    const s = this.scratch;
    for (let i = 0; i < n; i++) out[i] = s[i]!;
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/** regedit breaks a hex line once it reaches this many characters (before the trailing `\`). */
const HEX_LINE_BREAK_AT = 77;

const MUST_HEX = /[\0\r\n]/;

class RegWriter {
  private readonly parts: string[] = [];
  private readonly v5: boolean;
  private readonly ansi: boolean;
  private readonly eol: string;

  constructor(private readonly format: RegFileFormat) {
    this.v5 = format.header === V5_HEADER;
    this.ansi = format.encoding === 'ansi';
    this.eol = format.eol;
  }

  write(keys: readonly RegKeyEntry[]): string {
    const { parts, eol } = this;
    parts.push(this.format.header, eol, eol);
    for (const key of keys) {
      const path = canonicalKeyPath(key.path);
      this.checkName(path, () => `key [${path}]`);
      if (key.deleteKey && (key.values.length > 0 || path.indexOf('\\') < 0)) {
        throw new Error(
          `cannot write [-${path}]: a whole hive cannot be deleted and a deleted key has no values`,
        );
      }
      parts.push(key.deleteKey ? '[-' : '[', path, ']', eol);
      for (const v of key.values) this.value(v, path);
      parts.push(eol);
    }
    return parts.join('');
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

  private value(v: RegValueEntry, keyPath: string): void {
    const what = (): string => `value ${v.name === '' ? '@' : JSON.stringify(v.name)} under [${keyPath}]`;
    this.checkName(v.name, what);
    const prefix = v.name === '' ? '@=' : `"${escapeRegString(v.name)}"=`;
    const val = v.value;
    const { parts, eol } = this;
    if (val === null) {
      parts.push(prefix, '-', eol);
      return;
    }
    switch (val.type) {
      case 'REG_SZ':
        if (this.canQuote(val.data)) parts.push(prefix, '"', escapeRegString(val.data), '"', eol);
        else this.hexValue(prefix, 'hex(1):', this.stringBytes([val.data], false, what));
        return;
      case 'REG_EXPAND_SZ':
        this.hexValue(prefix, 'hex(2):', this.stringBytes([val.data], false, what));
        return;
      case 'REG_MULTI_SZ':
        if (val.data.some((s) => s.includes('\0'))) {
          throw new Error(`cannot write ${what()}: a REG_MULTI_SZ string contains a NUL`);
        }
        this.hexValue(prefix, 'hex(7):', this.stringBytes(val.data, true, what));
        return;
      case 'REG_DWORD': {
        const d = val.data;
        if (!Number.isInteger(d) || d < 0 || d > 0xffffffff) {
          throw new Error(`cannot write ${what()}: REG_DWORD ${d} is not an integer in 0..0xffffffff`);
        }
        parts.push(prefix, 'dword:', d.toString(16).padStart(8, '0'), eol);
        return;
      }
      case 'REG_QWORD': {
        const q = val.data;
        if (q < 0n || q > 0xffffffffffffffffn)
          throw new Error(`cannot write ${what()}: REG_QWORD ${q} is out of range`);
        const bytes = new Uint8Array(8);
        for (let i = 0; i < 8; i++) bytes[i] = Number((q >> BigInt(8 * i)) & 0xffn);
        this.hexValue(prefix, 'hex(b):', bytes);
        return;
      }
      case 'REG_BINARY':
        this.hexValue(prefix, 'hex:', val.data);
        return;
      case 'REG_NONE':
        this.hexValue(prefix, 'hex(0):', val.data);
        return;
      case 'REG_RAW': {
        const k = val.kind;
        if (!Number.isInteger(k) || k < 0 || k > 0xffffffff)
          throw new Error(`cannot write ${what()}: bad kind ${k}`);
        this.hexValue(prefix, `hex(${k.toString(16)}):`, val.data);
        return;
      }
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

  /** `prefix` + tag + bytes, wrapped exactly as regedit does. */
  private hexValue(prefix: string, tag: string, bytes: Uint8Array): void {
    const { parts, eol } = this;
    const last = bytes.length - 1;
    let lineLen = prefix.length + tag.length;
    let line = prefix + tag;
    for (let i = 0; i <= last; i++) {
      if (i === last) {
        line += HEX2[bytes[i]!]!;
        break;
      }
      line += HEX2[bytes[i]!]! + ',';
      lineLen += 3;
      if (lineLen >= HEX_LINE_BREAK_AT) {
        parts.push(line, '\\', eol);
        line = '  ';
        lineLen = 2;
      }
    }
    parts.push(line, eol);
  }
}

function codePoint(s: string, i: number): string {
  return `U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
}

function escapeRegString(s: string): string {
  return s.indexOf('\\') < 0 && s.indexOf('"') < 0 ? s : s.replace(/[\\"]/g, '\\$&');
}

const utf8Encoder = new TextEncoder();

/** Encodes the file in its own format (header, encoding, BOM and line endings). */
export function writeRegFile(file: RegFile): Uint8Array {
  const { format } = file;
  const text = new RegWriter(format).write(file.keys);
  switch (format.encoding) {
    case 'utf16le':
      return encodeUtf16le(text, format.bom);
    case 'utf8': {
      const body = utf8Encoder.encode(text);
      if (!format.bom) return body;
      const out = new Uint8Array(body.length + 3);
      out.set([0xef, 0xbb, 0xbf]);
      out.set(body, 3);
      return out;
    }
    case 'ansi':
      // ANSI has no byte order mark.
      return encodeAnsi(text);
  }
}

// ---------------------------------------------------------------------------------------------
// Trees

/** The path of an existing key with the case stored in the tree, or undefined. */
function storedPath(tree: RegTree, path: string): string | undefined {
  const { hive, parts } = splitKeyPath(path);
  let node = tree.getKey(hive);
  if (!node) return undefined;
  const names = [node.name];
  for (const p of parts) {
    node = node.subkey(p);
    if (!node) return undefined;
    names.push(node.name);
  }
  return names.join('\\');
}

/** Every key under `roots` (default: the whole tree), parents first, in insertion order. */
export function regFileFromTree(
  tree: RegTree,
  format: RegFileFormat = REGEDIT5_FORMAT,
  roots?: readonly string[],
): RegFile {
  const keys: RegKeyEntry[] = [];
  const seen = new Set<string>();
  const starts: (string | undefined)[] = roots
    ? roots.map((r) => storedPath(tree, r)).filter((r) => r !== undefined)
    : [undefined];
  for (const start of starts) {
    for (const { path, key } of tree.walk(start)) {
      const id = asciiLower(path);
      if (seen.has(id)) continue;
      seen.add(id);
      const values: RegValueEntry[] = [];
      for (const { name, value } of key.values.values()) values.push({ name, value, line: 0 });
      keys.push({ path, deleteKey: false, line: 0, values });
    }
  }
  return { format, keys };
}

/** Applies the file like `reg import`: creates keys, sets and deletes values, `[-key]` removes a subtree. */
export function applyRegFileToTree(file: RegFile, tree: RegTree): void {
  for (const key of file.keys) {
    if (key.deleteKey) {
      tree.deleteKey(key.path);
      continue;
    }
    tree.ensureKey(key.path);
    for (const v of key.values) {
      if (v.value === null) tree.deleteValue(key.path, v.name);
      else tree.setValue(key.path, v.name, v.value);
    }
  }
}
