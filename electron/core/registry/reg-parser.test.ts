import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../errors';
import { LSA_KEY, MSV1_0_KEY, RESUME_VALUE_NAME, RUN_ONCE_KEY } from './allowlist';
import { parseRegFile } from './reg-file';
import { parseRegTextDetailed } from './reg-parser';

const V5 = 'Windows Registry Editor Version 5.00';
const WMS = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem';
const SECTION = `${WMS}\\Profiles\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a`;
const SID = 'S-1-5-21-1757981266-1645522239-839522115-1001';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16 = (s: string): Uint8Array => new Uint8Array(Buffer.from(`\ufeff${s}`, 'utf16le'));
const crlf = (...lines: string[]): string => lines.join('\r\n');

function refused(bytes: Uint8Array): UnreadableInputError {
  try {
    parseRegFile(bytes, 'pc.reg');
  } catch (e) {
    expect(e).toBeInstanceOf(UnreadableInputError);
    return e as UnreadableInputError;
  }
  throw new Error('expected the file to be refused');
}

describe('a damaged value line', () => {
  // Reference vector T14 (outlook-profile-registry.md): an address book section whose UTF-16
  // server name ends in a truncated byte "0" instead of "00", as published in a real export.
  const T14 = crlf(
    V5,
    '',
    `[${WMS}\\Profiles\\ttye\\dca740c8c042101ab4b908002b2fe182]`,
    '"001f662a"=hex:6f,00,75,00,74,00,6c,00,6f,00,6f,00,6b,00,2e,00,63,00,63,00,73,00,2e,\\',
    '  00,63,00,6f,00,72,00,70,00,00,0',
    '"000b6622"=hex:01,00',
    '',
    `[${SECTION}]`,
    '"00036627"=hex:01,00,00,00',
    '',
  );

  it('T14 (a truncated last hex byte) is skipped with a warning naming the file and line; the rest is read', () => {
    const file = parseRegFile(utf16(T14), 'pc.reg');
    expect(file.warnings).toEqual([
      {
        kind: 'damaged-value',
        line: 5,
        key: `${WMS}\\Profiles\\ttye\\dca740c8c042101ab4b908002b2fe182`,
        name: '001f662a',
        message: expect.stringMatching(
          /^pc\.reg line 5: expected a hex byte \(two hex digits\), found "0"; skipped the value "001f662a" under \[/,
        ) as unknown,
      },
    ]);
    expect(file.keys[0]!.values).toEqual([
      { name: '000b6622', value: { type: 'REG_BINARY', data: new Uint8Array([1, 0]) }, line: 6 },
    ]);
    expect(file.keys[1]!.values[0]!.name).toBe('00036627');
  });

  it.each([
    ['the proxy authentication scheme in a profile section', SECTION, '00036627', 'hex:01,00,0'],
    ['LmCompatibilityLevel', LSA_KEY, 'LmCompatibilityLevel', 'dword:0000000g'],
    ['BackConnectionHostNames', MSV1_0_KEY, 'BackConnectionHostNames', 'hex(7):61,00,\\'],
    ['the resume entry (any case)', RUN_ONCE_KEY, RESUME_VALUE_NAME.toUpperCase(), '"unterminated'],
    [
      "another user's profile section (HKEY_USERS\\<SID>)",
      SECTION.replace('HKEY_CURRENT_USER', `HKEY_USERS\\${SID}`),
      '00036627',
      'hex:1,00,00,00',
    ],
    ['a value name that cannot be read but looks like ours', SECTION, '00036627', null],
  ])('refuses the file when it is one the product writes: %s', (_what, key, name, data) => {
    const line = data === null ? `"${name}=hex:01,00,00,00` : `"${name}"=${data}`;
    const e = refused(utf8(`${V5}\n\n[${key}]\n${line}\n`));
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^pc\.reg line 4: /);
    expect(e.message).toMatch(
      /is one this product may change, so the file cannot be used until that line is repaired/,
    );
  });

  it('skips the same damage in a value the product never writes (00036627 outside a profile section)', () => {
    const file = parseRegFile(utf8(`${V5}\n\n[HKEY_CURRENT_USER\\Software\\Other]\n"00036627"=hex:01,0\n`));
    expect(file.warnings!.map((w) => [w.kind, w.line, w.name])).toEqual([['damaged-value', 4, '00036627']]);
  });

  it('skips the continuation lines of a damaged value, but not a key or value line that follows it', () => {
    const text = [
      V5,
      '[HKEY_CURRENT_USER\\A]',
      '"bad"=hex:01,zz,\\',
      '  ; a comment inside the value',
      '  03,04,\\',
      '  05',
      '"next"=dword:00000002',
      '"cut"=hex:01,\\',
      '[HKEY_CURRENT_USER\\B]',
      '"b"=dword:00000003',
      '',
    ].join('\n');
    const file = parseRegFile(utf8(text));
    expect(file.warnings!.map((w) => [w.line, w.name])).toEqual([
      [3, 'bad'],
      [9, 'cut'],
    ]);
    expect(file.keys.map((k) => [k.path, k.values.map((v) => [v.name, v.line])])).toEqual([
      ['HKEY_CURRENT_USER\\A', [['next', 7]]],
      ['HKEY_CURRENT_USER\\B', [['b', 10]]],
    ]);
  });
});

describe('joined exports (copy /b a.reg+b.reg)', () => {
  const partA = crlf(V5, '', `[${SECTION}]`, '"00036627"=hex:01,00,00,00', '"001e6602"="EXCH01"', '', '');
  const partB = crlf(
    V5,
    '',
    `[${SECTION}]`,
    '"00036627"=hex:02,00,00,00',
    '',
    `[${LSA_KEY}]`,
    '"x"=dword:1',
    '',
    '',
  );

  it('reads both parts of two UTF-16 exports (the second byte order mark and header mid-file), later wins', () => {
    const joined = Buffer.concat([utf16(partA), utf16(partB)]);
    const file = parseRegFile(new Uint8Array(joined), 'joined.reg');
    expect(file.format).toEqual({ header: V5, encoding: 'utf16le', bom: true, eol: '\r\n' });
    expect(file.keys.map((k) => [k.path, k.line])).toEqual([
      [SECTION, 3],
      [SECTION, 9],
      [LSA_KEY, 12],
    ]);
    expect(file.keys[1]!.values[0]!.value).toEqual({
      type: 'REG_BINARY',
      data: new Uint8Array([2, 0, 0, 0]),
    });
    expect(file.warnings).toEqual([
      {
        kind: 'joined-export',
        line: 7,
        message: expect.stringMatching(/^joined\.reg line 7: a second export starts here/) as unknown,
      },
    ]);
  });

  it('reads exports appended as text (cmd "type a.reg >> all.reg": repeated headers, no byte order marks)', () => {
    const file = parseRegFile(utf8(`${partA}${partB}${partA}`));
    expect(file.keys).toHaveLength(4);
    expect(file.warnings!.map((w) => w.line)).toEqual([7, 15]);
  });

  it('refuses a second export of another kind (REGEDIT4 inside a Version 5.00 file)', () => {
    const e = refused(utf8(`${partA}REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\A]\r\n`));
    expect(e.line).toBe(7);
    expect(e.message).toMatch(/found the header "REGEDIT4" of a second export/);
  });

  it('needs a key line after the second header before values', () => {
    expect(refused(utf8(`${partA}${V5}\r\n"x"="y"\r\n`)).message).toMatch(
      /line 8: found a value before any key/,
    );
  });
});

describe('key nesting', () => {
  const nested = (levels: number): string =>
    `${V5}\n\n[HKEY_CURRENT_USER${'\\k'.repeat(levels)}]\n"v"=dword:00000001\n`;

  it('reads keys 512 levels deep, the most Windows allows', () => {
    const file = parseRegFile(utf8(nested(512)));
    expect(file.keys[0]!.path.split('\\')).toHaveLength(513);
  });

  it('refuses deeper keys with the line (100,000 levels: no stack overflow, no quadratic walk)', () => {
    for (const levels of [513, 100_000]) {
      const started = Date.now();
      const e = refused(utf8(nested(levels)));
      expect(e.line).toBe(3);
      expect(e.message).toContain(`nested ${levels} levels deep; Windows allows at most 512`);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});

describe('layout', () => {
  it('records each key line, each value line (continuations, indentation and comments included) and the data in it', () => {
    const text = [
      V5,
      '',
      '  [HKEY_CURRENT_USER\\A] ; key',
      '   "s" = "x" ; note',
      '"h"=hex:01,\\',
      '\t02',
      '"bad"=hex:0',
      '',
      '[HKEY_CURRENT_USER\\B]',
      '',
    ].join('\r\n');
    const parsed = parseRegTextDetailed(text, { layout: true });
    const [a, b] = parsed.spans!;
    const slice = (s: number, e: number): string => text.slice(s, e);
    expect(slice(a!.start, a!.end)).toBe('  [HKEY_CURRENT_USER\\A] ; key');
    expect(
      a!.values.map((v) => [slice(v.start, v.end), slice(v.dataStart, v.dataEnd), v.continuationIndent]),
    ).toEqual([
      ['   "s" = "x" ; note', '"x"', null],
      ['"h"=hex:01,\\\r\n\t02', 'hex:01,\\\r\n\t02', '\t'],
    ]);
    // The damaged line still belongs to A's block (new values go after it).
    expect(slice(a!.lastLineEnd - 11, a!.lastLineEnd)).toBe('"bad"=hex:0');
    expect(b!.values).toEqual([]);
    expect(slice(b!.start, b!.lastLineEnd)).toBe('[HKEY_CURRENT_USER\\B]');
  });
});
