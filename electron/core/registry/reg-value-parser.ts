/**
 * Reads the data of one `name=data` line of a `.reg` file (and its `\` continuation lines):
 * quoted strings, `dword:`, `hex:` and `hex(n):` bytes. It records where the data sits, so
 * the patcher can replace a value and keep the rest of its line.
 */
import { UnreadableInputError } from '../errors';
import { quoteFound, whereText } from './reg-errors';
import type { RegValueEntry } from './reg-format';
import type { RegValue } from './reg-value';
import { decodeAnsi, decodeUtf16le } from './text-encoding';

/** Char code -> nibble, -1 if not a hex digit. Full 16-bit range so lookups need no bounds check. */
const HEX = new Int8Array(65536).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}

export function isSpace(c: number): boolean {
  // \r counts so "\r\r\n" line ends and stray CRs are tolerated.
  return c === 32 || c === 9 || c === 13;
}

/** A syntax error with the bare reason kept, so a damaged value can be reported as a warning. */
export class LineError extends UnreadableInputError {
  constructor(
    readonly what: string,
    fileName: string | undefined,
    line: number,
  ) {
    super(whereText(fileName, line, what), fileName, line);
  }
}

export class RegValueParser {
  private scratch = new Uint8Array(4096);
  /** Where the line after the value just parsed starts, and that value's last line number. */
  protected next = 0;
  protected lineNo = 0;
  /** End of the closing quote of the last quoted string. */
  private quoteEnd = 0;
  /** Of the value just parsed: see ValueSpan in reg-parser.ts. */
  protected dataStart = 0;
  protected dataEnd = 0;
  protected lastLineEnd = 0;
  protected continuationIndent: string | null = null;

  constructor(
    protected readonly text: string,
    protected readonly fileName: string | undefined,
    private readonly v5: boolean,
  ) {}

  protected fail(line: number, what: string): UnreadableInputError {
    return new LineError(what, this.fileName, line);
  }

  protected valueLine(p: number, lineEnd: number, lineNo: number): RegValueEntry {
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
    this.dataStart = p;
    this.lastLineEnd = lineEnd;
    const c = p < lineEnd ? text.charCodeAt(p) : -1;
    let value: RegValue | null;
    if (c === 34 /* " */) {
      const data = this.quoted(p, lineEnd, lineNo, 'string');
      this.endOfValue(this.quoteEnd, lineEnd, lineNo, 'string');
      this.dataEnd = this.quoteEnd;
      value = { type: 'REG_SZ', data };
    } else if (c === 45 /* - */) {
      this.endOfValue(p + 1, lineEnd, lineNo, '"-" (delete)');
      this.dataEnd = p + 1;
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

  protected quoted(p: number, lineEnd: number, lineNo: number, what: string): string {
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
        this.dataEnd = i;
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
      if (!continued) {
        let q = p < lineEnd ? p : lineEnd;
        while (q > 0 && isSpace(text.charCodeAt(q - 1))) q--;
        this.dataEnd = q;
        this.lastLineEnd = lineEnd;
        break;
      }
      // The next line that continues the data; like regedit, blank lines and ; comment lines
      // in between are skipped.
      const from = line;
      let pos = 0;
      for (;;) {
        pos = this.next;
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
      this.continuationIndent ??= text.slice(pos, p);
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
