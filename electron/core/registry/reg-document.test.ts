import { describe, expect, it } from 'vitest';
import { RegDocument, type RegEdit } from './reg-document';
import { parseRegFile } from './reg-file';
import type { RegValue } from './reg-value';
import { encodeAnsi } from './text-encoding';

const V5 = 'Windows Registry Editor Version 5.00';
const SECTION =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a';
const LSA = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
const MSV = `${LSA}\\MSV1_0`;

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16 = (s: string): Uint8Array => new Uint8Array(Buffer.from(`\ufeff${s}`, 'utf16le'));
const text8 = (b: Uint8Array): string => new TextDecoder().decode(b);
const text16 = (b: Uint8Array): string => Buffer.from(b).subarray(2).toString('utf16le');
const bin = (...b: number[]): RegValue => ({ type: 'REG_BINARY', data: new Uint8Array(b) });
const dword = (data: number): RegValue => ({ type: 'REG_DWORD', data });
const NTLM = bin(2, 0, 0, 0);
const BASIC = bin(1, 0, 0, 0);

/** Applies and commits the edits; returns the new bytes. */
function write(doc: RegDocument, ...edits: RegEdit[]): Uint8Array {
  const prepared = doc.prepare(edits);
  prepared.commit();
  return prepared.bytes;
}

/** Bytes after `edits` in one process, then the same bytes read by a new process that undoes them. */
function roundTrip(
  bytes: Uint8Array,
  edits: RegEdit[],
  undo: RegEdit[],
): { changed: Uint8Array; undone: Uint8Array } {
  const changed = write(RegDocument.parse(bytes), ...edits);
  return { changed, undone: write(RegDocument.parse(changed), ...undo) };
}

describe('a write changes only the lines of the values it changes', () => {
  // What reg export writes: UTF-16LE, BOM, CRLF, ancestors listed, a blank line after each key.
  const regExport = [
    V5,
    '',
    '[HKEY_CURRENT_USER]',
    '',
    '[HKEY_CURRENT_USER\\Software]',
    '',
    `[${SECTION}]`,
    '"001f6622"=hex:6d,00,61,00,69,00,6c,00,2e,00,63,00,6f,00,6e,00,74,00,6f,00,73,\\',
    '  00,6f,00,2e,00,63,00,6f,00,6d,00,00,00',
    '"00036627"=hex:01,00,00,00',
    '',
    `[${LSA}]`,
    '"NoLmHash"=dword:00000001',
    '',
    '',
  ].join('\r\n');

  it('replaces one line of a reg export; the undo in a later process gives the original bytes', () => {
    const { changed, undone } = roundTrip(
      utf16(regExport),
      [{ path: SECTION, name: '00036627', value: NTLM }],
      [{ path: SECTION, name: '00036627', value: BASIC }],
    );
    expect(text16(changed)).toBe(
      regExport.replace('"00036627"=hex:01,00,00,00', '"00036627"=hex:02,00,00,00'),
    );
    expect(Buffer.from(undone).equals(Buffer.from(utf16(regExport)))).toBe(true);
  });

  it('adds a value at the end of its key block and removes exactly that line again', () => {
    const { changed, undone } = roundTrip(
      utf16(regExport),
      [
        {
          path: 'hklm\\system\\currentcontrolset\\control\\lsa',
          name: 'LmCompatibilityLevel',
          value: dword(3),
        },
      ],
      [{ path: LSA, name: 'LmCompatibilityLevel', value: null }],
    );
    expect(text16(changed)).toBe(
      regExport.replace(
        '"NoLmHash"=dword:00000001',
        '"NoLmHash"=dword:00000001\r\n"LmCompatibilityLevel"=dword:00000003',
      ),
    );
    expect(Buffer.from(undone).equals(Buffer.from(utf16(regExport)))).toBe(true);
  });

  it('adds a key the file lacks as a new block at the end, laid out like the file', () => {
    const changed = write(RegDocument.parse(utf16(regExport)), {
      path: MSV,
      name: 'BackConnectionHostNames',
      value: { type: 'REG_MULTI_SZ', data: ['mail.contoso.com', 'owa.contoso.com'] },
    });
    expect(text16(changed)).toBe(
      `${regExport}[${MSV}]\r\n` +
        '"BackConnectionHostNames"=hex(7):6d,00,61,00,69,00,6c,00,2e,00,63,00,6f,00,6e,\\\r\n' +
        '  00,74,00,6f,00,73,00,6f,00,2e,00,63,00,6f,00,6d,00,00,00,6f,00,77,00,61,00,\\\r\n' +
        '  2e,00,63,00,6f,00,6e,00,74,00,6f,00,73,00,6f,00,2e,00,63,00,6f,00,6d,00,00,\\\r\n' +
        '  00,00,00\r\n\r\n',
    );
    expect(parseRegFile(changed).keys.map((k) => k.path)).toContain(MSV);
  });

  // A hand-made export: only leaf keys, no ancestors, LF, tab and odd indentation, comments,
  // upper-case hex with ", " separators, short dwords, no blank lines and no last line break.
  const handMade = [
    'REGEDIT4',
    '; exported by a script',
    `[${SECTION}] ; Outlook`,
    '    "00036627" = HEX:01, 00, 00, 00 ; Basic',
    '    "00036623"=hex:23,00,00,00',
    `[${LSA}]`,
    '"LmCompatibilityLevel"=DWORD:1',
    '"Bounds"=hex:00,30,00,00,00,20,00,00',
    `[${MSV}]`,
    '"BackConnectionHostNames"=hex(7):61,00,\\',
    '\t62,00,00',
  ].join('\n');
  const ansi = encodeAnsi(handMade);

  it('keeps a hand-made file byte for byte around a change, in the style of the changed line', () => {
    const { changed, undone } = roundTrip(
      ansi,
      [
        { path: SECTION, name: '00036627', value: NTLM },
        { path: LSA, name: 'LmCompatibilityLevel', value: dword(3) },
      ],
      [
        { path: SECTION, name: '00036627', value: BASIC },
        { path: LSA, name: 'LmCompatibilityLevel', value: dword(1) },
      ],
    );
    expect(text8(changed)).toBe(
      handMade
        .replace('HEX:01, 00, 00, 00 ; Basic', 'HEX:02, 00, 00, 00 ; Basic')
        .replace('DWORD:1', 'DWORD:3'),
    );
    expect(Buffer.from(undone).equals(Buffer.from(ansi))).toBe(true);
  });

  it('adds values with the indentation of their block, and a key block after a last line without a line break', () => {
    const doc = RegDocument.parse(ansi);
    const changed = write(
      doc,
      { path: SECTION, name: '00036628', value: bin(9) },
      { path: MSV, name: 'Extra', value: dword(1) },
      {
        path: 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
        name: 'x',
        value: { type: 'REG_SZ', data: 'y' },
      },
    );
    expect(text8(changed)).toBe(
      handMade
        .replace('    "00036623"=hex:23,00,00,00', '    "00036623"=hex:23,00,00,00\n    "00036628"=hex:09')
        .concat(
          '\n"Extra"=dword:00000001',
          '\n[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce]\n"x"="y"',
        ),
    );
    // Undone in the same process: every added line and block goes again.
    const undone = write(
      doc,
      { path: SECTION, name: '00036628', value: null },
      { path: MSV, name: 'Extra', value: null },
      {
        path: 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
        name: 'x',
        value: null,
      },
    );
    expect(Buffer.from(undone).equals(Buffer.from(ansi))).toBe(true);
  });

  it('re-wraps a changed multi-line value with the file’s own continuation indent', () => {
    const changed = write(RegDocument.parse(ansi), {
      path: MSV,
      name: 'BackConnectionHostNames',
      value: { type: 'REG_MULTI_SZ', data: ['smtp.contoso.com', 'mail.contoso.com'] },
    });
    const lines = text8(changed).split('\n');
    expect(lines.slice(9)).toEqual([
      '"BackConnectionHostNames"=hex(7):73,6d,74,70,2e,63,6f,6e,74,6f,73,6f,2e,63,6f,\\',
      '\t6d,00,6d,61,69,6c,2e,63,6f,6e,74,6f,73,6f,2e,63,6f,6d,00,00',
    ]);
    expect(lines.slice(0, 9)).toEqual(handMade.split('\n').slice(0, 9));
  });

  it('removes a value’s lines (continuations too) and, in the same process, puts them back where they were', () => {
    const doc = RegDocument.parse(ansi);
    const removed = write(doc, { path: MSV, name: 'BackConnectionHostNames', value: null });
    expect(text8(removed)).toBe(handMade.split('\n').slice(0, 9).join('\n'));
    const original = doc.file.keys[2]!.values[0]!.value;
    expect(original).toEqual({ type: 'REG_MULTI_SZ', data: ['a', 'b'] });
    const restored = write(doc, { path: MSV, name: 'backconnectionhostnames', value: original });
    expect(Buffer.from(restored).equals(Buffer.from(ansi))).toBe(true);
  });

  it('removes neighbouring lines, the last one without a line break, in one write; the undo restores them', () => {
    const bytes = utf8(`${V5}\n[${LSA}]\n"keep"=dword:00000001\n"a"=dword:00000002\n"b"=dword:00000003`);
    const doc = RegDocument.parse(bytes);
    const removed = write(doc, { path: LSA, name: 'b', value: null }, { path: LSA, name: 'a', value: null });
    expect(text8(removed)).toBe(`${V5}\n[${LSA}]\n"keep"=dword:00000001`);
    const again = write(RegDocument.parse(removed), { path: LSA, name: 'a', value: dword(2) });
    expect(text8(again)).toBe(`${V5}\n[${LSA}]\n"keep"=dword:00000001\n"a"=dword:00000002`);
    const restored = write(
      doc,
      { path: LSA, name: 'a', value: dword(2) },
      { path: LSA, name: 'b', value: dword(3) },
    );
    expect(Buffer.from(restored).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a value set to what it already is changes nothing', () => {
    const doc = RegDocument.parse(ansi);
    expect(
      Buffer.from(write(doc, { path: LSA, name: 'lmcompatibilitylevel', value: dword(1) })).equals(
        Buffer.from(ansi),
      ),
    ).toBe(true);
  });
});

describe('odd files', () => {
  it('writes the later of two joined exports, keeps both byte order marks, and deletes with "=-" where the earlier would show through', () => {
    const part = (auth: string) =>
      [V5, '', `[${SECTION}]`, `"00036627"=hex:${auth},00,00,00`, '', ''].join('\r\n');
    const joined = new Uint8Array(Buffer.concat([utf16(part('01')), utf16(part('02'))]));
    const doc = RegDocument.parse(joined, 'joined.reg');
    expect(doc.file.warnings!.map((w) => w.kind)).toEqual(['joined-export']);
    const set = write(doc, { path: SECTION, name: '00036627', value: bin(3, 0, 0, 0) });
    expect(Buffer.from(set).equals(Buffer.concat([utf16(part('01')), utf16(part('03'))]))).toBe(true);
    const deleted = write(RegDocument.parse(set), { path: SECTION, name: '00036627', value: null });
    expect(text16(deleted)).toBe(
      `${part('01')}\ufeff${part('02').replace('"00036627"=hex:02,00,00,00', '"00036627"=-')}`,
    );
    const tree = parseRegFile(deleted).keys.flatMap((k) => k.values.map((v) => v.value));
    expect(tree[tree.length - 1]).toBeNull();
  });

  it('leaves damaged lines alone and adds after them', () => {
    const file = [V5, '', `[${SECTION}]`, '"001f662a"=hex:6f,00,0', '', ''].join('\r\n');
    const doc = RegDocument.parse(utf16(file));
    expect(doc.file.warnings).toHaveLength(1);
    const changed = write(doc, { path: SECTION, name: '00036627', value: NTLM });
    expect(text16(changed)).toBe(
      file.replace('hex:6f,00,0\r\n', 'hex:6f,00,0\r\n"00036627"=hex:02,00,00,00\r\n'),
    );
  });

  it('adds a new block for a key that a later [-key] line removed', () => {
    const file = [V5, '', `[${LSA}]`, '"x"=dword:00000001', '', `[-${LSA}]`, ''].join('\n');
    const changed = write(RegDocument.parse(utf8(file)), {
      path: LSA,
      name: 'LmCompatibilityLevel',
      value: dword(3),
    });
    expect(text8(changed)).toBe(`${file}\n[${LSA}]\n"LmCompatibilityLevel"=dword:00000003\n`);
  });

  // Key names match ignoring the case of ASCII letters only (ascii-case.ts): `CAFé` is `Café`.
  it('keeps UTF-8 with and without a byte order mark', () => {
    for (const bom of [[0xef, 0xbb, 0xbf], []]) {
      const bytes = new Uint8Array([
        ...bom,
        ...utf8(`${V5}\n\n[HKEY_CURRENT_USER\\Caf\u00e9]\n"\u540d"="\u{1f600}"\n`),
      ]);
      const doc = RegDocument.parse(bytes);
      const changed = write(doc, {
        path: 'HKCU\\CAF\u00e9',
        name: '\u540d',
        value: { type: 'REG_SZ', data: '\u65e5' },
      });
      expect(Array.from(changed.subarray(0, bom.length))).toEqual(bom);
      expect(text8(changed.subarray(bom.length))).toBe(
        `${V5}\n\n[HKEY_CURRENT_USER\\Caf\u00e9]\n"\u540d"="\u65e5"\n`,
      );
      const undone = write(doc, {
        path: 'HKCU\\CAF\u00e9',
        name: '\u540d',
        value: { type: 'REG_SZ', data: '\u{1f600}' },
      });
      expect(Buffer.from(undone).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('refuses a value an ANSI file cannot hold, and stays as it was', () => {
    const bytes = encodeAnsi(`REGEDIT4\r\n\r\n[${LSA}]\r\n"a"="b"\r\n`);
    const doc = RegDocument.parse(bytes);
    expect(() => doc.prepare([{ path: LSA, name: 'a', value: { type: 'REG_SZ', data: '\u65e5' } }])).toThrow(
      /"a" under .* U\+65E5 has no ANSI/,
    );
    expect(() => doc.prepare([{ path: LSA, name: '\u65e5', value: dword(1) }])).toThrow(/ANSI/);
    expect(Buffer.from(doc.bytes()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('prepare without commit leaves the document as it was', () => {
    const bytes = utf8(`${V5}\n[${LSA}]\n"a"=dword:00000001\n`);
    const doc = RegDocument.parse(bytes);
    const prepared = doc.prepare([{ path: LSA, name: 'a', value: dword(2) }]);
    expect(text8(prepared.bytes)).toContain('"a"=dword:00000002');
    expect(Buffer.from(doc.bytes()).equals(Buffer.from(bytes))).toBe(true);
  });
});
