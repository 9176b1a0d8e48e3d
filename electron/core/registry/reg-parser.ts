/**
 * The `.reg` text parser. It scans the decoded text once with charCodeAt/indexOf: no per-line
 * regexes or splits, hex bytes go through a lookup table into one reusable buffer.
 *
 * Damaged values: a value line whose data cannot be read (a truncated last hex byte, as in
 * reference vector T14, a broken `\` continuation, an unterminated string…) is skipped with a
 * warning naming the file and line, so one bad line in a large export does not make the whole
 * export unusable. The exception is a value the product itself may write (`mustRead`): then
 * the file is refused with the line, because changing a value we could not read is writing blind.
 *
 * Joined exports (`copy /b a.reg+b.reg c.reg`): a second byte order mark and header line in
 * the middle are accepted; both parts are read in order, so where both set a value the later
 * one counts, as `reg import` of the joined file would do. A warning marks where it happens.
 */
import type { Hive } from './key-path';
import { asciiLower } from './ascii-case';
import { quoteFound, unreadable, whereText } from './reg-errors';
import {
  HIVES,
  MAX_KEY_DEPTH,
  V5_HEADER,
  type RegFileHeader,
  type RegFileWarning,
  type RegKeyEntry,
  type RegValueEntry,
} from './reg-format';
import { isSpace, LineError, RegValueParser } from './reg-value-parser';

/** Where one value sits in the text; offsets into the parsed text, `end` excludes the line break. */
export interface ValueSpan {
  /** Start of its first line (any indentation included). */
  readonly start: number;
  /** First character of the data, after `=` and blanks. */
  readonly dataStart: number;
  /** After the data's last character: only blanks and a `; comment` follow on its last line. */
  readonly dataEnd: number;
  /** End of its last line (continuation lines included), before the line break. */
  readonly end: number;
  /** Indentation of its first continuation line, when it has one. */
  readonly continuationIndent: string | null;
}

export interface KeySpan {
  /** Start and end (before the line break) of the `[key]` line. */
  readonly start: number;
  readonly end: number;
  /** End of the block's last value line (damaged ones too), or of the key line. */
  lastLineEnd: number;
  /** One per entry in the key's `values`, in the same order. */
  readonly values: ValueSpan[];
}

export interface ParseOptions {
  readonly fileName?: string;
  /** Record where every key and value sits (for patching the file in place). */
  readonly layout?: boolean;
  /** True for a value that must be readable (one the product writes); its damage refuses the file. */
  readonly mustRead?: (keyPath: string, name: string) => boolean;
}

export interface ParsedRegText {
  readonly header: RegFileHeader;
  readonly eol: '\r\n' | '\n' | null;
  readonly keys: RegKeyEntry[];
  readonly warnings: RegFileWarning[];
  /** One per key entry, when `layout` was asked for. */
  readonly spans: KeySpan[] | null;
}

/** Blanks at the start of a line; a byte order mark there is a joined file's second one. */
function isLeadingSpace(c: number): boolean {
  return isSpace(c) || c === 0xfeff;
}

/** Parses decoded `.reg` text (without its byte order mark). Throws only UnreadableInputError. */
export function parseRegTextDetailed(text: string, options: ParseOptions = {}): ParsedRegText {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const nl = text.indexOf('\n', start);
  let end = nl < 0 ? text.length : nl;
  const eol = nl < 0 ? null : nl > start && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const first = text.slice(start, end);
  let header: RegFileHeader;
  if (first === V5_HEADER) header = V5_HEADER;
  else if (first === 'REGEDIT4') header = 'REGEDIT4';
  else {
    throw unreadable(
      options.fileName,
      1,
      `expected the header "${V5_HEADER}" or "REGEDIT4", found ${nl < 0 && first === '' ? 'an empty file' : quoteFound(first)}`,
    );
  }
  const parser = new RegParser(text, header, options);
  const keys = parser.run(nl < 0 ? text.length : nl + 1);
  return { header, eol, keys, warnings: parser.warnings, spans: parser.spans };
}

interface MutableKeyEntry {
  path: string;
  deleteKey: boolean;
  line: number;
  values: RegValueEntry[];
}

class RegParser extends RegValueParser {
  readonly warnings: RegFileWarning[] = [];
  readonly spans: KeySpan[] | null;

  constructor(
    text: string,
    private readonly header: RegFileHeader,
    private readonly options: ParseOptions,
  ) {
    super(text, options.fileName, header === V5_HEADER);
    this.spans = options.layout ? [] : null;
  }

  run(pos: number): RegKeyEntry[] {
    const text = this.text;
    const len = text.length;
    const keys: MutableKeyEntry[] = [];
    const spans = this.spans;
    let current: MutableKeyEntry | null = null;
    let currentSpan: KeySpan | null = null;
    let lineNo = 1;
    while (pos < len) {
      lineNo++;
      const lineStart = pos;
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
      while (p < lineEnd && isLeadingSpace(text.charCodeAt(p))) p++;
      if (p === lineEnd) continue;
      const c = text.charCodeAt(p);
      if (c === 59 /* ; */) continue;
      if (c === 91 /* [ */) {
        current = this.keyLine(p, lineEnd, lineNo);
        keys.push(current);
        if (spans) {
          currentSpan = { start: lineStart, end: lineEnd, lastLineEnd: lineEnd, values: [] };
          spans.push(currentSpan);
        }
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
        this.continuationIndent = null;
        try {
          current.values.push(this.valueLine(p, lineEnd, lineNo));
          if (currentSpan) {
            currentSpan.values.push({
              start: lineStart,
              dataStart: this.dataStart,
              dataEnd: this.dataEnd,
              end: this.lastLineEnd,
              continuationIndent: this.continuationIndent,
            });
            currentSpan.lastLineEnd = this.lastLineEnd;
          }
          pos = this.next;
          lineNo = this.lineNo;
        } catch (e) {
          if (!(e instanceof LineError)) throw e;
          const skipped = this.skipDamaged(current.path, p, lineEnd, next, lineNo, e);
          if (currentSpan) currentSpan.lastLineEnd = skipped.end;
          pos = skipped.next;
          lineNo = skipped.lineNo;
        }
        continue;
      }
      let q = lineEnd;
      while (q > p && isSpace(text.charCodeAt(q - 1))) q--;
      if (isHeaderLine(text, p, lineEnd)) {
        this.joined(text.slice(p, q), lineNo);
        current = currentSpan = null;
        continue;
      }
      throw this.fail(
        lineNo,
        `expected a [key] line, a "name"=value or @=value line, or a ; comment, found ${quoteFound(text.slice(p, q))}`,
      );
    }
    return keys;
  }

  /** A header line mid-file: the start of a second export joined onto the first. */
  private joined(found: string, lineNo: number): void {
    if (found !== this.header) {
      throw this.fail(
        lineNo,
        `found the header "${found}" of a second export in a "${this.header}" file; expected one kind of export (re-export both parts the same way, or keep them as separate files)`,
      );
    }
    this.warnings.push({
      kind: 'joined-export',
      line: lineNo,
      message: whereText(
        this.fileName,
        lineNo,
        'a second export starts here (two files joined into one); both parts are read, and where both set a value the later one counts',
      ),
    });
  }

  /**
   * A value line that could not be read: refuse the file if it is one the product writes,
   * else skip it (with its `\` continuation lines) and warn. Returns where parsing resumes.
   */
  private skipDamaged(
    keyPath: string,
    p: number,
    lineEnd: number,
    next: number,
    lineNo: number,
    error: LineError,
  ): { next: number; lineNo: number; end: number } {
    const name = this.damagedName(p, lineEnd);
    const shown = name === '' ? '@ (the default value)' : JSON.stringify(name);
    if (this.options.mustRead?.(keyPath, name)) {
      throw this.fail(
        error.line!,
        `${error.what} (the value ${shown} under [${keyPath}] is one this product may change, so the file cannot be used until that line is repaired)`,
      );
    }
    this.warnings.push({
      kind: 'damaged-value',
      line: error.line!,
      key: keyPath,
      name,
      message: whereText(
        this.fileName,
        error.line!,
        `${error.what}; skipped the value ${shown} under [${keyPath}]`,
      ),
    });
    const text = this.text;
    const len = text.length;
    let end = lineEnd;
    let resume = next;
    let line = lineNo;
    // Its continuation lines are the following lines up to the next key or value line.
    while (endsWithBackslash(text, end)) {
      let q = resume;
      let l = line;
      let found = false;
      while (q < len) {
        const nl = text.indexOf('\n', q);
        const qNext = nl < 0 ? len : nl + 1;
        const qEnd = nl < 0 ? len : nl > q && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        l++;
        let r = q;
        while (r < qEnd && isLeadingSpace(text.charCodeAt(r))) r++;
        const c = text.charCodeAt(r);
        if (r === qEnd || c === 59 /* ; */) {
          q = qNext;
          continue;
        }
        if (c === 91 /* [ */ || c === 34 /* " */ || c === 64 /* @ */ || isHeaderLine(text, r, qEnd)) break;
        end = qEnd;
        resume = qNext;
        line = l;
        found = true;
        break;
      }
      if (!found) break;
    }
    return { next: resume, lineNo: line, end };
  }

  /** The name of a damaged value line, as far as it can be read (up to "=" when unterminated). */
  private damagedName(p: number, lineEnd: number): string {
    const text = this.text;
    if (text.charCodeAt(p) === 64 /* @ */) return '';
    try {
      return this.quoted(p, lineEnd, 0, 'value name');
    } catch {
      let e = p + 1;
      while (e < lineEnd && text.charCodeAt(e) !== 61 /* = */) e++;
      return text.slice(p + 1, e).replace(/\\(["\\])/g, '$1');
    }
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
    let depth = 0;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c === 0) throw this.fail(lineNo, `expected a key path, found ${quoteFound(text.slice(s, e))}`);
      if (c !== 92) continue;
      if (bs < 0) bs = i;
      depth++;
      if (text.charCodeAt(i + 1) === 92) {
        throw this.fail(
          lineNo,
          `expected a key path without empty key names ("\\\\"), found ${quoteFound(text.slice(s, e))}`,
        );
      }
    }
    if (depth > MAX_KEY_DEPTH) {
      throw this.fail(
        lineNo,
        `the key is nested ${depth} levels deep; Windows allows at most ${MAX_KEY_DEPTH}, so this is not a registry export`,
      );
    }
    const hiveText = text.slice(s, bs < 0 ? e : bs);
    const hive: Hive | undefined = HIVES.get(asciiLower(hiveText));
    if (hive === undefined) {
      throw this.fail(
        lineNo,
        `expected a key path starting with HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS or HKEY_CURRENT_CONFIG, found ${quoteFound(text.slice(s, e))}`,
      );
    }
    if (hiveText === hive) return text.slice(s, e);
    return bs < 0 ? hive : hive + text.slice(bs, e);
  }
}

/** The rest of a line from `p` is a header: a second export starts there. */
function isHeaderLine(text: string, p: number, lineEnd: number): boolean {
  let q = lineEnd;
  while (q > p && isSpace(text.charCodeAt(q - 1))) q--;
  const found = text.slice(p, q);
  return found === V5_HEADER || found === 'REGEDIT4';
}

/** The line ending at `end` ends in `\` (blanks after it allowed): its data continues. */
function endsWithBackslash(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i > 0 && text.charCodeAt(i - 1) === 92;
}
