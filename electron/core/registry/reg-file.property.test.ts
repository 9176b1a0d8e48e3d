import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPropertyCounter, propertyParams } from '../../test-support/property-runs';
import {
  applyRegFileToTree,
  parseRegFile,
  regFileFromTree,
  writeRegFile,
  type RegFile,
  type RegFileFormat,
  type RegKeyEntry,
} from './reg-file';
import { RegTree } from './reg-tree';
import { serializeRegValue, type RegValue } from './reg-value';
import { decodeAnsi } from './text-encoding';
import { UnreadableInputError } from '../errors';

const prop = createPropertyCounter();
prop.report('reg-file');

const RUNS = propertyParams(0x5eed_2003);

const V5 = 'Windows Registry Editor Version 5.00';
const HIVES = [
  'HKEY_LOCAL_MACHINE',
  'HKEY_CURRENT_USER',
  'HKEY_CLASSES_ROOT',
  'HKEY_USERS',
  'HKEY_CURRENT_CONFIG',
];

/** Every character Windows-1252 has a byte for (the whole 0..255 byte range, decoded). */
const ANSI_CHARS = Array.from(decodeAnsi(new Uint8Array(Array.from({ length: 256 }, (_, i) => i))));
/** Characters that stress the syntax: quotes, escapes, brackets, comment and assignment marks, blanks. */
const TRICKY = [
  '"',
  '\\',
  '=',
  ' ',
  '\t',
  ']',
  '[',
  ';',
  '@',
  '-',
  ',',
  ':',
  '%',
  '\u00e9',
  '\u20ac',
  '\u00df',
  'K',
];

interface Charset {
  /** One character of a name (no NUL or line break: .reg files cannot hold them in names). */
  nameChar: fc.Arbitrary<string>;
  /** One character of string data (anything the format can encode). */
  dataChar: fc.Arbitrary<string>;
}

const unicode: Charset = {
  nameChar: fc.oneof(
    fc.constantFrom(...TRICKY, '\u{1f600}', '\u65e5', '\ud800', '\udfff'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/[\0\r\n]/.test(c)),
  ),
  dataChar: fc.oneof(
    fc.constantFrom(...TRICKY, '\0', '\r', '\n', '\ud800', '\u{1f600}'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
};
const noLoneSurrogates: Charset = {
  nameChar: unicode.nameChar.filter((c) => !/^[\ud800-\udfff]$/.test(c)),
  dataChar: unicode.dataChar,
};
const ansi: Charset = {
  nameChar: fc.constantFrom(...TRICKY, ...ANSI_CHARS.filter((c) => !/[\0\r\n]/.test(c))),
  dataChar: fc.constantFrom(...TRICKY, ...ANSI_CHARS),
};

const str = (char: fc.Arbitrary<string>, maxLength = 12) =>
  fc.array(char, { maxLength }).map((cs) => cs.join(''));

/** Values of every type, including odd kinds that the codec must carry byte for byte. */
function valueArb(cs: Charset): fc.Arbitrary<RegValue> {
  const data = str(cs.dataChar, 20);
  const anyBytes = fc.uint8Array({ maxLength: 120, size: 'medium' });
  // Odd kinds, and typed kinds whose bytes are malformed for that type: they stay REG_RAW.
  const raw = fc.oneof(
    fc.record({
      kind: fc.oneof(fc.constantFrom(5, 6, 8, 9, 10, 12, 0xffff), fc.integer({ min: 12, max: 0xffffffff })),
      data: anyBytes,
    }),
    fc.record({ kind: fc.constant(4), data: anyBytes.filter((b) => b.length !== 4) }),
    fc.record({ kind: fc.constant(11), data: anyBytes.filter((b) => b.length !== 8) }),
    // Odd length and no terminating NUL: neither a UTF-16 nor an ANSI string.
    fc.record({
      kind: fc.constantFrom(1, 2, 7),
      data: anyBytes.filter((b) => b.length % 2 === 1 && b[b.length - 1] !== 0),
    }),
  );
  return fc.oneof(
    data.map((d): RegValue => ({ type: 'REG_SZ', data: d })),
    data.map((d): RegValue => ({ type: 'REG_EXPAND_SZ', data: d })),
    fc
      .array(str(cs.dataChar.filter((c) => c !== '\0')), { maxLength: 4 })
      .map((d): RegValue => ({ type: 'REG_MULTI_SZ', data: d })),
    fc.nat({ max: 0xffffffff }).map((d): RegValue => ({ type: 'REG_DWORD', data: d })),
    fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }).map((d): RegValue => ({ type: 'REG_QWORD', data: d })),
    anyBytes.map((d): RegValue => ({ type: 'REG_BINARY', data: d })),
    anyBytes.map((d): RegValue => ({ type: 'REG_NONE', data: d })),
    raw.map((r): RegValue => ({ type: 'REG_RAW', kind: r.kind, data: r.data })),
  );
}

interface KeySpec {
  path: string;
  values: [string, RegValue][];
}

/** Keys (paths under random hives, siblings distinct ignoring case) with distinct value names. */
function treeArb(cs: Charset): fc.Arbitrary<KeySpec[]> {
  const keyName = str(
    cs.nameChar.filter((c) => c !== '\\'),
    10,
  ).filter((n) => n.length > 0);
  const values = fc.uniqueArray(fc.tuple(str(cs.nameChar, 10), valueArb(cs)), {
    maxLength: 5,
    selector: ([name]) => name.toLowerCase(),
  });
  const key = fc.record({
    hive: fc.constantFrom(...HIVES),
    parts: fc.array(keyName, { maxLength: 3 }),
    values,
  });
  return fc
    .array(key, { minLength: 1, maxLength: 6 })
    .map((keys) => keys.map((k) => ({ path: [k.hive, ...k.parts].join('\\'), values: k.values })));
}

function buildTree(keys: KeySpec[]): RegTree {
  const tree = new RegTree();
  for (const k of keys) {
    tree.ensureKey(k.path);
    for (const [name, value] of k.values) tree.setValue(k.path, name, value);
  }
  return tree;
}

/** The tree as plain data: every key in walk order with its values (JSON-safe). */
function snapshot(tree: RegTree): unknown[] {
  return [...tree.walk()].map(({ path, key }) => [
    path,
    [...key.values.values()].map(({ name, value }) => [name, serializeRegValue(value)]),
  ]);
}

function roundTrip(format: RegFileFormat, charset: Charset): void {
  prop.assert(
    fc.property(treeArb(charset), (keys) => {
      const tree = buildTree(keys);
      const written = writeRegFile(regFileFromTree(tree, format));
      const parsed = parseRegFile(written, 'prop.reg');
      expect(parsed.format).toEqual(format);
      const again = new RegTree();
      applyRegFileToTree(parsed, again);
      expect(snapshot(again)).toEqual(snapshot(tree));
      // A file we wrote is written back byte for byte.
      expect(Buffer.from(writeRegFile(parsed)).equals(Buffer.from(written))).toBe(true);
    }),
    RUNS,
  );
}

describe('.reg round trips of random trees (write → parse → same tree, same bytes)', () => {
  it('Version 5.00, UTF-16LE with BOM, CRLF (reg export), full Unicode incl. lone surrogates', () => {
    roundTrip({ header: V5, encoding: 'utf16le', bom: true, eol: '\r\n' }, unicode);
  });

  it('Version 5.00, UTF-8 with BOM, LF', () => {
    roundTrip({ header: V5, encoding: 'utf8', bom: true, eol: '\n' }, noLoneSurrogates);
  });

  it('Version 5.00, UTF-8 without BOM, CRLF', () => {
    roundTrip({ header: V5, encoding: 'utf8', bom: false, eol: '\r\n' }, noLoneSurrogates);
  });

  it('REGEDIT4, ANSI (Windows-1252), CRLF, every representable character', () => {
    roundTrip({ header: 'REGEDIT4', encoding: 'ansi', bom: false, eol: '\r\n' }, ansi);
  });
});

describe('.reg round trips of random files with deletions', () => {
  const formats: RegFileFormat[] = [
    { header: V5, encoding: 'utf16le', bom: true, eol: '\r\n' },
    { header: V5, encoding: 'utf8', bom: false, eol: '\n' },
  ];

  it('[-key] and "v"=- entries survive write → parse in order', () => {
    const entry = fc.oneof(
      treeArb(noLoneSurrogates).map((keys) =>
        keys.map((k): RegKeyEntry => ({
          path: k.path,
          deleteKey: false,
          line: 0,
          values: k.values.map(([name, value], i) => ({ name, value: i % 2 === 0 ? value : null, line: 0 })),
        })),
      ),
      treeArb(noLoneSurrogates).map((keys) =>
        keys
          .filter((k) => k.path.includes('\\'))
          .map((k): RegKeyEntry => ({ path: k.path, deleteKey: true, line: 0, values: [] })),
      ),
    );
    prop.assert(
      fc.property(fc.constantFrom(...formats), fc.array(entry, { maxLength: 3 }), (format, groups) => {
        const file: RegFile = { format, keys: groups.flat() };
        const parsed = parseRegFile(writeRegFile(file));
        const strip = (f: RegFile) =>
          f.keys.map((k) => [
            k.path,
            k.deleteKey,
            k.values.map((v) => [v.name, v.value && serializeRegValue(v.value)]),
          ]);
        expect(strip(parsed)).toEqual(strip(file));
      }),
      RUNS,
    );
  });
});

describe('hex wrapping', () => {
  it('first line breaks once it reaches 77 columns; continuation lines are indented, ≤ 78 columns, 25 bytes', () => {
    const name = str(noLoneSurrogates.nameChar, 30);
    prop.assert(
      fc.property(name, fc.uint8Array({ maxLength: 400, size: 'max' }), (valueName, data) => {
        const tree = new RegTree();
        tree.setValue('HKEY_CURRENT_USER\\W', valueName, { type: 'REG_BINARY', data });
        const lines = new TextDecoder('utf-16le').decode(writeRegFile(regFileFromTree(tree))).split('\r\n');
        const prefix = valueName === '' ? '@=hex:' : `"${valueName.replace(/[\\"]/g, '\\$&')}"=hex:`;
        const first = lines.findIndex((l) => l.startsWith(prefix));
        expect(first).toBeGreaterThan(0);
        const valueLines = [lines[first]!.slice(prefix.length)];
        for (let i = first; lines[i]!.endsWith('\\'); i++) valueLines.push(lines[i + 1]!);
        valueLines.slice(1).forEach((l, i) => {
          expect(l).toMatch(/^ {2}[0-9a-f]{2}(,[0-9a-f]{2})*,?\\?$/);
          expect(l.length).toBeLessThanOrEqual(78);
          // Full continuation lines carry exactly 25 bytes; only the last may carry fewer.
          if (i < valueLines.length - 2) expect(l).toMatch(/^ {2}(?:[0-9a-f]{2},){25}\\$/);
        });
        // The first line breaks as soon as it reaches 77 characters (before the "\\").
        if (valueLines.length > 1) {
          expect(lines[first]!.length - 1).toBeGreaterThanOrEqual(77);
          expect(lines[first]!.length - 1).toBeLessThanOrEqual(Math.max(prefix.length + 3, 79));
        }
        const hex = valueLines.join('').replace(/[\\ ]/g, '');
        expect(hex).toBe(Array.from(data, (b) => b.toString(16).padStart(2, '0')).join(','));
      }),
      RUNS,
    );
  });
});

describe('huge values round trip', () => {
  it('long strings and big binary values (up to 64 KiB) survive write → parse', () => {
    const big = fc.oneof(
      fc
        .string({ unit: 'grapheme', minLength: 1000, maxLength: 4000 })
        .map((d): RegValue => ({ type: 'REG_SZ', data: d })),
      fc
        .uint8Array({ minLength: 4096, maxLength: 65536 })
        .map((d): RegValue => ({ type: 'REG_BINARY', data: d })),
      fc
        .array(
          fc.string({ minLength: 1, maxLength: 300 }).filter((x) => !x.includes('\0')),
          { maxLength: 40 },
        )
        .map((d): RegValue => ({ type: 'REG_MULTI_SZ', data: d })),
    );
    prop.assert(
      fc.property(
        big,
        fc.string({ maxLength: 300 }).filter((n) => !/[\0\r\n]/.test(n)),
        (value, name) => {
          const tree = new RegTree();
          tree.setValue('HKEY_CURRENT_USER\\Software\\Big', name, value);
          const parsed = parseRegFile(writeRegFile(regFileFromTree(tree)), 'big.reg');
          const again = new RegTree();
          applyRegFileToTree(parsed, again);
          expect(snapshot(again)).toEqual(snapshot(tree));
        },
      ),
      { ...RUNS, numRuns: Math.max(1, Math.round(RUNS.numRuns / 20)) },
    );
  });
});

describe('arbitrary bytes never throw anything but UnreadableInputError', () => {
  const V5_BYTES = new Uint8Array(Buffer.from(`\ufeff${V5}\r\n\r\n`, 'utf16le'));
  const valid = writeRegFile(
    regFileFromTree(
      (() => {
        const t = new RegTree();
        t.setValue('HKEY_CURRENT_USER\\Software\\A', 'n', {
          type: 'REG_BINARY',
          data: new Uint8Array(60).fill(7),
        });
        t.setValue('HKEY_CURRENT_USER\\Software\\A', 's', { type: 'REG_SZ', data: 'x"y\\z' });
        t.setValue('HKEY_LOCAL_MACHINE\\B', 'd', { type: 'REG_DWORD', data: 5 });
        return t;
      })(),
    ),
  );
  const inputs = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    // Our header, then garbage: gets past the first check.
    fc.uint8Array({ maxLength: 2000 }).map((b) => concat(V5_BYTES, b.length % 2 ? b.subarray(1) : b)),
    // Text that looks like .reg syntax, in UTF-8.
    fc
      .array(
        fc.constantFrom(
          '[',
          ']',
          '"',
          '=',
          '\\',
          'hex:',
          'hex(7):',
          'dword:',
          ',',
          '00',
          '0g',
          '-',
          '@',
          '\r\n',
          '\n',
          ';',
          'HKEY_CURRENT_USER',
          'x',
          ' ',
        ),
        { maxLength: 200 },
      )
      .map((parts) => new TextEncoder().encode(`${V5}\r\n${parts.join('')}`)),
    // A valid file, truncated and with bytes flipped.
    fc
      .tuple(
        fc.nat({ max: valid.length }),
        fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.nat({ max: 255 })), { maxLength: 4 }),
      )
      .map(([len, flips]) => {
        const b = valid.slice(0, len);
        for (const [i, v] of flips) if (i < b.length) b[i] = v;
        return b;
      }),
  );
  it('parseRegFile', () => {
    prop.assert(
      fc.property(inputs, (bytes) => {
        try {
          parseRegFile(bytes, 'fuzz.reg');
        } catch (e) {
          expect(e).toBeInstanceOf(UnreadableInputError);
          expect((e as UnreadableInputError).message).toMatch(/^fuzz\.reg/);
        }
      }),
      RUNS,
    );
  });
});

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
