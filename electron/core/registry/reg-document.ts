/**
 * A `.reg` file changed in place: a write replaces only the line(s) of the value it changes,
 * adds a line at the end of its key's block (or a new key block at the end of the file), or
 * removes the value's line(s). Every other byte stays as it was: byte order mark, header, line
 * endings, indentation, comments, blank lines, a missing last line break, the encoding, lines
 * that could not be read (see the damaged-value warnings), and keys that list no ancestors.
 *
 * The text read from disk is kept unchanged; writes are an overlay on it, so writing a value
 * back to what the file had restores the file's own line(s) exactly. A replaced line keeps its
 * name, indentation and trailing comment, and its data is written in the style it had (see
 * reg-data-style.ts), so even a fresh process (a rollback after an apply) gets the bytes back.
 *
 * Where the file sets a value more than once (joined exports), the last setting is the one
 * changed; deleting it while an earlier one would show through writes `"name"=-` in its place.
 */
import { canonicalKeyPath } from './key-path';
import { asciiLower } from './ascii-case';
import { productMayWrite } from './reg-damage-policy';
import { dataStyleOf } from './reg-data-style';
import { decodeRegBytes, encodeRegText } from './reg-decode';
import { asUnreadable } from './reg-errors';
import type { RegFile, RegFileFormat } from './reg-format';
import { parseRegTextDetailed, type KeySpan, type ParseOptions } from './reg-parser';
import { regValuesEqual, type RegValue } from './reg-value';
import { escapeRegString, RegWriter } from './reg-writer';

export interface RegEdit {
  /** Key path (full or short hive name, any case). */
  readonly path: string;
  readonly name: string;
  /** null deletes the value. */
  readonly value: RegValue | null;
}

/** New file bytes; `commit` makes them the document's state once they are safely on disk. */
export interface PreparedEdit {
  readonly bytes: Uint8Array;
  commit(): void;
}

/** A value entry of the file: indexes into `file.keys` and that key's `values`. */
interface Slot {
  readonly key: number;
  readonly value: number;
}

interface Overlay {
  /** The file's own (effective) entries with new text; null removes the line(s). */
  readonly replaced: Map<string, { readonly slot: Slot; readonly text: string | null }>;
  /** Values the file does not have, in the order first written; key -1: a new block at the end. */
  readonly added: Map<
    string,
    { readonly key: number; readonly keyId: string; readonly path: string; readonly text: string }
  >;
}

export class RegDocument {
  private overlay: Overlay = { replaced: new Map(), added: new Map() };
  /** Every entry of each value (by slot id), in file order. */
  private readonly slots = new Map<string, Slot[]>();
  /** The `[key]` entries of each key path (lower case), in file order. */
  private readonly blocks = new Map<string, number[]>();
  private readonly deletions: { readonly key: number; readonly keyId: string }[] = [];
  private readonly eol: string;
  private readonly continuationIndent: string;
  private readonly blankLineBetweenKeys: boolean;

  private constructor(
    readonly file: RegFile,
    private readonly text: string,
    private readonly spans: readonly KeySpan[],
  ) {
    this.eol = file.format.eol;
    file.keys.forEach((key, k) => {
      const keyId = asciiLower(canonicalKeyPath(key.path));
      if (key.deleteKey) {
        this.deletions.push({ key: k, keyId });
        return;
      }
      push(this.blocks, keyId, k);
      key.values.forEach((v, i) => push(this.slots, slotId(keyId, v.name), { key: k, value: i }));
    });
    this.continuationIndent =
      spans.flatMap((s) => s.values).find((v) => v.continuationIndent !== null)?.continuationIndent ?? '  ';
    const last = spans[spans.length - 1];
    this.blankLineBetweenKeys = last === undefined || blankLineBefore(text, last.start);
  }

  /** Reads a file like parseRegFile does (same warnings and refusals), keeping where everything is. */
  static parse(
    bytes: Uint8Array,
    fileName?: string,
    options: Pick<ParseOptions, 'mustRead'> = {},
  ): RegDocument {
    const { text, encoding, bom } = decodeRegBytes(bytes, fileName);
    try {
      const parsed = parseRegTextDetailed(text, {
        fileName,
        layout: true,
        mustRead: options.mustRead ?? productMayWrite,
      });
      const format: RegFileFormat = { header: parsed.header, encoding, bom, eol: parsed.eol ?? '\r\n' };
      return new RegDocument({ format, keys: parsed.keys, warnings: parsed.warnings }, text, parsed.spans!);
    } catch (e) {
      throw asUnreadable(e, fileName);
    }
  }

  get format(): RegFileFormat {
    return this.file.format;
  }

  /** The file as it is now (as read, plus every committed edit). */
  bytes(): Uint8Array {
    return encodeRegText(this.render(this.overlay), this.format.encoding, this.format.bom);
  }

  /**
   * The file with `edits` applied in order on top of the committed ones. Throws (changing
   * nothing) if a value cannot be written in this file's format.
   */
  prepare(edits: readonly RegEdit[]): PreparedEdit {
    const overlay: Overlay = { replaced: new Map(this.overlay.replaced), added: new Map(this.overlay.added) };
    for (const edit of edits) this.edit(overlay, edit);
    const bytes = encodeRegText(this.render(overlay), this.format.encoding, this.format.bom);
    return {
      bytes,
      commit: () => {
        this.overlay = overlay;
      },
    };
  }

  private edit(overlay: Overlay, { path, name, value }: RegEdit): void {
    const keyPath = canonicalKeyPath(path);
    const keyId = asciiLower(keyPath);
    const id = slotId(keyId, name);
    const slot = this.effective(id, keyId);
    if (slot) {
      const entry = this.file.keys[slot.key]!.values[slot.value]!;
      if (sameValue(entry.value, value)) overlay.replaced.delete(id);
      else overlay.replaced.set(id, { slot, text: this.replacement(id, slot, keyPath, entry.name, value) });
      return;
    }
    if (value === null) {
      overlay.added.delete(id);
      return;
    }
    const key = this.appendTarget(keyId);
    const indent = key >= 0 ? this.valueIndent(key) : '';
    const head = indent + (name === '' ? '@=' : `"${escapeRegString(name)}"=`);
    const text = this.valueText(keyPath, name, value, head);
    overlay.added.set(id, { key, keyId, path: key >= 0 ? this.file.keys[key]!.path : keyPath, text });
  }

  /** The entry that decides the value: its last one, unless a later `[-key]` removed it. */
  private effective(id: string, keyId: string): Slot | null {
    const all = this.slots.get(id);
    const last = all?.[all.length - 1];
    return last && !this.deletedAfter(last.key, keyId) ? last : null;
  }

  private deletedAfter(key: number, keyId: string): boolean {
    return this.deletions.some((d) => d.key > key && (keyId === d.keyId || keyId.startsWith(`${d.keyId}\\`)));
  }

  /** The last `[key]` block a new value of `keyId` can go into, or -1 for a new block. */
  private appendTarget(keyId: string): number {
    const all = this.blocks.get(keyId);
    const last = all?.[all.length - 1];
    return last !== undefined && !this.deletedAfter(last, keyId) ? last : -1;
  }

  /** New text for the file's own entry: its name, indentation and comment kept, data in its style. */
  private replacement(
    id: string,
    slot: Slot,
    keyPath: string,
    name: string,
    value: RegValue | null,
  ): string | null {
    const text = this.text;
    const span = this.spans[slot.key]!.values[slot.value]!;
    const head = text.slice(span.start, span.dataStart);
    const tail = text.slice(span.dataEnd, span.end);
    if (value === null)
      return this.shadows(id, slot) ? this.checked(keyPath, name, null, `${head}-${tail}`) : null;
    const style = dataStyleOf(text.slice(span.dataStart, span.dataEnd), span.continuationIndent);
    return this.valueText(keyPath, name, value, head, tail, style);
  }

  /** An earlier entry of the same value would show through if this one's line were removed. */
  private shadows(id: string, slot: Slot): boolean {
    const keyId = id.slice(0, id.indexOf('\0'));
    return this.slots
      .get(id)!
      .some(
        (o) =>
          (o.key < slot.key || (o.key === slot.key && o.value < slot.value)) &&
          !this.deletedAfter(o.key, keyId),
      );
  }

  private valueText(
    keyPath: string,
    name: string,
    value: RegValue,
    head: string,
    tail = '',
    style?: ReturnType<typeof dataStyleOf>,
  ): string {
    const writer = new RegWriter(this.format, { continuationIndent: this.continuationIndent });
    writer.value({ name, value, line: 0 }, keyPath, head, style);
    const lines = writer.take();
    return this.checked(keyPath, name, value, lines.slice(0, lines.length - this.eol.length) + tail);
  }

  /** Reads the new line(s) back before they go into the file: never write what we could not read. */
  private checked(keyPath: string, name: string, value: RegValue | null, lines: string): string {
    const { header } = this.format;
    const eol = this.eol;
    const back = parseRegTextDetailed(`${header}${eol}[${keyPath}]${eol}${lines}${eol}`, {
      mustRead: () => true,
    });
    const entry = back.keys[0]?.values[0];
    if (
      back.keys[0]?.values.length !== 1 ||
      asciiLower(entry!.name) !== asciiLower(name) ||
      !sameValue(entry!.value, value)
    ) {
      throw new Error(
        `the new line for ${JSON.stringify(name)} under [${keyPath}] does not read back as written`,
      );
    }
    return lines;
  }

  /** The indentation of the block's last value line (a hand-indented file stays indented). */
  private valueIndent(key: number): string {
    const values = this.spans[key]!.values;
    const last = values[values.length - 1];
    if (!last) return '';
    return /^[ \t]*/.exec(this.text.slice(last.start, last.dataStart))![0];
  }

  private render(overlay: Overlay): string {
    const text = this.text;
    const eol = this.eol;
    const edits: { start: number; end: number; text: string }[] = [];
    const removed: { start: number; end: number }[] = [];
    for (const { slot, text: replacement } of overlay.replaced.values()) {
      const span = this.spans[slot.key]!.values[slot.value]!;
      if (replacement === null) removed.push({ start: span.start, end: span.end });
      else edits.push({ start: span.start, end: span.end, text: replacement });
    }
    for (const run of mergeAdjacent(text, removed)) {
      // The lines and one line break: the one after, or the one before a last line without one.
      const after = breakAt(text, run.end);
      if (after) edits.push({ start: run.start, end: run.end + after.length, text: '' });
      else edits.push({ start: run.start - breakBefore(text, run.start).length, end: run.end, text: '' });
    }
    const intoBlocks = new Map<number, string[]>();
    const newBlocks = new Map<string, { path: string; lines: string[] }>();
    for (const added of overlay.added.values()) {
      if (added.key >= 0) push(intoBlocks, added.key, added.text);
      else {
        const block = newBlocks.get(added.keyId) ?? { path: added.path, lines: [] };
        block.lines.push(added.text);
        newBlocks.set(added.keyId, block);
      }
    }
    for (const [key, lines] of intoBlocks) {
      const at = this.spans[key]!.lastLineEnd;
      const lineBreak = breakAt(text, at);
      if (lineBreak)
        edits.push({
          start: at + lineBreak.length,
          end: at + lineBreak.length,
          text: lines.map((l) => l + lineBreak).join(''),
        });
      else edits.push({ start: at, end: at, text: lines.map((l) => eol + l).join('') });
    }
    // Stable: edits at one place keep the order they were made in.
    edits.sort((a, b) => a.start - b.start);
    const parts: string[] = [];
    let pos = 0;
    for (const e of edits) {
      if (e.start < pos) throw new Error('overlapping edits of one .reg file');
      parts.push(text.slice(pos, e.start), e.text);
      pos = e.end;
    }
    parts.push(text.slice(pos));
    if (newBlocks.size > 0) parts.push(this.newBlocksText(newBlocks, trailingBreaks(parts)));
    return parts.join('');
  }

  /** Key blocks added at the end, laid out like the file's own ending (blank line or none, last line break or none). */
  private newBlocksText(blocks: Map<string, { path: string; lines: string[] }>, breaks: number): string {
    const eol = this.eol;
    const gap = this.blankLineBetweenKeys ? eol : '';
    const writer = new RegWriter(this.format);
    let out = '';
    for (const { path, lines } of blocks.values()) {
      writer.keyLine(path);
      const block = [writer.take().slice(0, -eol.length), ...lines].join(eol);
      if (breaks >= 2) out += block + eol + eol;
      else if (breaks === 1) out += gap + block + eol;
      else out += eol + gap + block;
    }
    return out;
  }
}

function slotId(keyId: string, name: string): string {
  // A key path never holds a NUL, so this cannot run two slots together.
  return `${keyId}\0${asciiLower(name)}`;
}

function sameValue(a: RegValue | null, b: RegValue | null): boolean {
  return a === null || b === null ? a === b : regValuesEqual(a, b);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Removed lines that follow each other (one line break apart) as one run, in file order. */
function mergeAdjacent(
  text: string,
  ranges: { start: number; end: number }[],
): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (const r of ranges.sort((a, b) => a.start - b.start)) {
    const last = runs[runs.length - 1];
    if (last && last.end + breakAt(text, last.end).length === r.start) last.end = r.end;
    else runs.push({ ...r });
  }
  return runs;
}

/** The line break starting at `i` ('' if none: the end of the file). */
function breakAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c === 10) return '\n';
  return c === 13 && text.charCodeAt(i + 1) === 10 ? '\r\n' : '';
}

/** The line break ending just before `i` ('' at the start of the text). */
function breakBefore(text: string, i: number): string {
  if (text.charCodeAt(i - 1) !== 10) return '';
  return text.charCodeAt(i - 2) === 13 ? '\r\n' : '\n';
}

function blankLineBefore(text: string, i: number): boolean {
  const one = breakBefore(text, i);
  return one !== '' && breakBefore(text, i - one.length) !== '';
}

/** How many line breaks the text (in parts) ends with: 2 means it ends with a blank line. */
function trailingBreaks(parts: readonly string[]): number {
  let n = 0;
  for (let p = parts.length - 1; p >= 0; p--) {
    const s = parts[p]!;
    for (let i = s.length - 1; i >= 0; i--) {
      const c = s.charCodeAt(i);
      if (c === 10) n++;
      else if (c !== 13) return n;
      if (n >= 2) return n;
    }
  }
  return n;
}
