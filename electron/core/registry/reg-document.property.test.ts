/**
 * Patching `.reg` files of many generated shapes: reg export's own, leaf keys without
 * ancestors, other indentation and continuation indents, comments, upper-case and spaced hex,
 * short dwords, no blank lines, no last line break, joined exports, damaged lines; in UTF-16LE,
 * UTF-8 (with and without BOM) and ANSI REGEDIT4, CRLF or LF.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPropertyCounter, propertyParams } from '../../test-support/property-runs';
import { canonicalKeyPath } from './key-path';
import { RegDocument, type RegEdit } from './reg-document';
import { applyRegFileToTree, parseRegFile } from './reg-file';
import type { RegFileEncoding } from './reg-format';
import { parseRegTextDetailed } from './reg-parser';
import { RegTree } from './reg-tree';
import { serializeRegValue, type RegValue } from './reg-value';
import { escapeRegString, RegWriter, type DataStyle } from './reg-writer';
import { decodeRegBytes, encodeRegText } from './reg-decode';

const prop = createPropertyCounter();
prop.report('reg-document');
const RUNS = propertyParams(0x5eed_7a7c);

const V5 = 'Windows Registry Editor Version 5.00';
const PROFILES =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';
const KEYS = [
  `${PROFILES}\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a`,
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook\\9207f3e0a3b11019908b08002b2a56c2',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0',
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
  'HKEY_USERS\\S-1-5-21-1-2-3-1001\\Software\\Other',
];
const NAMES = [
  '00036627',
  'LmCompatibilityLevel',
  'BackConnectionHostNames',
  '!ExchangeProxyWizardResume',
  'a',
  'B b',
  '',
];

// ---------------------------------------------------------------------------------------------
// Shapes

interface FileFormat {
  readonly encoding: RegFileEncoding;
  readonly bom: boolean;
  readonly header: string;
  readonly eol: '\r\n' | '\n';
}

const formatArb: fc.Arbitrary<FileFormat> = fc.oneof(
  fc
    .constantFrom('\r\n' as const, '\n' as const)
    .map((eol) => ({ encoding: 'utf16le' as const, bom: true, header: V5, eol })),
  fc
    .tuple(fc.boolean(), fc.constantFrom('\r\n' as const, '\n' as const))
    .map(([bom, eol]) => ({ encoding: 'utf8' as const, bom, header: V5, eol })),
  fc
    .constantFrom('\r\n' as const, '\n' as const)
    .map((eol) => ({ encoding: 'ansi' as const, bom: false, header: 'REGEDIT4', eol })),
);

/** Text any of the encodings can hold: ASCII, quotes, backslashes, Latin-1, the euro sign. */
const textArb = fc
  .array(fc.constantFrom('a', 'b', 'Z', ' ', '"', '\\', '=', ';', '\u00e9', '\u20ac', '0'), { maxLength: 12 })
  .map((c) => c.join(''));

const valueArb: fc.Arbitrary<RegValue> = fc.oneof(
  fc.nat({ max: 0xffffffff }).map((data): RegValue => ({ type: 'REG_DWORD', data })),
  fc.nat({ max: 5 }).map((data): RegValue => ({ type: 'REG_DWORD', data })),
  fc.uint8Array({ minLength: 0, maxLength: 40 }).map((data): RegValue => ({ type: 'REG_BINARY', data })),
  fc.uint8Array({ minLength: 4, maxLength: 4 }).map((data): RegValue => ({ type: 'REG_BINARY', data })),
  textArb.map((data): RegValue => ({ type: 'REG_SZ', data })),
  fc.tuple(textArb, fc.constantFrom('\n', '\0')).map(([t, c]): RegValue => ({ type: 'REG_SZ', data: t + c })),
  textArb.map((data): RegValue => ({ type: 'REG_EXPAND_SZ', data })),
  fc
    .array(
      textArb.filter((s) => s.length > 0),
      { maxLength: 3 },
    )
    .map((data): RegValue => ({ type: 'REG_MULTI_SZ', data })),
  fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }).map((data): RegValue => ({ type: 'REG_QWORD', data })),
);

/** How one value line is written. `free` hex wraps anywhere and puts comments between (not regedit's layout). */
interface LineStyle {
  readonly indent: string;
  readonly eq: string;
  readonly comment: string;
  readonly upper: boolean;
  readonly separator: string;
  readonly hexTag: 'short' | 'kind';
  readonly dwordDigits: number;
  readonly free: number[] | null;
}

function lineStyleArb(consistent: boolean): fc.Arbitrary<LineStyle> {
  return fc.record({
    indent: fc.constantFrom('', '  ', '\t'),
    eq: fc.constantFrom('=', ' = ', '= '),
    comment: fc.constantFrom('', ' ; note', '\t;x'),
    upper: fc.boolean(),
    separator: fc.constantFrom(',', ', '),
    hexTag: fc.constantFrom('short' as const, 'kind' as const),
    dwordDigits: fc.constantFrom(8, 1, 4),
    free: consistent
      ? fc.constant(null)
      : fc.option(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 })),
  });
}

interface ValueLine {
  readonly name: string;
  /** null: a `"name"=-` line. */
  readonly value: RegValue | null;
  readonly style: LineStyle;
}

interface Block {
  readonly key: number;
  /** How the key path is spelled: as is, lower case, or with the short hive name. */
  readonly spelling: 0 | 1 | 2;
  readonly deleteKey: boolean;
  readonly keyComment: string;
  readonly values: ValueLine[];
  readonly damaged: 0 | 1 | 2 | 3;
  readonly commentAfter: boolean;
}

interface Shape {
  readonly format: FileFormat;
  readonly continuationIndent: string;
  readonly ancestors: boolean;
  readonly blankBetween: boolean;
  readonly ending: 0 | 1 | 2;
  readonly parts: Block[][];
}

function shapeArb(consistent: boolean): fc.Arbitrary<Shape> {
  const line = fc.record({
    name: fc.constantFrom(...NAMES),
    value: consistent ? valueArb : fc.option(valueArb, { freq: 6 }),
    style: lineStyleArb(consistent),
  });
  const block = fc.record({
    key: fc.nat({ max: KEYS.length - 1 }),
    spelling: fc.constantFrom(0 as const, 1 as const, 2 as const),
    deleteKey: consistent ? fc.constant(false) : fc.constantFrom(false, false, false, true),
    keyComment: fc.constantFrom('', ' ; key'),
    // Hand-made files may set one value twice; consistent ones name each value once per key.
    values: consistent
      ? fc.uniqueArray(line, { maxLength: 4, selector: (l) => l.name.toLowerCase() })
      : fc.array(line, { maxLength: 4 }),
    damaged: consistent
      ? fc.constant(0 as const)
      : fc.constantFrom(0 as const, 0 as const, 1 as const, 2 as const, 3 as const),
    commentAfter: fc.boolean(),
  });
  return fc.record({
    format: formatArb,
    continuationIndent: consistent ? fc.constant('  ') : fc.constantFrom('  ', '\t', '    ', ' '),
    ancestors: fc.boolean(),
    blankBetween: fc.boolean(),
    ending: fc.constantFrom(0 as const, 1 as const, 2 as const),
    parts: fc.array(fc.array(block, { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: consistent ? 1 : 2,
    }),
  });
}

function spelled(path: string, spelling: 0 | 1 | 2): string {
  if (spelling === 1) return path.toLowerCase();
  if (spelling === 2)
    return path.replace(/^HKEY_CURRENT_USER/, 'HKCU').replace(/^HKEY_LOCAL_MACHINE/, 'hklm');
  return path;
}

/** The file text (without a byte order mark) for a shape. */
function render(shape: Shape): string {
  const { format, continuationIndent } = shape;
  const eol = format.eol;
  const regFormat = { header: format.header as typeof V5, encoding: format.encoding, bom: format.bom, eol };
  const writer = new RegWriter(regFormat, { continuationIndent });
  const out: string[] = [];
  shape.parts.forEach((blocks, partIndex) => {
    if (partIndex > 0) out.push(format.bom ? '\ufeff' : '');
    out.push(format.header, eol);
    if (shape.blankBetween) out.push(eol);
    const listed = new Set<string>();
    for (const b of blocks) {
      const path = KEYS[b.key]!;
      if (shape.ancestors && !b.deleteKey) {
        const parts = path.split('\\');
        for (let i = 1; i < parts.length; i++) {
          const ancestor = parts.slice(0, i).join('\\');
          if (listed.has(ancestor)) continue;
          listed.add(ancestor);
          out.push(`[${ancestor}]`, eol);
          if (shape.blankBetween) out.push(eol);
        }
      }
      out.push(b.deleteKey ? '[-' : '[', spelled(path, b.spelling), ']', b.keyComment, eol);
      if (!b.deleteKey) {
        for (const v of b.values) out.push(valueLine(writer, path, v, continuationIndent, eol), eol);
        if (b.damaged === 1) out.push('"dmg"=hex:01,0', eol);
        if (b.damaged === 2) out.push('"dmg"=hex:01,\\', eol, '  ; the data never comes', eol);
        if (b.damaged === 3) out.push('  "dmg"="no end', eol);
      }
      if (b.commentAfter) out.push('; between keys', eol);
      if (shape.blankBetween) out.push(eol);
    }
  });
  // The ending: a blank line after the last key, one line break, or none.
  let text = out.join('');
  while (text.endsWith(eol)) text = text.slice(0, -eol.length);
  return text + eol.repeat(shape.ending);
}

function valueLine(writer: RegWriter, keyPath: string, v: ValueLine, indent: string, eol: string): string {
  const s = v.style;
  const head = `${s.indent}${v.name === '' ? '@' : `"${escapeRegString(v.name)}"`}${s.eq}`;
  const kind = v.value ? hexKindOf(v.value) : -1;
  const shortTag = kind === 3 && s.hexTag === 'short';
  const tag = `${shortTag ? 'hex' : `hex(${kind.toString(16)})`}:`;
  const style: DataStyle = {
    form: v.value?.type === 'REG_DWORD' ? 'dword' : 'hex',
    tag: v.value?.type === 'REG_DWORD' ? (s.upper ? 'DWORD:' : 'dword:') : s.upper ? tag.toUpperCase() : tag,
    hexKind: kind,
    digits: s.dwordDigits,
    upper: s.upper,
    separator: s.separator,
    continuationIndent: indent,
  };
  writer.value({ name: v.name, value: v.value, line: 0 }, keyPath, head, style);
  let text = writer.take().slice(0, -eol.length);
  if (s.free && v.value && style.form === 'hex' && !text.startsWith(`${head}"`))
    text = freeWrap(text, s.free, eol);
  return text + s.comment;
}

/** Re-wraps hex data at the given byte counts, with odd indents and a comment line between. */
function freeWrap(text: string, counts: number[], eol: string): string {
  const flat = text.replace(/\\\r?\n[ \t]*/g, '');
  const colon = flat.indexOf(':', flat.indexOf('=') + 1);
  const bytes = flat.slice(colon + 1).split(/, ?/);
  if (bytes.length < 2 || bytes[0] === '') return text;
  const lines: string[] = [];
  let i = 0;
  let c = 0;
  let first = flat.slice(0, colon + 1);
  while (i < bytes.length) {
    const n = counts[c++ % counts.length]!;
    const chunk = bytes.slice(i, i + n).join(',');
    i += n;
    lines.push(`${first}${chunk}${i < bytes.length ? ',\\' : ''}`);
    first = c % 2 ? '\t ' : '   ';
    if (i < bytes.length && c % 3 === 0) lines.push('  ; inside the value');
  }
  return lines.join(eol);
}

function hexKindOf(v: RegValue): number {
  switch (v.type) {
    case 'REG_BINARY':
      return 3;
    case 'REG_NONE':
      return 0;
    case 'REG_SZ':
      return 1;
    case 'REG_EXPAND_SZ':
      return 2;
    case 'REG_MULTI_SZ':
      return 7;
    case 'REG_QWORD':
      return 11;
    case 'REG_DWORD':
      return 4;
    case 'REG_RAW':
      return v.kind;
  }
}

function bytesOf(shape: Shape): Uint8Array {
  return encodeRegText(render(shape), shape.format.encoding, shape.format.bom);
}

// ---------------------------------------------------------------------------------------------
// Oracle: what the registry holds after the file (as reg import would leave it)

function treeOf(bytes: Uint8Array): RegTree {
  const tree = new RegTree();
  applyRegFileToTree(parseRegFile(bytes, 'prop.reg', { mustRead: () => false }), tree);
  return tree;
}

/** Every value as (key, name, value), lower-cased and sorted; empty keys do not count. */
function valuesOf(tree: RegTree): string[] {
  const out: string[] = [];
  for (const { path, key } of tree.walk()) {
    for (const { name, value } of key.values.values()) {
      out.push(JSON.stringify([path.toLowerCase(), name.toLowerCase(), serializeRegValue(value)]));
    }
  }
  return out.sort();
}

function editArb(shape: Shape): fc.Arbitrary<RegEdit> {
  const any = fc.record({
    path: fc
      .tuple(fc.nat({ max: KEYS.length - 1 }), fc.constantFrom(0 as const, 1 as const, 2 as const))
      .map(([k, s]) => spelled(KEYS[k]!, s)),
    name: fc.constantFrom(...NAMES, 'new'),
    value: fc.option(valueArb, { freq: 3 }),
  });
  // As often: a value the file has a line for.
  const lines = shape.parts.flat().flatMap((b) => b.values.map((v) => ({ key: b.key, name: v.name })));
  if (lines.length === 0) return any;
  const existing = fc
    .tuple(
      fc.constantFrom(...lines),
      fc.constantFrom(0 as const, 1 as const, 2 as const),
      fc.option(valueArb, { freq: 3 }),
    )
    .map(([l, spelling, value]): RegEdit => ({ path: spelled(KEYS[l.key]!, spelling), name: l.name, value }));
  return fc.oneof(any, existing);
}

const shapeAndEdits = shapeArb(false).chain((shape) =>
  fc.tuple(fc.constant(shape), fc.array(editArb(shape), { minLength: 1, maxLength: 8 })),
);

/** Edits that give back what `tree` held for each value the edits touched. */
function inverse(edits: readonly RegEdit[], tree: RegTree): RegEdit[] {
  return edits.map((e) => ({ ...e, value: tree.getValue(e.path, e.name) ?? null }));
}

const parse = (bytes: Uint8Array): RegDocument =>
  RegDocument.parse(bytes, 'prop.reg', { mustRead: () => false });

function commit(doc: RegDocument, edits: readonly RegEdit[]): Uint8Array {
  const p = doc.prepare(edits);
  p.commit();
  return p.bytes;
}

// ---------------------------------------------------------------------------------------------

describe('patching a .reg file of any shape', () => {
  it('holds the edits (as reg import would read the file) and the inverse edits give the original bytes', () => {
    prop.assert(
      fc.property(shapeAndEdits, ([shape, edits]) => {
        const original = bytesOf(shape);
        const before = treeOf(original);
        const doc = parse(original);
        const changed = commit(doc, edits);
        const expected = treeOf(original);
        for (const e of edits) {
          if (e.value === null) expected.deleteValue(e.path, e.name);
          else expected.setValue(e.path, e.name, e.value);
        }
        expect(valuesOf(treeOf(changed))).toEqual(valuesOf(expected));
        const undone = commit(doc, inverse(edits, before));
        expect(Buffer.from(undone).equals(Buffer.from(original))).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps every line that is not a line of a changed value, in order', () => {
    prop.assert(
      fc.property(shapeAndEdits, ([shape, edits]) => {
        const original = bytesOf(shape);
        const changed = commit(parse(original), edits);
        const before = decodeRegBytes(original).text;
        const after = decodeRegBytes(changed).text;
        const touched = touchedRanges(before, edits);
        // Lines without their \r: a last line without a break may get one after it.
        const afterLines = after.split('\n').map((l) => l.replace(/\r$/, ''));
        let at = 0;
        let pos = 0;
        for (const raw of before.split('\n')) {
          const lineText = raw.replace(/\r$/, '');
          const start = pos;
          pos += raw.length + 1;
          if (touched.some(([s, e]) => start < e && pos - 1 >= s)) continue;
          while (at < afterLines.length && afterLines[at] !== lineText) at++;
          expect(at, `line ${JSON.stringify(lineText)} kept`).toBeLessThan(afterLines.length);
          at++;
        }
      }),
      RUNS,
    );
  });
});

/** Text ranges of the entries the edits change: the last entry of each value, unless a later [-key] removed it. */
function touchedRanges(text: string, edits: readonly RegEdit[]): [number, number][] {
  const parsed = parseRegTextDetailed(text, { layout: true, mustRead: () => false });
  const ranges: [number, number][] = [];
  for (const e of edits) {
    const keyId = canonicalKeyPath(e.path).toLowerCase();
    let found: [number, number] | null = null;
    parsed.keys.forEach((k, ki) => {
      const id = canonicalKeyPath(k.path).toLowerCase();
      if (k.deleteKey && (keyId === id || keyId.startsWith(`${id}\\`))) found = null;
      if (k.deleteKey || id !== keyId) return;
      k.values.forEach((v, vi) => {
        if (v.name.toLowerCase() !== e.name.toLowerCase()) return;
        const span = parsed.spans![ki]!.values[vi]!;
        found = [span.start, span.end];
      });
    });
    if (found) ranges.push(found);
  }
  return ranges;
}

describe('an undo in a later process (apply, then rollback) gives the original bytes', () => {
  /** Edits the product's kind of writes: change a value to another of its type, or add one to an existing key. */
  function productEdits(shape: Shape): fc.Arbitrary<RegEdit[]> {
    // The entry that counts for each value: the last one (a key may have several blocks).
    const last = new Map<string, { path: string; line: ValueLine }>();
    for (const b of shape.parts[0]!) {
      for (const line of b.values) {
        const path = spelled(KEYS[b.key]!, ((b.spelling + 1) % 3) as 0 | 1 | 2);
        last.set(`${b.key}\0${line.name.toLowerCase()}`, { path, line });
      }
    }
    const present = [...last.values()];
    const keys = [...new Set(shape.parts[0]!.map((b) => b.key))];
    const change = present.length
      ? fc
          .constantFrom(...present)
          .chain(({ path, line }) =>
            sameKind(line).map((value): RegEdit => ({ path, name: line.name.toUpperCase(), value })),
          )
      : null;
    const add = fc
      .tuple(fc.constantFrom(...keys), valueArb)
      .map(([k, value]): RegEdit => ({ path: KEYS[k]!, name: 'added', value }));
    const one = change ? fc.oneof(change, add) : add;
    return fc.uniqueArray(one, {
      minLength: 1,
      maxLength: 3,
      selector: (e) => `${canonicalKeyPath(e.path).toLowerCase()}\0${e.name.toLowerCase()}`,
    });
  }

  /** A new value for a line that its own style can write and read back the same way. */
  function sameKind(line: ValueLine): fc.Arbitrary<RegValue> {
    const v = line.value!;
    const s = line.style;
    if (v.type === 'REG_DWORD') {
      // Padding is read from a leading zero, so a padded width keeps one (LmCompatibilityLevel
      // 0-5 always does), and a short dword stays short of the eight digits regedit pads to.
      const digits = s.dwordDigits === 8 ? 8 : s.dwordDigits === 1 ? 7 : s.dwordDigits - 1;
      const max = digits === 8 ? 0xffffffff : 16 ** digits - 1;
      return fc.nat({ max }).map((data): RegValue => ({ type: 'REG_DWORD', data }));
    }
    const onLine = (r: RegValue): boolean =>
      // ", " between bytes is only seen again where the first line holds two bytes.
      s.separator === ',' || minHexLength(r) >= 2;
    return valueArb.filter(
      (r) =>
        r.type === v.type &&
        onLine(r) &&
        !(r.type === 'REG_SZ' && /[\n\0]/.test(r.data) !== /[\n\0]/.test((v as { data: string }).data)),
    );
  }

  it('for values changed in their own style and values added to existing keys', () => {
    const arb = shapeArb(true)
      .filter((s) => s.parts[0]!.every((b) => b.values.every((v) => v.value !== null)))
      .chain((shape) => fc.tuple(fc.constant(shape), productEdits(shape)));
    prop.assert(
      fc.property(arb, ([shape, edits]) => {
        const original = bytesOf(shape);
        const before = treeOf(original);
        const applied = commit(parse(original), edits);
        const rolledBack = commit(parse(applied), inverse(edits, before));
        expect(decodeRegBytes(rolledBack).text).toBe(decodeRegBytes(original).text);
        expect(Buffer.from(rolledBack).equals(Buffer.from(original))).toBe(true);
      }),
      RUNS,
    );
  });
});

/** The fewest bytes the value's hex form has (strings count one byte a character, as in ANSI). */
function minHexLength(v: RegValue): number {
  switch (v.type) {
    case 'REG_BINARY':
    case 'REG_NONE':
    case 'REG_RAW':
      return v.data.length;
    case 'REG_QWORD':
      return 8;
    case 'REG_DWORD':
      return 4;
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return v.data.length + 1;
    case 'REG_MULTI_SZ':
      return v.data.reduce((n, s) => n + s.length + 1, 1);
  }
}
