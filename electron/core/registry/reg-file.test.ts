import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../errors';
import {
  applyRegFileToTree,
  parseRegFile,
  REGEDIT5_FORMAT,
  regFileFromTree,
  writeRegFile,
  type RegFile,
  type RegFileFormat,
  type RegParseOptions,
} from './reg-file';
import { RegTree } from './reg-tree';
import type { RegValue } from './reg-value';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** UTF-16LE with the FF FE byte order mark, as `reg export` writes. */
const utf16 = (s: string): Uint8Array => {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const u16z = (s: string): Uint8Array => utf16(`${s}\0`).subarray(2);
const crlf = (...lines: string[]): string => lines.join('\r\n');
const lf = (...lines: string[]): string => lines.join('\n');

const V5 = 'Windows Registry Editor Version 5.00';
const SECTION =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a';
const LSA = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';

/** The values of one key, by name. */
function valuesOf(file: RegFile, path: string): Map<string, RegValue | null> {
  const key = file.keys.find((k) => k.path === path);
  if (!key) throw new Error(`no key ${path} in ${file.keys.map((k) => k.path).join(', ')}`);
  return new Map(key.values.map((v) => [v.name, v.value]));
}

function parseError(
  input: Uint8Array,
  fileName = 'machine\\registry.reg',
  options: RegParseOptions = {},
): UnreadableInputError {
  try {
    parseRegFile(input, fileName, options);
  } catch (e) {
    expect(e).toBeInstanceOf(UnreadableInputError);
    return e as UnreadableInputError;
  }
  throw new Error('expected parseRegFile to throw');
}

// What `reg export` writes for an Outlook 2003 profile section and the LSA keys: UTF-16LE with
// a BOM, CRLF, hex wrapped at 80 columns with "\" and a two-space indent, a blank line per key.
const REG_EXPORT = crlf(
  V5,
  '',
  `[${SECTION}]`,
  '"001e6602"="outlook.company.corp"',
  '"001f6622"=hex:6d,00,61,00,69,00,6c,00,65,00,72,00,2e,00,65,00,78,00,61,00,6d,\\',
  '  00,70,00,6c,00,65,00,2e,00,63,00,6f,00,6d,00,2d,00,34,00,34,00,33,00,30,00,\\',
  '  30,00,00,00',
  '"00036623"=hex:23,00,00,00',
  '"00036627"=hex:01,00,00,00',
  '"101e6613"=hex:',
  '@="Exchange \\"Global\\" Section \\\\ 2003"',
  '',
  `[${LSA}]`,
  '"LmCompatibilityLevel"=dword:00000003',
  '"Path"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,\\',
  '  00,25,00,5c,00,73,00,79,00,73,00,74,00,65,00,6d,00,33,00,32,00,00,00',
  '"Stamp"=hex(b):00,80,3e,d5,de,b1,9d,01',
  '"Nothing"=hex(0):',
  '"Link"=hex(6):5c,00,3f,00',
  '',
  `[${LSA}\\MSV1_0]`,
  '"BackConnectionHostNames"=hex(7):6d,00,61,00,69,00,6c,00,2e,00,65,00,78,00,61,\\',
  '  00,6d,00,70,00,6c,00,65,00,2e,00,63,00,6f,00,6d,00,00,00,6f,00,77,00,61,00,\\',
  '  2e,00,65,00,78,00,61,00,6d,00,70,00,6c,00,65,00,2e,00,63,00,6f,00,6d,00,00,\\',
  '  00,00,00',
  '"NtlmMinClientSec"=dword:20080000',
  '',
  '',
);

describe('reading what reg export writes (Version 5.00, UTF-16LE)', () => {
  const file = parseRegFile(utf16(REG_EXPORT), 'export.reg');

  it('records the header, encoding, byte order mark and line ending', () => {
    expect(file.format).toEqual(REGEDIT5_FORMAT);
  });

  it('reads the keys in file order with their line numbers', () => {
    expect(file.keys.map((k) => [k.path, k.line, k.deleteKey])).toEqual([
      [SECTION, 3, false],
      [LSA, 13, false],
      [`${LSA}\\MSV1_0`, 21, false],
    ]);
  });

  it('reads the Outlook section: REG_SZ, wrapped REG_BINARY (T1), flags, auth scheme, empty binary, escaped default', () => {
    const v = valuesOf(file, SECTION);
    expect(v.get('001e6602')).toEqual({ type: 'REG_SZ', data: 'outlook.company.corp' });
    expect(v.get('001f6622')).toEqual({ type: 'REG_BINARY', data: u16z('mailer.example.com-44300') });
    expect((v.get('001f6622') as { data: Uint8Array }).data).toHaveLength(50);
    expect(v.get('00036623')).toEqual({ type: 'REG_BINARY', data: bytes(0x23, 0, 0, 0) });
    expect(v.get('00036627')).toEqual({ type: 'REG_BINARY', data: bytes(1, 0, 0, 0) });
    expect(v.get('101e6613')).toEqual({ type: 'REG_BINARY', data: bytes() });
    expect(v.get('')).toEqual({ type: 'REG_SZ', data: 'Exchange "Global" Section \\ 2003' });
  });

  it('reads dword, hex(2) as UTF-16LE, hex(b), hex(0) and an odd type kept raw', () => {
    const v = valuesOf(file, LSA);
    expect(v.get('LmCompatibilityLevel')).toEqual({ type: 'REG_DWORD', data: 3 });
    expect(v.get('Path')).toEqual({ type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\system32' });
    expect(v.get('Stamp')).toEqual({ type: 'REG_QWORD', data: 0x019db1ded53e8000n });
    expect(v.get('Nothing')).toEqual({ type: 'REG_NONE', data: bytes() });
    expect(v.get('Link')).toEqual({ type: 'REG_RAW', kind: 6, data: bytes(0x5c, 0, 0x3f, 0) });
  });

  it('reads hex(7) as a REG_MULTI_SZ list (T25) and a large dword (T26)', () => {
    const v = valuesOf(file, `${LSA}\\MSV1_0`);
    expect(v.get('BackConnectionHostNames')).toEqual({
      type: 'REG_MULTI_SZ',
      data: ['mail.example.com', 'owa.example.com'],
    });
    expect(v.get('NtlmMinClientSec')).toEqual({ type: 'REG_DWORD', data: 0x20080000 });
  });

  it('writes it back byte for byte: CRLF, BOM, 80-column wrapping, two-space indent', () => {
    expect(Buffer.from(writeRegFile(file)).equals(Buffer.from(utf16(REG_EXPORT)))).toBe(true);
  });

  it('wraps hex lines exactly where regedit does (no line longer than 80 columns)', () => {
    const text = new TextDecoder('utf-16le').decode(writeRegFile(file));
    const lines = text.split('\r\n');
    const hexLines = lines.filter((l) => /hex(\(\w+\))?:|^ {2}[0-9a-f]{2}/.test(l));
    expect(hexLines).toHaveLength(15);
    expect(Math.max(...hexLines.map((l) => l.length))).toBeLessThanOrEqual(80);
    // 21 bytes on the first line of "001f6622"=hex:, 25 on each continuation line.
    const first = lines.find((l) => l.startsWith('"001f6622"'))!;
    expect(first.split(',').length - 1).toBe(21);
    expect(lines[lines.indexOf(first) + 1]).toMatch(/^ {2}(?:[0-9a-f]{2},){25}\\$/);
  });
});

describe('REGEDIT4 (ANSI, Windows-1252)', () => {
  // "Café" with é = E9, "€" = 80 (Windows-1252), hex(2) and hex(7) strings as single ANSI bytes.
  const text = lf(
    'REGEDIT4',
    '',
    '[HKEY_CURRENT_USER\\Software\\Caf\u00e9]',
    '"Price"="5 \u20ac"',
    '"Expand"=hex(2):25,54,45,4d,50,25,00',
    '"Multi"=hex(7):61,00,e9,00,00',
    '"Count"=dword:0000002a',
    '',
    '',
  );
  const ansi = new Uint8Array(Array.from(text, (c) => (c === '\u20ac' ? 0x80 : c.charCodeAt(0))));

  it('decodes Windows-1252 bytes, reads hex(2) and hex(7) as ANSI', () => {
    const file = parseRegFile(ansi);
    expect(file.format).toEqual({ header: 'REGEDIT4', encoding: 'ansi', bom: false, eol: '\n' });
    const v = valuesOf(file, 'HKEY_CURRENT_USER\\Software\\Caf\u00e9');
    expect(v.get('Price')).toEqual({ type: 'REG_SZ', data: '5 \u20ac' });
    expect(v.get('Expand')).toEqual({ type: 'REG_EXPAND_SZ', data: '%TEMP%' });
    expect(v.get('Multi')).toEqual({ type: 'REG_MULTI_SZ', data: ['a', '\u00e9'] });
    expect(v.get('Count')).toEqual({ type: 'REG_DWORD', data: 42 });
  });

  it('writes it back byte for byte, without a byte order mark', () => {
    expect(Buffer.from(writeRegFile(parseRegFile(ansi))).equals(Buffer.from(ansi))).toBe(true);
  });

  it('records a pure-ASCII REGEDIT4 file as ANSI, so later non-ASCII text is written as regedit reads it', () => {
    const file = parseRegFile(utf8('REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\A]\r\n"x"="y"\r\n\r\n'));
    expect(file.format).toEqual({ header: 'REGEDIT4', encoding: 'ansi', bom: false, eol: '\r\n' });
    const tree = new RegTree();
    applyRegFileToTree(file, tree);
    tree.setValue('HKEY_CURRENT_USER\\A', 'x', { type: 'REG_SZ', data: 'd\u00e9j\u00e0' });
    const out = writeRegFile(regFileFromTree(tree, file.format));
    expect(Array.from(out.subarray(out.indexOf(0x64)))).toEqual([
      0x64, 0xe9, 0x6a, 0xe0, 0x22, 13, 10, 13, 10,
    ]);
  });

  it('reads REGEDIT4 as ANSI even when its bytes are also valid UTF-8 (found by the property tests)', () => {
    // Windows-1252 "Ù…" is D9 85, which UTF-8 would read as U+0645.
    const bytes = new Uint8Array([
      ...utf8('REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\'),
      0xd9,
      0x85,
      ...utf8(']\r\n\r\n'),
    ]);
    const file = parseRegFile(bytes);
    expect(file.format.encoding).toBe('ansi');
    expect(file.keys[0]!.path).toBe('HKEY_LOCAL_MACHINE\\\u00d9\u2026');
    expect(Buffer.from(writeRegFile(file)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses to write text that has no ANSI byte, naming the value', () => {
    const tree = new RegTree();
    tree.setValue('HKEY_CURRENT_USER\\A', 'Name', { type: 'REG_EXPAND_SZ', data: '\u65e5\u672c' });
    const format: RegFileFormat = { header: 'REGEDIT4', encoding: 'ansi', bom: false, eol: '\r\n' };
    expect(() => writeRegFile(regFileFromTree(tree, format))).toThrow(/"Name".*U\+65E5/);
    const named = new RegTree();
    named.ensureKey('HKEY_CURRENT_USER\\\u65e5');
    expect(() => writeRegFile(regFileFromTree(named, format))).toThrow(/ANSI/);
  });
});

describe('UTF-8 input', () => {
  const body = crlf(
    V5,
    '',
    '[HKEY_CURRENT_USER\\Software\\\u65e5\u672c]',
    '"\u540d\u524d"="\u5024 \u{1f600}"',
    '',
    '',
  );

  it('reads UTF-8 with a byte order mark and writes it back the same', () => {
    const input = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]);
    const file = parseRegFile(input);
    expect(file.format).toEqual({ header: V5, encoding: 'utf8', bom: true, eol: '\r\n' });
    expect(valuesOf(file, 'HKEY_CURRENT_USER\\Software\\\u65e5\u672c').get('\u540d\u524d')).toEqual({
      type: 'REG_SZ',
      data: '\u5024 \u{1f600}',
    });
    expect(Buffer.from(writeRegFile(file)).equals(Buffer.from(input))).toBe(true);
  });

  it('reads UTF-8 without a byte order mark (LF endings) and writes it back the same', () => {
    const input = utf8(body.replace(/\r\n/g, '\n'));
    const file = parseRegFile(input);
    expect(file.format).toEqual({ header: V5, encoding: 'utf8', bom: false, eol: '\n' });
    expect(Buffer.from(writeRegFile(file)).equals(Buffer.from(input))).toBe(true);
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    const file = parseRegFile(bytes(...utf8(`${V5}\r\n[HKEY_CURRENT_USER\\A]\r\n"x"="`), 0xe9, 0x22, 13, 10));
    expect(file.format.encoding).toBe('ansi');
    expect(valuesOf(file, 'HKEY_CURRENT_USER\\A').get('x')).toEqual({ type: 'REG_SZ', data: '\u00e9' });
  });
});

describe('value forms and names', () => {
  const parse = (...lines: string[]): RegFile =>
    parseRegFile(utf8(lf(V5, '', '[HKEY_CURRENT_USER\\K]', ...lines, '')));
  const one = (...lines: string[]): RegValue | null => parse(...lines).keys[0]!.values[0]!.value;

  it('unescapes \\\\ and \\" in names and data; = and ; inside quotes are text', () => {
    const file = parse('"a=b \\"q\\" \\\\x"="C:\\\\dir\\\\\\"f\\";not a comment"');
    expect(file.keys[0]!.values[0]).toEqual({
      name: 'a=b "q" \\x',
      value: { type: 'REG_SZ', data: 'C:\\dir\\"f";not a comment' },
      line: 4,
    });
  });

  it("reads \\n and \\r escapes, as Wine's reg export writes line breaks", () => {
    expect(one('"x"="a\\r\\nb"')).toEqual({ type: 'REG_SZ', data: 'a\r\nb' });
  });

  it('writes strings with line breaks or NULs as hex(1) (which regedit and Wine both read)', () => {
    const tree = new RegTree();
    tree.setValue('HKEY_CURRENT_USER\\K', 'x', { type: 'REG_SZ', data: 'a\nb\0c' });
    const text = new TextDecoder().decode(
      writeRegFile(regFileFromTree(tree, { ...REGEDIT5_FORMAT, encoding: 'utf8', bom: false })),
    );
    expect(text).toContain('"x"=hex(1):61,00,0a,00,62,00,00,00,63,00,00,00\r\n');
    expect(one('"x"=hex(1):61,00,0a,00,62,00,00,00,63,00,00,00')).toEqual({
      type: 'REG_SZ',
      data: 'a\nb\0c',
    });
  });

  it('reads @ as the default value and empty strings', () => {
    expect(parse('@=""', '""="named empty"').keys[0]!.values.map((v) => [v.name, v.value])).toEqual([
      ['', { type: 'REG_SZ', data: '' }],
      ['', { type: 'REG_SZ', data: 'named empty' }],
    ]);
  });

  it('reads deletions: "v"=- and @=-', () => {
    expect(parse('"gone"=-', '@=-').keys[0]!.values.map((v) => [v.name, v.value])).toEqual([
      ['gone', null],
      ['', null],
    ]);
  });

  it('reads dword in either case, with fewer than 8 digits, and its maximum', () => {
    expect(one('"d"=DWORD:FFFFFFFF')).toEqual({ type: 'REG_DWORD', data: 0xffffffff });
    expect(one('"d"=dword:1')).toEqual({ type: 'REG_DWORD', data: 1 });
    expect(one('"d"=dword:00000000 ; zero')).toEqual({ type: 'REG_DWORD', data: 0 });
  });

  it('reads hex(n) in either case, upper-case bytes, spaces and a trailing comma', () => {
    expect(one('"q"=HEX(B):01,00,00,00,00,00,00,80')).toEqual({
      type: 'REG_QWORD',
      data: 0x8000000000000001n,
    });
    expect(one('"b"=hex: AB, cd ,EF,')).toEqual({ type: 'REG_BINARY', data: bytes(0xab, 0xcd, 0xef) });
    expect(one('"b"=hex(3):01')).toEqual({ type: 'REG_BINARY', data: bytes(1) });
    expect(one('"d"=hex(4):2a,00,00,00')).toEqual({ type: 'REG_DWORD', data: 42 });
  });

  it('reads hex(1) and empty lists; keeps malformed typed data raw instead of guessing', () => {
    expect(one('"s"=hex(1):68,00,69,00,00,00')).toEqual({ type: 'REG_SZ', data: 'hi' });
    expect(one('"m"=hex(7):00,00')).toEqual({ type: 'REG_MULTI_SZ', data: [] });
    expect(one('"m"=hex(7):00,00,00,00')).toEqual({ type: 'REG_MULTI_SZ', data: [''] });
    expect(one('"m"=hex(7):61,00,00,00')).toEqual({ type: 'REG_RAW', kind: 7, data: bytes(0x61, 0, 0, 0) });
    expect(one('"s"=hex(2):61,00,62')).toEqual({ type: 'REG_RAW', kind: 2, data: bytes(0x61, 0, 0x62) });
    expect(one('"d"=hex(4):01,02')).toEqual({ type: 'REG_RAW', kind: 4, data: bytes(1, 2) });
    expect(one('"q"=hex(b):01')).toEqual({ type: 'REG_RAW', kind: 11, data: bytes(1) });
    expect(one('"r"=hex(ffff0010):01')).toEqual({ type: 'REG_RAW', kind: 0xffff0010, data: bytes(1) });
  });

  it('reads T14 style data with an odd byte count unchanged', () => {
    const v = one('"001f662a"=hex:6f,00,75,00,74,00,00');
    expect(v).toEqual({ type: 'REG_BINARY', data: bytes(0x6f, 0, 0x75, 0, 0x74, 0, 0) });
  });

  it('reads hex continuations with comments and blank lines between them, as regedit does', () => {
    const file = parse(
      '"m"=hex(7):4c,00,69,00,6e,00,65,00,20,00,\\',
      '  ; a comment inside the value',
      '',
      '  63,00,00,00,\\',
      '\t00,00',
      '"after"=dword:00000001',
    );
    expect(file.keys[0]!.values).toEqual([
      { name: 'm', value: { type: 'REG_MULTI_SZ', data: ['Line c'] }, line: 4 },
      { name: 'after', value: { type: 'REG_DWORD', data: 1 }, line: 9 },
    ]);
  });

  it('allows comments after values and keys, blank lines, indentation and stray CRs', () => {
    const file = parseRegFile(
      utf8(
        lf(
          V5,
          '; exported by hand',
          '',
          '  [HKEY_CURRENT_USER\\A] ; first key',
          '   "x" = "y" ; trailing',
          '"b"=hex:01,02 ; bytes\r\r',
          '',
        ),
      ),
    );
    expect(file.keys).toEqual([
      {
        path: 'HKEY_CURRENT_USER\\A',
        deleteKey: false,
        line: 4,
        values: [
          { name: 'x', value: { type: 'REG_SZ', data: 'y' }, line: 5 },
          { name: 'b', value: { type: 'REG_BINARY', data: bytes(1, 2) }, line: 6 },
        ],
      },
    ]);
  });
});

describe('key lines', () => {
  const keys = (...lines: string[]) => parseRegFile(utf8(lf(V5, ...lines, ''))).keys;

  it('keeps "]", quotes, "=", ";" and spaces in key names as reg export writes them', () => {
    expect(keys('[HKEY_CURRENT_USER\\a]b\\[x] = "y";z \\ end ]').map((k) => k.path)).toEqual([
      'HKEY_CURRENT_USER\\a]b\\[x] = "y";z \\ end ',
    ]);
  });

  it('expands hive abbreviations and any hive case to the full name; tolerates a trailing backslash', () => {
    expect(
      keys('[hkcu\\Software]', '[HKLM\\SYSTEM\\]', '[hkey_users\\.DEFAULT]', '[HKCR]').map((k) => k.path),
    ).toEqual([
      'HKEY_CURRENT_USER\\Software',
      'HKEY_LOCAL_MACHINE\\SYSTEM',
      'HKEY_USERS\\.DEFAULT',
      'HKEY_CLASSES_ROOT',
    ]);
  });

  it('reads [-key] deletions', () => {
    expect(keys('[-HKEY_CURRENT_USER\\Software\\Old]')).toEqual([
      { path: 'HKEY_CURRENT_USER\\Software\\Old', deleteKey: true, line: 2, values: [] },
    ]);
  });

  it('writes [-key] deletions and value deletions back', () => {
    const file = parseRegFile(
      utf16(
        crlf(V5, '', '[-HKEY_CURRENT_USER\\Old]', '', '[HKEY_CURRENT_USER\\New]', '"v"=-', '@=-', '', ''),
      ),
    );
    expect(new TextDecoder('utf-16le').decode(writeRegFile(file))).toBe(
      crlf(V5, '', '[-HKEY_CURRENT_USER\\Old]', '', '[HKEY_CURRENT_USER\\New]', '"v"=-', '@=-', '', ''),
    );
  });
});

describe('errors name the file, the line and what was expected', () => {
  // Damage outside any value: the file is refused.
  const structural: [string, string, number, RegExp][] = [
    [
      'missing header',
      '[HKEY_CURRENT_USER\\A]\n',
      1,
      /expected the header "Windows Registry Editor Version 5\.00" or "REGEDIT4"/,
    ],
    ['empty file', '', 1, /found an empty file/],
    ['value before any key', `${V5}\n\n"x"="y"\n`, 3, /value before any key/],
    ['# is not a comment', `${V5}\n[HKEY_CURRENT_USER\\A]\n# note\n`, 3, /expected a \[key\] line/],
    ['unknown hive', `${V5}\n[HKEY_NOWHERE\\A]\n`, 2, /expected a key path starting with HKEY_LOCAL_MACHINE/],
    ['unclosed key', `${V5}\n[HKEY_CURRENT_USER\\A\n`, 2, /ending in "\]"/],
    ['empty key name', `${V5}\n[HKEY_CURRENT_USER\\A\\\\B]\n`, 2, /without empty key names/],
    ['deleting a hive', `${V5}\n[-HKEY_CURRENT_USER]\n`, 2, /cannot delete a whole hive/],
    [
      'value under a deleted key',
      `${V5}\n[-HKEY_CURRENT_USER\\A]\n"x"="y"\n`,
      3,
      /under \[-HKEY_CURRENT_USER\\A\] \(line 2\)/,
    ],
  ];
  // Damage inside one value line: refused when the value must be read (one the product
  // writes), otherwise skipped with a warning carrying the same message.
  const valueLevel: [string, string, number, RegExp][] = [
    ['bad hex byte', `${V5}\n[HKEY_CURRENT_USER\\A]\n"b"=hex:01,0g,03\n`, 3, /expected a hex byte.*"0g"/],
    ['one-digit hex byte', `${V5}\n[HKEY_CURRENT_USER\\A]\n"b"=hex:01,2,03\n`, 3, /expected a hex byte/],
    ['three-digit hex byte', `${V5}\n[HKEY_CURRENT_USER\\A]\n"b"=hex:01,234\n`, 3, /expected a hex byte/],
    ['missing comma', `${V5}\n[HKEY_CURRENT_USER\\A]\n"b"=hex:01 02\n`, 3, /expected "," between hex bytes/],
    [
      'bad hex byte on a continuation line',
      `${V5}\n[HKEY_CURRENT_USER\\A]\n"b"=hex:01,\\\n  02,zz\n`,
      4,
      /expected a hex byte.*"zz"/,
    ],
    [
      'unterminated string',
      `${V5}\n[HKEY_CURRENT_USER\\A]\n"x"="abc\n`,
      3,
      /expected a closing " for the string/,
    ],
    [
      'unterminated name',
      `${V5}\n[HKEY_CURRENT_USER\\A]\n"x=1\n`,
      3,
      /expected a closing " for the value name/,
    ],
    [
      'unknown escape',
      `${V5}\n[HKEY_CURRENT_USER\\A]\n"x"="C:\\dir"\n`,
      3,
      /after a backslash in the string, found "\\\\d"/,
    ],
    [
      'dword out of range',
      `${V5}\n[HKEY_CURRENT_USER\\A]\n"d"=dword:100000000\n`,
      3,
      /out of range; expected at most 8 hex digits/,
    ],
    ['dword not hex', `${V5}\n[HKEY_CURRENT_USER\\A]\n"d"=dword:0000000x\n`, 3, /expected dword:XXXXXXXX/],
    ['dword empty', `${V5}\n[HKEY_CURRENT_USER\\A]\n"d"=dword:\n`, 3, /expected dword:XXXXXXXX/],
    [
      'unknown data type',
      `${V5}\n[HKEY_CURRENT_USER\\A]\n"x"=qword:1\n`,
      3,
      /expected "string", dword:XXXXXXXX, hex/,
    ],
    ['bad hex type', `${V5}\n[HKEY_CURRENT_USER\\A]\n"x"=hex(z):01\n`, 3, /expected hex: or hex\(n\):/],
    ['missing =', `${V5}\n[HKEY_CURRENT_USER\\A]\n"x" "y"\n`, 3, /expected "=" after the value name/],
    ['text after a string', `${V5}\n[HKEY_CURRENT_USER\\A]\n"x"="y" z\n`, 3, /expected the end of the line/],
    [
      'continuation at end of file',
      `${V5}\n[HKEY_CURRENT_USER\\A]\n"b"=hex:01,\\\n; only a comment\n`,
      4,
      /file ends; expected more hex bytes/,
    ],
    [
      'continuation into the next value',
      `${V5}\n[HKEY_CURRENT_USER\\A]\n"b"=hex:01,\\\n"c"="d"\n`,
      4,
      /continuing the value from line 3/,
    ],
    [
      'text after a continuation backslash',
      `${V5}\n[HKEY_CURRENT_USER\\A]\n"b"=hex:01,\\ 02\n`,
      3,
      /after "\\" \(line continuation\)/,
    ],
  ];

  const expectNamed = (message: string, line: number, expected: RegExp): void => {
    expect(message).toMatch(expected);
    expect(message).toContain(`line ${line}:`);
    expect(message).toContain('machine\\registry.reg');
  };

  it.each([...structural, ...valueLevel])(
    '%s: refused when it must be read',
    (_what, input, line, expected) => {
      const e = parseError(utf8(input), 'machine\\registry.reg', { mustRead: () => true });
      expectNamed(e.message, line, expected);
      expect(e.line).toBe(line);
      expect(e.file).toBe('machine\\registry.reg');
      expect(e.kind).toBe('unreadable-input');
    },
  );

  it.each(structural)('%s: refused whatever the value', (_what, input, line, expected) => {
    const e = parseError(utf8(input), 'machine\\registry.reg', { mustRead: () => false });
    expectNamed(e.message, line, expected);
    expect(e.line).toBe(line);
  });

  it.each(valueLevel)(
    '%s: otherwise skipped with a warning naming the file and line',
    (_what, input, line, expected) => {
      // A value after it (except where the damage is that the file ends) must still be read.
      const after = /file ends/.test(expected.source) ? '' : '"after"=dword:00000001\n';
      const file = parseRegFile(utf8(input + after), 'machine\\registry.reg', { mustRead: () => false });
      expect(file.warnings).toHaveLength(1);
      const warning = file.warnings![0]!;
      expect(warning).toMatchObject({ kind: 'damaged-value', line, key: 'HKEY_CURRENT_USER\\A' });
      expectNamed(warning.message, line, expected);
      expect(warning.message).toMatch(/skipped the value/);
      const names = file.keys[0]!.values.map((v) => v.name);
      if (after) expect(names).toContain('after');
      expect(names).not.toContain('b');
    },
  );

  it('counts lines the same in UTF-16 files with CRLF', () => {
    const e = parseError(
      utf16(crlf(V5, '', '[HKEY_CURRENT_USER\\A]', '"ok"=dword:00000001', '"bad"=hex:0q', '')),
      'machine\\registry.reg',
      { mustRead: () => true },
    );
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/line 5: expected a hex byte/);
  });

  it('explains UTF-16 without a byte order mark, big-endian UTF-16, truncated UTF-16 and bad UTF-8', () => {
    expect(parseError(utf16(`${V5}\r\n`).subarray(2)).message).toMatch(
      /UTF-16 text without its byte order mark/,
    );
    expect(parseError(bytes(0xfe, 0xff, 0, 0x52)).message).toMatch(/big-endian/);
    expect(parseError(utf16(`${V5}\r\n\r\n[`).subarray(0, 81)).message).toMatch(
      /odd number of bytes.*truncated/,
    );
    expect(parseError(bytes(0xef, 0xbb, 0xbf, ...utf8(`${V5}\n`), 0xff)).message).toMatch(/not valid UTF-8/);
  });
});

describe('writing', () => {
  it('writes every value type the way regedit does', () => {
    const tree = new RegTree();
    const k = 'HKEY_CURRENT_USER\\W';
    tree.setValue(k, '', { type: 'REG_SZ', data: 'default' });
    tree.setValue(k, 'sz', { type: 'REG_SZ', data: 'a "b" \\c' });
    tree.setValue(k, 'dw', { type: 'REG_DWORD', data: 0xdeadbeef });
    tree.setValue(k, 'qw', { type: 'REG_QWORD', data: 1n });
    tree.setValue(k, 'ex', { type: 'REG_EXPAND_SZ', data: '%A%' });
    tree.setValue(k, 'ms', { type: 'REG_MULTI_SZ', data: ['x', 'y'] });
    tree.setValue(k, 'bin', { type: 'REG_BINARY', data: bytes() });
    tree.setValue(k, 'none', { type: 'REG_NONE', data: bytes(0xff) });
    tree.setValue(k, 'raw', { type: 'REG_RAW', kind: 0x1a, data: bytes(1, 2) });
    const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(writeRegFile(regFileFromTree(tree)));
    expect(text).toBe(
      crlf(
        `\ufeff${V5}`,
        '',
        `[HKEY_CURRENT_USER]`,
        '',
        `[${k}]`,
        '@="default"',
        '"sz"="a \\"b\\" \\\\c"',
        '"dw"=dword:deadbeef',
        '"qw"=hex(b):01,00,00,00,00,00,00,00',
        '"ex"=hex(2):25,00,41,00,25,00,00,00',
        '"ms"=hex(7):78,00,00,00,79,00,00,00,00,00',
        '"bin"=hex:',
        '"none"=hex(0):ff',
        '"raw"=hex(1a):01,02',
        '',
        '',
      ),
    );
  });

  it('refuses values it cannot represent instead of writing a file regedit would misread', () => {
    const bad = (name: string, value: RegValue): (() => Uint8Array) => {
      const tree = new RegTree();
      tree.setValue('HKEY_CURRENT_USER\\W', name, value);
      return () => writeRegFile(regFileFromTree(tree));
    };
    expect(bad('line\nbreak', { type: 'REG_SZ', data: '' })).toThrow(/NUL, a line break/);
    expect(bad('d', { type: 'REG_DWORD', data: 2 ** 32 })).toThrow(/REG_DWORD 4294967296/);
    expect(bad('d', { type: 'REG_DWORD', data: 1.5 })).toThrow(/not an integer/);
    expect(bad('q', { type: 'REG_QWORD', data: -1n })).toThrow(/out of range/);
    expect(bad('m', { type: 'REG_MULTI_SZ', data: ['a\0b'] })).toThrow(/contains a NUL/);
  });

  it('refuses a [-key] that has values or names a hive', () => {
    const file = (path: string, values: RegFile['keys'][number]['values']): RegFile => ({
      format: REGEDIT5_FORMAT,
      keys: [{ path, deleteKey: true, line: 0, values }],
    });
    expect(() => writeRegFile(file('HKEY_CURRENT_USER', []))).toThrow(/whole hive/);
    expect(() => writeRegFile(file('HKEY_CURRENT_USER\\A', [{ name: 'x', value: null, line: 0 }]))).toThrow(
      /no values/,
    );
  });

  it('keeps lone surrogates in UTF-16 files (key names included), and writes them as hex(1) elsewhere', () => {
    const tree = new RegTree();
    tree.setValue('HKEY_CURRENT_USER\\odd\ud800name', 'v', { type: 'REG_SZ', data: 'x\udc00' });
    const file = parseRegFile(writeRegFile(regFileFromTree(tree)));
    expect(file.keys[1]!.path).toBe('HKEY_CURRENT_USER\\odd\ud800name');
    expect(file.keys[1]!.values[0]!.value).toEqual({ type: 'REG_SZ', data: 'x\udc00' });
    const values = new RegTree();
    values.setValue('HKEY_CURRENT_USER\\A', 'v', { type: 'REG_SZ', data: 'x\udc00' });
    const utf8Format: RegFileFormat = { ...REGEDIT5_FORMAT, encoding: 'utf8', bom: false };
    const text = new TextDecoder().decode(writeRegFile(regFileFromTree(values, utf8Format)));
    expect(text).toContain('"v"=hex(1):78,00,00,dc,00,00');
    expect(() => writeRegFile(regFileFromTree(tree, utf8Format))).toThrow(/unpaired surrogate/);
  });
});

describe('applyRegFileToTree', () => {
  it('matches keys and values case-insensitively, keeping the case first seen', () => {
    const tree = new RegTree();
    tree.setValue('HKEY_CURRENT_USER\\Software\\Outlook', 'DefaultProfile', { type: 'REG_SZ', data: 'old' });
    const file = parseRegFile(
      utf8(lf(V5, '[hkcu\\SOFTWARE\\outlook]', '"defaultprofile"="new"', '"Added"=dword:00000001', '')),
    );
    applyRegFileToTree(file, tree);
    const key = tree.getKey('HKEY_CURRENT_USER\\Software\\Outlook')!;
    expect(key.name).toBe('Outlook');
    expect(key.valueNames()).toEqual(['DefaultProfile', 'Added']);
    expect(key.value('DEFAULTPROFILE')).toEqual({ type: 'REG_SZ', data: 'new' });
    expect(tree.getKey('HKEY_CURRENT_USER')!.subkeyNames()).toEqual(['Software']);
  });

  it('deletes values and whole subtrees, and a later [key] recreates one', () => {
    const tree = new RegTree();
    tree.setValue('HKEY_CURRENT_USER\\A\\B\\C', 'deep', { type: 'REG_DWORD', data: 1 });
    tree.setValue('HKEY_CURRENT_USER\\A', 'keep', { type: 'REG_DWORD', data: 2 });
    tree.setValue('HKEY_CURRENT_USER\\A', 'drop', { type: 'REG_DWORD', data: 3 });
    applyRegFileToTree(
      parseRegFile(
        utf8(lf(V5, '[-HKEY_CURRENT_USER\\a\\b]', '[HKEY_CURRENT_USER\\A]', '"DROP"=-', '"missing"=-', '')),
      ),
      tree,
    );
    expect(tree.hasKey('HKEY_CURRENT_USER\\A\\B')).toBe(false);
    expect(tree.getKey('HKEY_CURRENT_USER\\A')!.valueNames()).toEqual(['keep']);
    applyRegFileToTree(
      parseRegFile(utf8(lf(V5, '[-HKEY_CURRENT_USER\\A]', '[HKEY_CURRENT_USER\\A\\New]', ''))),
      tree,
    );
    expect(tree.getKey('HKEY_CURRENT_USER\\A')!.valueNames()).toEqual([]);
    expect(tree.getKey('HKEY_CURRENT_USER\\A')!.subkeyNames()).toEqual(['New']);
  });

  it('creates empty keys that only appear as [key] lines', () => {
    const tree = new RegTree();
    applyRegFileToTree(parseRegFile(utf8(lf(V5, '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Empty]', ''))), tree);
    expect(tree.hasKey('HKLM\\software\\empty')).toBe(true);
  });
});

describe('regFileFromTree', () => {
  const tree = new RegTree();
  tree.setValue('HKEY_CURRENT_USER\\Software\\A', 'a', { type: 'REG_DWORD', data: 1 });
  tree.setValue('HKEY_CURRENT_USER\\Software\\A\\Sub', 's', { type: 'REG_DWORD', data: 2 });
  tree.setValue('HKEY_CURRENT_USER\\Software\\B', 'b', { type: 'REG_DWORD', data: 3 });
  tree.setValue('HKEY_LOCAL_MACHINE\\SYSTEM', 'm', { type: 'REG_DWORD', data: 4 });

  it('lists every key parents first in insertion order, in the reg export format by default', () => {
    const file = regFileFromTree(tree);
    expect(file.format).toBe(REGEDIT5_FORMAT);
    expect(file.keys.map((k) => k.path)).toEqual([
      'HKEY_CURRENT_USER',
      'HKEY_CURRENT_USER\\Software',
      'HKEY_CURRENT_USER\\Software\\A',
      'HKEY_CURRENT_USER\\Software\\A\\Sub',
      'HKEY_CURRENT_USER\\Software\\B',
      'HKEY_LOCAL_MACHINE',
      'HKEY_LOCAL_MACHINE\\SYSTEM',
    ]);
    expect(file.keys.every((k) => !k.deleteKey && k.line === 0)).toBe(true);
  });

  it('limits to roots (found case-insensitively, stored case kept), skips missing ones and repeats', () => {
    const format: RegFileFormat = { header: 'REGEDIT4', encoding: 'ansi', bom: false, eol: '\n' };
    const file = regFileFromTree(tree, format, [
      'hkcu\\software\\a',
      'HKCU\\Nowhere',
      'HKEY_CURRENT_USER\\Software\\A\\SUB',
      'HKLM\\system',
    ]);
    expect(file.format).toBe(format);
    expect(file.keys.map((k) => [k.path, k.values.map((v) => v.name)])).toEqual([
      ['HKEY_CURRENT_USER\\Software\\A', ['a']],
      ['HKEY_CURRENT_USER\\Software\\A\\Sub', ['s']],
      ['HKEY_LOCAL_MACHINE\\SYSTEM', ['m']],
    ]);
  });

  it('round-trips a tree through every format', () => {
    for (const format of [
      REGEDIT5_FORMAT,
      { header: 'REGEDIT4', encoding: 'ansi', bom: false, eol: '\r\n' },
      { header: V5, encoding: 'utf8', bom: true, eol: '\n' },
    ] as const) {
      const written = writeRegFile(regFileFromTree(tree, format));
      const again = parseRegFile(written);
      expect(again.format).toEqual(format);
      const copy = new RegTree();
      applyRegFileToTree(again, copy);
      expect(Buffer.from(writeRegFile(regFileFromTree(copy, format))).equals(Buffer.from(written))).toBe(
        true,
      );
    }
  });
});
