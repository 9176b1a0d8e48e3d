import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPropertyCounter, propertyParams } from '../../test-support/property-runs';
import { bytesToHex, hexToBytes, type RegValue } from '../registry/reg-value';
import { decodeAnsi } from '../registry/text-encoding';
import {
  PT,
  decodeMapiValue,
  encodeMapiValue,
  parsePropValueName,
  propName,
  propValueName,
  stringValueNames,
  type DecodedProp,
  type MapiValue,
  type PropName,
} from './mapi-property';
import {
  PR_PROFILE_AUTH_PACKAGE,
  PR_PROFILE_CONFIG_FLAGS,
  PR_PROFILE_HOME_SERVER,
  PR_PROFILE_HOME_SERVER_ADDRS,
  PR_ROH_FLAGS,
  PR_ROH_PROXY_AUTH_SCHEME,
  PR_ROH_PROXY_PRINCIPAL_NAME,
  PR_ROH_PROXY_SERVER,
  ROHAUTH,
  ROHFLAGS,
} from './mapi-tags';

const prop = createPropertyCounter();
prop.report('mapi-property');

/** Bytes from `6d 00 61`, `6d,00,61` or `6d0061`. */
const bytes = (s: string): Uint8Array => hexToBytes(s.replace(/[\s,]/g, ''));
const bin = (s: string): RegValue & { type: 'REG_BINARY' } => ({ type: 'REG_BINARY', data: bytes(s) });
const named = (name: string): PropName => parsePropValueName(name)!;

function decoded(name: string, reg: RegValue): MapiValue {
  const d = decodeMapiValue(named(name), reg);
  if (!d.ok) throw new Error(`expected ok, got: ${d.reason}`);
  return d.value;
}

function reason(name: string | PropName, reg: RegValue): string {
  const d = decodeMapiValue(typeof name === 'string' ? named(name) : name, reg);
  if (d.ok) throw new Error(`expected a failure, got ${JSON.stringify(d.value, (_k, v) => String(v))}`);
  return d.reason;
}

function hexOf(reg: RegValue): string {
  if (reg.type !== 'REG_BINARY') throw new Error(`expected REG_BINARY, got ${reg.type}`);
  return bytesToHex(reg.data);
}

// Reference §9.2 (T1–T3) and §9.3 (T14, T15), bytes verbatim.
const T1 =
  '6d 00 61 00 69 00 6c 00 65 00 72 00 2e 00 65 00 78 00 61 00 6d 00 70 00 6c 00 65 00 2e 00 63 00 6f 00 6d 00 2d 00 34 00 34 00 33 00 30 00 30 00 00 00';
const T1B = T1.replace('6d 00 2d 00 34', '6d 00 3a 00 34');
const T2 =
  '6d 00 73 00 73 00 74 00 64 00 3a 00 6d 00 61 00 69 00 6c 00 2e 00 65 00 78 00 61 00 6d 00 70 00 6c 00 65 00 2e 00 63 00 6f 00 6d 00 00 00';
const T3 =
  '6d 00 61 00 69 00 6c 00 2e 00 65 00 78 00 61 00 6d 00 70 00 6c 00 65 00 2e 00 63 00 6f 00 6d 00 00 00';
// As printed in the .reg: the last byte is a truncated `0`; a reader that drops it sees 33 bytes.
const T14_TRUNCATED =
  '6f,00,75,00,74,00,6c,00,6f,00,6f,00,6b,00,2e,00,63,00,63,00,73,00,2e,00,63,00,6f,00,72,00,70,00,00';
const T15_STRINGS = [
  'ncalrpc:SAMEERP1',
  'ncacn_ip_tcp:sameerp1.microsoft.com',
  'ncacn_spx:SAMEERP1',
  'ncacn_np:SAMEERP1',
  'netbios:SAMEERP1',
  'ncacn_vns_spp:SAMEERP1',
];
const T15 =
  '06 00 00 00 1c 00 00 00 2d 00 00 00 51 00 00 00 64 00 00 00 76 00 00 00 87 00 00 00' +
  T15_STRINGS.map((s) => bytesToHex(new TextEncoder().encode(s)) + '00').join('');

describe('value names (reference §2.2, §9.1)', () => {
  it.each([
    ['00036627', 0x66270003, 0x0003, 0x6627],
    ['00036623', 0x66230003, 0x0003, 0x6623],
    ['001f6622', 0x6622001f, 0x001f, 0x6622],
    ['001f6625', 0x6625001f, 0x001f, 0x6625],
    ['001F6622', 0x6622001f, 0x001f, 0x6622],
    ['101e6613', 0x6613101e, 0x101e, 0x6613],
    ['01023d15', 0x3d150102, 0x0102, 0x3d15],
  ])('parses %s', (name, tag, type, id) => {
    expect(parsePropValueName(name)).toEqual({ tag, type, id, secure: false });
  });

  it('parses the secure name S001e67f1 (tag 0x67F1001E)', () => {
    expect(parsePropValueName('S001e67f1')).toEqual({
      tag: 0x67f1001e,
      type: 0x001e,
      id: 0x67f1,
      secure: true,
    });
    expect(parsePropValueName('s001E67F1')).toEqual({
      tag: 0x67f1001e,
      type: 0x001e,
      id: 0x67f1,
      secure: true,
    });
  });

  it.each([
    'Service UID',
    'Account Name',
    '0003662',
    '0003662700',
    'X00036627',
    'SS0036627',
    '0003662g',
    '',
    ' 00036627',
    '0x036627',
  ])('rejects %j', (name) => {
    expect(parsePropValueName(name)).toBeNull();
  });

  it.each([
    [PR_ROH_FLAGS, '00036623'],
    [PR_ROH_PROXY_SERVER, '001f6622'],
    [PR_ROH_PROXY_PRINCIPAL_NAME, '001f6625'],
    [PR_ROH_PROXY_AUTH_SCHEME, '00036627'],
    [PR_PROFILE_HOME_SERVER, '001e6602'],
    [PR_PROFILE_HOME_SERVER_ADDRS, '101e6613'],
  ])('names tag 0x%s as %s', (tag, name) => {
    expect(propValueName(tag)).toBe(name);
    expect(parsePropValueName(name)!.tag).toBe(tag);
  });

  it('names secure props with an S prefix', () => {
    expect(propValueName(0x67f1001e, true)).toBe('S001e67f1');
    expect(propName(0x67f1001e, true)).toEqual(parsePropValueName('S001e67f1'));
  });

  it('round-trips every tag', () => {
    prop.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.boolean(), (tag, secure) => {
        expect(parsePropValueName(propValueName(tag, secure))).toEqual(propName(tag, secure));
      }),
      propertyParams(7),
    );
  });

  it('refuses a non-tag', () => {
    expect(() => propValueName(-1)).toThrow(RangeError);
    expect(() => propValueName(2 ** 32)).toThrow(RangeError);
    expect(() => propValueName(1.5)).toThrow(RangeError);
  });
});

describe('RPC-over-HTTP test vectors (reference §9.2)', () => {
  it.each([
    ['T1', T1, 50, 'mailer.example.com-44300'],
    ['T1b', T1B, 50, 'mailer.example.com:44300'],
    ['T2', T2, 46, 'msstd:mail.example.com'],
    ['T3', T3, 34, 'mail.example.com'],
  ])('%s decodes and re-encodes byte for byte', (_t, hex, length, text) => {
    const reg = bin(hex);
    expect(reg.data).toHaveLength(length);
    expect(decoded('001f6622', reg)).toEqual({ kind: 'unicode', value: text });
    expect(hexOf(encodeMapiValue({ kind: 'unicode', value: text }))).toBe(bytesToHex(reg.data));
    expect(hexOf(encodeMapiValue({ kind: 'unicode', value: text }, reg))).toBe(bytesToHex(reg.data));
  });

  it.each([
    ['T4', '00036627', '01 00 00 00', ROHAUTH.BASIC],
    ['T5', '00036627', '02 00 00 00', ROHAUTH.NTLM],
    ['T6', '00036627', '10 00 00 00', ROHAUTH.NEGOTIATE],
    ['T7', '00036623', '23 00 00 00', 0x23],
    ['T8', '00036623', '2f 00 00 00', 0x2f],
    ['T9', '00036623', '29 00 00 00', 0x29],
    ['T10', '00036623', '00 00 00 00', 0],
    ['T11', '00036619', '0a 00 00 00', 10],
  ])('%s: %s = %s', (_t, name, hex, value) => {
    expect(decoded(name, bin(hex))).toEqual({ kind: 'long', value });
    expect(hexOf(encodeMapiValue({ kind: 'long', value }))).toBe(bytesToHex(bytes(hex)));
  });

  it('T11 is PR_PROFILE_AUTH_PACKAGE', () => {
    expect(propValueName(PR_PROFILE_AUTH_PACKAGE)).toBe('00036619');
  });

  it('T7 is USE_ROH | SSL_ONLY | HTTP_FIRST_ON_SLOW', () => {
    expect(ROHFLAGS.USE_ROH | ROHFLAGS.SSL_ONLY | ROHFLAGS.HTTP_FIRST_ON_SLOW).toBe(0x23);
  });

  it.each([
    ['01 00 00 00', 0x01, [ROHFLAGS.USE_ROH]],
    ['03 00 00 00', 0x03, [ROHFLAGS.USE_ROH, ROHFLAGS.SSL_ONLY]],
    [
      '2b 00 00 00',
      0x2b,
      [ROHFLAGS.USE_ROH, ROHFLAGS.SSL_ONLY, ROHFLAGS.HTTP_FIRST_ON_FAST, ROHFLAGS.HTTP_FIRST_ON_SLOW],
    ],
    [
      '37 00 00 00',
      0x37,
      [
        ROHFLAGS.USE_ROH,
        ROHFLAGS.SSL_ONLY,
        ROHFLAGS.MUTUAL_AUTH,
        ROHFLAGS.IGNORE_SEC_WARNING,
        ROHFLAGS.HTTP_FIRST_ON_SLOW,
      ],
    ],
  ])('PR_ROH_FLAGS %s → 0x%s', (hex, value, bits) => {
    expect(decoded('00036623', bin(hex))).toEqual({ kind: 'long', value });
    expect(bits.reduce((a, b) => a | b, 0)).toBe(value);
  });
});

describe('other profile test vectors (reference §9.3)', () => {
  it('T12/T13: PT_STRING8 as REG_SZ, kept as REG_SZ', () => {
    const reg: RegValue = { type: 'REG_SZ', data: 'outlook.company.corp' };
    expect(decoded('001e6602', reg)).toEqual({ kind: 'string8', value: 'outlook.company.corp' });
    expect(decoded('001e660c', reg)).toEqual({ kind: 'string8', value: 'outlook.company.corp' });
    expect(encodeMapiValue({ kind: 'string8', value: 'outlook.company.corp' }, reg)).toEqual(reg);
    expect(encodeMapiValue({ kind: 'string8', value: 'outlook.company.corp' })).toEqual(reg);
  });

  it('T14: the truncated 001f662a is unreadable (odd byte count)', () => {
    const reg = bin(T14_TRUNCATED);
    expect(reg.data).toHaveLength(33);
    expect(reason('001f662a', reg)).toBe('PT_UNICODE has an odd byte count (33)');
    // Had the trailing `0` been read as a whole byte, the value would be complete.
    expect(decoded('001f662a', bin(T14_TRUNCATED + ',00'))).toEqual({
      kind: 'unicode',
      value: 'outlook.ccs.corp',
    });
  });

  it('T15: the 158-byte KB Q183015 MV_STRING8 decodes to six strings and re-encodes byte for byte', () => {
    const reg = bin(T15);
    expect(reg.data).toHaveLength(158);
    expect(decoded('101e6613', reg)).toEqual({ kind: 'mv-string8', value: T15_STRINGS });
    expect(hexOf(encodeMapiValue({ kind: 'mv-string8', value: T15_STRINGS }))).toBe(bytesToHex(reg.data));
    expect(propValueName(PR_PROFILE_HOME_SERVER_ADDRS)).toBe('101e6613');
  });

  it.each([
    ['T16 cached off', '04 00 00 00', 4],
    ['T16 cached on', '84 11 00 00', 4484],
    ['T17 2016 on', '84 19 00 00', 0x1984],
    ['T17 2016 off', '04 10 00 00', 0x1004],
    ['T17 2010 on', '80 19 00 00', 0x1980],
    ['T17 2010 off', '00 10 00 00', 0x1000],
  ])('%s: PR_PROFILE_CONFIG_FLAGS %s = %s', (_t, hex, value) => {
    const name = propValueName(PR_PROFILE_CONFIG_FLAGS);
    expect(name).toBe('00036601');
    expect(decoded(name, bin(hex))).toEqual({ kind: 'long', value });
    expect(hexOf(encodeMapiValue({ kind: 'long', value }))).toBe(bytesToHex(bytes(hex)));
  });

  it.each([
    ['00036600', '01050000', 0x501],
    ['00036601', '04000000', 4],
    ['00036605', '03000000', 3],
    ['00036604', '02000000', 2],
  ])('T18: mapisvc %s "%s" = %s', (name, hex, value) => {
    expect(decoded(name, bin(hex))).toEqual({ kind: 'long', value });
  });

  it('T19: 01023d15 is a 16-byte PT_BINARY', () => {
    const hex = 'a3 45 f1 e1 fd 57 fc 40 a9 8c 62 65 ae f8 eb bd';
    expect(decoded('01023d15', bin(hex))).toEqual({ kind: 'binary', value: bytes(hex) });
    expect(hexOf(encodeMapiValue({ kind: 'binary', value: bytes(hex) }))).toBe(
      'a345f1e1fd57fc40a98c6265aef8ebbd',
    );
  });

  it('T20: 000b6622 = 01 00 is TRUE', () => {
    expect(decoded('000b6622', bin('01 00'))).toEqual({ kind: 'boolean', value: true });
    expect(decoded('000b6622', bin('00 00'))).toEqual({ kind: 'boolean', value: false });
    expect(decoded('000b6622', bin('00 01'))).toEqual({ kind: 'boolean', value: true });
    expect(hexOf(encodeMapiValue({ kind: 'boolean', value: true }))).toBe('0100');
    expect(hexOf(encodeMapiValue({ kind: 'boolean', value: false }))).toBe('0000');
  });

  it('S001e67f1: a secure prop keeps its DPAPI blob undecoded', () => {
    const blob = bytes('01 00 00 00 d0 8c 9d df 01 15 d1 11 8c 7a 00 c0 4f c2 97 eb');
    expect(decoded('S001e67f1', { type: 'REG_BINARY', data: blob })).toEqual({ kind: 'secure', value: blob });
    expect(encodeMapiValue({ kind: 'secure', value: blob })).toEqual({ type: 'REG_BINARY', data: blob });
    expect(reason('S001e67f1', { type: 'REG_SZ', data: 'x' })).toBe(
      'registry type REG_SZ is not valid for a secure property',
    );
  });
});

describe('decoding details', () => {
  it('PT_LONG as REG_DWORD, unsigned', () => {
    expect(decoded('00036627', { type: 'REG_DWORD', data: 2 })).toEqual({ kind: 'long', value: 2 });
    expect(decoded('00036627', { type: 'REG_DWORD', data: -1 })).toEqual({ kind: 'long', value: 0xffffffff });
    expect(decoded('00036627', bin('ff ff ff ff'))).toEqual({ kind: 'long', value: 0xffffffff });
  });

  it('PT_UNICODE as REG_SZ is accepted as the string', () => {
    expect(decoded('001f6622', { type: 'REG_SZ', data: 'mail.example.com' })).toEqual({
      kind: 'unicode',
      value: 'mail.example.com',
    });
  });

  it('PT_UNICODE with NUL padding after the text reads up to the first NUL', () => {
    expect(decoded('001f6622', bin('61 00 62 00 00 00 00 00 00 00'))).toEqual({
      kind: 'unicode',
      value: 'ab',
    });
    expect(decoded('001f6622', bin('00 00'))).toEqual({ kind: 'unicode', value: '' });
  });

  it('PT_UNICODE keeps characters outside the BMP and lone surrogates', () => {
    expect(decoded('001f6622', bin('3d d8 00 de 00 00'))).toEqual({ kind: 'unicode', value: '\u{1f600}' });
    expect(decoded('001f6622', bin('00 d8 00 00'))).toEqual({ kind: 'unicode', value: '\ud800' });
  });

  it('PT_STRING8 in REG_BINARY: terminator optional, Windows-1252 bytes', () => {
    expect(decoded('001e6602', bin('6d 61 69 6c'))).toEqual({ kind: 'string8', value: 'mail' });
    expect(decoded('001e6602', bin('6d 61 69 6c 00'))).toEqual({ kind: 'string8', value: 'mail' });
    expect(decoded('001e6602', bin('6d 61 00 00 00'))).toEqual({ kind: 'string8', value: 'ma' });
    expect(decoded('001e6602', bin('e9 80 00'))).toEqual({ kind: 'string8', value: 'é€' });
    expect(decoded('001e6602', bin(''))).toEqual({ kind: 'string8', value: '' });
  });

  it('PT_I2, PT_I8, PT_SYSTIME, PT_CLSID', () => {
    expect(decoded('00026601', bin('fe ff'))).toEqual({ kind: 'i2', value: -2 });
    expect(decoded('00146601', bin('fe ff ff ff ff ff ff ff'))).toEqual({ kind: 'i8', value: -2n });
    expect(decoded('00146601', { type: 'REG_QWORD', data: 5n })).toEqual({ kind: 'i8', value: 5n });
    // 2000-01-01T00:00:00Z as a FILETIME.
    expect(decoded('00406601', bin('00 40 6d 25 eb 53 bf 01'))).toEqual({
      kind: 'systime',
      value: 125911584000000000n,
    });
    const guid = bytes('13dbb0c8aa05101a9bb000aa002fc45a');
    expect(decoded('00486601', { type: 'REG_BINARY', data: guid })).toEqual({ kind: 'clsid', value: guid });
  });

  it('MV_UNICODE, MV_BINARY and MV_LONG layouts', () => {
    expect(decoded('101f6601', bin('02000000 0c000000 12000000 6100620000 00 6300 0000'))).toEqual({
      kind: 'mv-unicode',
      value: ['ab', 'c'],
    });
    expect(
      decoded('11026601', bin('02000000 02000000 14000000 01000000 18000000 aabb0000 cc000000')),
    ).toEqual({
      kind: 'mv-binary',
      value: [bytes('aabb'), bytes('cc')],
    });
    // MV_LONG is headerless: the count is the size / 4 (MFCMAPI registryProperty.cpp).
    expect(decoded('10036601', bin('01000000 ffffffff'))).toEqual({
      kind: 'mv-long',
      value: [1, 0xffffffff],
    });
    expect(decoded('10036601', bin(''))).toEqual({ kind: 'mv-long', value: [] });
    expect(decoded('101e6601', bin('00000000'))).toEqual({ kind: 'mv-string8', value: [] });
  });

  it('MV strings trust their offsets, not the layout', () => {
    // Offsets out of order and sharing one string.
    expect(decoded('101e6601', bin('03000000 14000000 10000000 14000000 61620000 63640000'))).toEqual({
      kind: 'mv-string8',
      value: ['cd', 'ab', 'cd'],
    });
  });

  it('types we do not model are raw bytes', () => {
    expect(decoded('00056601', bin('00 00 00 00 00 00 f0 3f'))).toEqual({
      kind: 'binary',
      value: bytes('000000000000f03f'),
    });
    expect(decoded('00006601', bin('01'))).toEqual({ kind: 'binary', value: bytes('01') });
    expect(reason('00056601', { type: 'REG_SZ', data: '1' })).toBe(
      'registry type REG_SZ is not valid for property type 0x0005',
    );
  });

  it('decoded bytes do not alias the registry data', () => {
    const reg = bin('01 02');
    const v = decoded('01026601', reg);
    reg.data[0] = 9;
    expect(v).toEqual({ kind: 'binary', value: bytes('01 02') });
  });
});

describe('corrupt values are unreadable, with a specific reason', () => {
  it.each<[string, RegValue, string]>([
    ['00036627', bin('02 00 00'), 'PT_LONG needs 4 bytes, found 3'],
    ['00036627', bin('02 00 00 00 00'), 'PT_LONG needs 4 bytes, found 5'],
    ['00036627', bin(''), 'PT_LONG needs 4 bytes, found 0'],
    [
      '00036627',
      { type: 'REG_MULTI_SZ', data: ['2'] },
      'registry type REG_MULTI_SZ is not valid for PT_LONG',
    ],
    ['00036627', { type: 'REG_SZ', data: '2' }, 'registry type REG_SZ is not valid for PT_LONG'],
    [
      '00036627',
      { type: 'REG_RAW', kind: 5, data: bytes('00000002') },
      'registry type hex(5) is not valid for PT_LONG',
    ],
    ['00036627', { type: 'REG_DWORD', data: 1.5 }, 'REG_DWORD data 1.5 is not 32-bit'],
    ['000b6622', bin('01'), 'PT_BOOLEAN needs 2 bytes, found 1'],
    ['000b6622', bin('01 00 00 00'), 'PT_BOOLEAN needs 2 bytes, found 4'],
    ['00026622', bin('01'), 'PT_I2 needs 2 bytes, found 1'],
    ['00146622', bin('01 00 00 00'), 'PT_I8 needs 8 bytes, found 4'],
    ['00406622', bin('01'), 'PT_SYSTIME needs 8 bytes, found 1'],
    ['00486622', bin('01 02'), 'PT_CLSID needs 16 bytes, found 2'],
    ['01026622', { type: 'REG_SZ', data: 'x' }, 'registry type REG_SZ is not valid for PT_BINARY'],
    ['001f6622', bin('6d 00 61'), 'PT_UNICODE has an odd byte count (3)'],
    ['001f6622', bin('6d 00 61 00'), 'PT_UNICODE is missing its NUL terminator'],
    ['001f6622', bin(''), 'PT_UNICODE is missing its NUL terminator'],
    ['001f6622', bin('61 00 00 00 62 00 00 00'), 'PT_UNICODE has data after its NUL terminator'],
    ['001f6622', { type: 'REG_DWORD', data: 1 }, 'registry type REG_DWORD is not valid for PT_UNICODE'],
    ['001e6602', bin('61 00 62'), 'PT_STRING8 has data after its NUL terminator'],
    [
      '001e6602',
      { type: 'REG_EXPAND_SZ', data: 'x' },
      'registry type REG_EXPAND_SZ is not valid for PT_STRING8',
    ],
    ['101e6613', bin('06 00 00'), 'MV_STRING8 needs at least 4 bytes, found 3'],
    ['101e6613', bin('ff ff ff ff 08 00 00 00'), 'MV_STRING8 count 4294967295 does not fit in 8 bytes'],
    ['101e6613', bin('02 00 00 00 0c 00 00 00'), 'MV_STRING8 count 2 does not fit in 8 bytes'],
    [
      '101e6613',
      bin('01 00 00 00 04 00 00 00 61 00'),
      'MV_STRING8 offset 4 points into its header (8 bytes)',
    ],
    ['101e6613', bin('01 00 00 00 08 00 00 00 61 62'), 'MV_STRING8 string 0 has no NUL terminator'],
    [
      '101e6613',
      { type: 'REG_MULTI_SZ', data: ['a'] },
      'registry type REG_MULTI_SZ is not valid for MV_STRING8',
    ],
    ['101f6601', bin('01 00 00 00 08 00 00 00 61 00 62 00'), 'MV_UNICODE string 0 has no NUL terminator'],
    ['101f6601', bin('01 00 00 00 08 00 00 00 61 00 00'), 'MV_UNICODE string 0 has no NUL terminator'],
    ['101f6601', bin('ff ff ff 7f'), 'MV_UNICODE count 2147483647 does not fit in 4 bytes'],
    ['11026601', bin('ff ff ff ff'), 'MV_BINARY count 4294967295 does not fit in 4 bytes'],
    [
      '11026601',
      bin('01 00 00 00 04 00 00 00 0c 00 00 00 aa bb'),
      'MV_BINARY item 0 (offset 12, 4 bytes) runs past the end (14 bytes)',
    ],
    [
      '11026601',
      bin('01 00 00 00 ff ff ff ff 0c 00 00 00 aa bb'),
      'MV_BINARY item 0 (offset 12, 4294967295 bytes) runs past the end (14 bytes)',
    ],
    [
      '11026601',
      bin('01 00 00 00 02 00 00 00 00 00 00 00'),
      'MV_BINARY offset 0 points into its header (12 bytes)',
    ],
    ['10036601', bin('01 00 00 00 02 00 00'), 'MV_LONG has 7 bytes, not a multiple of 4'],
  ])('%s %o', (name, reg, why) => {
    expect(reason(name, reg)).toBe(why);
  });

  it('T15 with its first offset changed to 200', () => {
    const data = bytes(T15);
    data[4] = 200;
    expect(reason('101e6613', { type: 'REG_BINARY', data })).toBe(
      'MV_STRING8 offset 200 is past the end (158 bytes)',
    );
  });

  it('a malformed RegValue object still gives a reason instead of throwing', () => {
    const broken = { type: 'REG_BINARY', data: null } as unknown as RegValue;
    expect(reason('00036627', broken)).toMatch(/^unreadable: /);
  });
});

describe('encoding keeps the existing registry type', () => {
  it('PT_LONG stored as REG_DWORD stays REG_DWORD', () => {
    const existing: RegValue = { type: 'REG_DWORD', data: 1 };
    expect(encodeMapiValue({ kind: 'long', value: 2 }, existing)).toEqual({ type: 'REG_DWORD', data: 2 });
    expect(encodeMapiValue({ kind: 'long', value: 0xffffffff }, existing)).toEqual({
      type: 'REG_DWORD',
      data: 0xffffffff,
    });
  });

  it('PT_LONG in REG_BINARY (or with no existing value) is 4 LE bytes', () => {
    expect(encodeMapiValue({ kind: 'long', value: 2 }, bin('01 00 00 00'))).toEqual(bin('02 00 00 00'));
    expect(encodeMapiValue({ kind: 'long', value: 2 })).toEqual(bin('02 00 00 00'));
    expect(encodeMapiValue({ kind: 'long', value: -1 })).toEqual(bin('ff ff ff ff'));
    // An existing value of a type PT_LONG cannot use falls back to the canonical type.
    expect(encodeMapiValue({ kind: 'long', value: 2 }, { type: 'REG_SZ', data: '1' })).toEqual(
      bin('02 00 00 00'),
    );
  });

  it('PT_STRING8 stays REG_BINARY, keeping the terminator habit; otherwise REG_SZ', () => {
    expect(encodeMapiValue({ kind: 'string8', value: 'ab' }, bin('78 00'))).toEqual(bin('61 62 00'));
    expect(encodeMapiValue({ kind: 'string8', value: 'ab' }, bin('78'))).toEqual(bin('61 62'));
    expect(encodeMapiValue({ kind: 'string8', value: 'é€' }, bin(''))).toEqual(bin('e9 80 00'));
    expect(encodeMapiValue({ kind: 'string8', value: 'ab' }, { type: 'REG_DWORD', data: 1 })).toEqual({
      type: 'REG_SZ',
      data: 'ab',
    });
  });

  it('PT_UNICODE stays REG_SZ when it was; otherwise REG_BINARY with the terminator', () => {
    expect(encodeMapiValue({ kind: 'unicode', value: 'ab' }, { type: 'REG_SZ', data: 'x' })).toEqual({
      type: 'REG_SZ',
      data: 'ab',
    });
    expect(encodeMapiValue({ kind: 'unicode', value: 'ab' })).toEqual(bin('61 00 62 00 00 00'));
    expect(encodeMapiValue({ kind: 'unicode', value: '' })).toEqual(bin('00 00'));
  });

  it('PT_I8 and PT_SYSTIME stay REG_QWORD when they were', () => {
    const q: RegValue = { type: 'REG_QWORD', data: 1n };
    expect(encodeMapiValue({ kind: 'i8', value: -2n }, q)).toEqual({ type: 'REG_QWORD', data: -2n });
    expect(encodeMapiValue({ kind: 'systime', value: 2n ** 64n - 1n }, q)).toEqual({
      type: 'REG_QWORD',
      data: 2n ** 64n - 1n,
    });
    expect(encodeMapiValue({ kind: 'i8', value: -2n })).toEqual(bin('fe ff ff ff ff ff ff ff'));
  });
});

describe('MV encoding layout', () => {
  it('MV_UNICODE: strings right after the offset table', () => {
    expect(hexOf(encodeMapiValue({ kind: 'mv-unicode', value: ['ab', 'c'] }))).toBe(
      '02000000' + '0c000000' + '12000000' + '610062000000' + '63000000',
    );
  });

  it('MV_BINARY: data after the (cb, offset) table, each item padded to 4 bytes', () => {
    const value = [bytes('aabbcc'), bytes(''), bytes('0102030405')];
    expect(hexOf(encodeMapiValue({ kind: 'mv-binary', value }))).toBe(
      '03000000' +
        ['03000000', '1c000000', '00000000', '20000000', '05000000', '20000000'].join('') +
        'aabbcc00' +
        '0102030405000000',
    );
  });

  it('MV_LONG: the values alone', () => {
    expect(hexOf(encodeMapiValue({ kind: 'mv-long', value: [1, 0x23] }))).toBe('01000000' + '23000000');
  });

  it('empty MV values', () => {
    expect(hexOf(encodeMapiValue({ kind: 'mv-string8', value: [] }))).toBe('00000000');
    expect(hexOf(encodeMapiValue({ kind: 'mv-binary', value: [] }))).toBe('00000000');
    expect(hexOf(encodeMapiValue({ kind: 'mv-long', value: [] }))).toBe('');
  });
});

describe('encoding refuses values the type cannot hold', () => {
  it.each<[string, MapiValue]>([
    ['long too big', { kind: 'long', value: 2 ** 32 }],
    ['long not an integer', { kind: 'long', value: 1.5 }],
    ['long NaN', { kind: 'long', value: NaN }],
    ['i2 too big', { kind: 'i2', value: 0x10000 }],
    ['i8 too big', { kind: 'i8', value: 2n ** 64n }],
    ['systime negative', { kind: 'systime', value: -1n }],
    ['clsid of 15 bytes', { kind: 'clsid', value: new Uint8Array(15) }],
    ['NUL in unicode', { kind: 'unicode', value: 'a\0b' }],
    ['NUL in string8', { kind: 'string8', value: 'a\0b' }],
    ['NUL in mv-string8', { kind: 'mv-string8', value: ['a', '\0'] }],
    ['NUL in mv-unicode', { kind: 'mv-unicode', value: ['\0'] }],
    ['mv-long out of range', { kind: 'mv-long', value: [1, -0x80000001] }],
  ])('%s', (_what, value) => {
    expect(() => encodeMapiValue(value)).toThrow(RangeError);
  });

  it("non-ANSI text in a REG_BINARY PT_STRING8 (REG_SZ can hold it; the code page is the system's)", () => {
    expect(() => encodeMapiValue({ kind: 'string8', value: 'Ω' }, bin('78 00'))).toThrow(RangeError);
    expect(encodeMapiValue({ kind: 'string8', value: 'Ω' })).toEqual({ type: 'REG_SZ', data: 'Ω' });
  });
});

// ---- properties ----

const TYPE_FOR_KIND: Record<MapiValue['kind'], number> = {
  long: PT.LONG,
  i2: PT.I2,
  boolean: PT.BOOLEAN,
  i8: PT.I8,
  string8: PT.STRING8,
  unicode: PT.UNICODE,
  systime: PT.SYSTIME,
  clsid: PT.CLSID,
  binary: PT.BINARY,
  'mv-long': PT.MV_LONG,
  'mv-string8': PT.MV_STRING8,
  'mv-unicode': PT.MV_UNICODE,
  'mv-binary': PT.MV_BINARY,
  secure: PT.STRING8,
};

const propFor = (v: MapiValue): PropName =>
  propName(((0x6601 << 16) | TYPE_FOR_KIND[v.kind]) >>> 0, v.kind === 'secure');

/** Any UTF-16 code units but NUL, lone surrogates included. */
const utf16 = fc
  .array(fc.integer({ min: 1, max: 0xffff }), { maxLength: 40 })
  .map((u) => String.fromCharCode(...u));
/** Any Windows-1252 string without NUL. */
const ansi = fc
  .uint8Array({ minLength: 0, maxLength: 40 })
  .map((b) => decodeAnsi(b.map((x) => (x === 0 ? 0x20 : x))));
const u32 = fc.nat({ max: 0xffffffff });
const bytesArb = fc.uint8Array({ maxLength: 40 });

const mapiValue: fc.Arbitrary<MapiValue> = fc.oneof(
  u32.map((value) => ({ kind: 'long' as const, value })),
  fc.integer({ min: -0x8000, max: 0x7fff }).map((value) => ({ kind: 'i2' as const, value })),
  fc.boolean().map((value) => ({ kind: 'boolean' as const, value })),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value) => ({ kind: 'i8' as const, value })),
  ansi.map((value) => ({ kind: 'string8' as const, value })),
  utf16.map((value) => ({ kind: 'unicode' as const, value })),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((value) => ({ kind: 'systime' as const, value })),
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((value) => ({ kind: 'clsid' as const, value })),
  bytesArb.map((value) => ({ kind: 'binary' as const, value })),
  fc.array(u32, { maxLength: 8 }).map((value) => ({ kind: 'mv-long' as const, value })),
  fc.array(ansi, { maxLength: 8 }).map((value) => ({ kind: 'mv-string8' as const, value })),
  fc.array(utf16, { maxLength: 8 }).map((value) => ({ kind: 'mv-unicode' as const, value })),
  fc.array(bytesArb, { maxLength: 8 }).map((value) => ({ kind: 'mv-binary' as const, value })),
  bytesArb.map((value) => ({ kind: 'secure' as const, value })),
);

describe('round trips', () => {
  it('decode(encode(v)) = v for every kind, with and without an existing value', () => {
    const existing = fc.constantFrom<RegValue | undefined>(
      undefined,
      { type: 'REG_DWORD', data: 0 },
      { type: 'REG_QWORD', data: 0n },
      { type: 'REG_SZ', data: '' },
      bin('00'),
      bin('01'),
    );
    prop.assert(
      fc.property(mapiValue, existing, (v, ex) => {
        const reg = encodeMapiValue(v, ex);
        const back: DecodedProp = decodeMapiValue(propFor(v), reg);
        expect(back).toEqual({ ok: true, value: v });
      }),
      propertyParams(20240601),
    );
  });

  it('encode(decode(bytes)) gives the same bytes for canonical values', () => {
    prop.assert(
      fc.property(mapiValue, (v) => {
        const reg = encodeMapiValue(v);
        const back = decodeMapiValue(propFor(v), reg);
        expect(back.ok).toBe(true);
        if (back.ok) expect(encodeMapiValue(back.value, reg)).toEqual(reg);
      }),
      propertyParams(99),
    );
  });
});

describe('decoding never throws', () => {
  const types = [
    ...Object.values(PT),
    0x0005,
    0x0006,
    0x0007,
    0x000a,
    0x000d,
    0x1002,
    0x1014,
    0x101e,
    0xffff,
  ];
  const regValue: fc.Arbitrary<RegValue> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.uint8Array({ maxLength: 96 }).map((data) => ({ type: 'REG_BINARY' as const, data })),
    },
    fc.string().map((data) => ({ type: 'REG_SZ' as const, data })),
    fc.array(fc.string()).map((data) => ({ type: 'REG_MULTI_SZ' as const, data })),
    fc.oneof(u32, fc.integer(), fc.double()).map((data) => ({ type: 'REG_DWORD' as const, data })),
    fc.bigInt().map((data) => ({ type: 'REG_QWORD' as const, data })),
    fc.uint8Array().map((data) => ({ type: 'REG_NONE' as const, data })),
    fc.uint8Array().map((data) => ({ type: 'REG_RAW' as const, kind: 8, data })),
  );

  function check(d: DecodedProp): void {
    if (d.ok) expect(d.value.kind).toBeTypeOf('string');
    else expect(d.reason.length).toBeGreaterThan(0);
  }

  it('for random registry values of every property type', () => {
    prop.assert(
      fc.property(fc.constantFrom(...types), fc.boolean(), regValue, (type, secure, reg) => {
        check(decodeMapiValue(propName(((0x6601 << 16) | type) >>> 0, secure), reg));
      }),
      propertyParams(12345),
    );
  });

  it('for MV blobs with plausible headers and random offsets', () => {
    const blob = fc
      .tuple(
        fc.nat({ max: 6 }),
        fc.array(fc.nat({ max: 80 }), { minLength: 12, maxLength: 12 }),
        fc.uint8Array({ maxLength: 64 }),
      )
      .map(([count, words, tail]) => {
        const head = new Uint8Array(4 + words.length * 4);
        const dv = new DataView(head.buffer);
        dv.setUint32(0, count, true);
        words.forEach((w, i) => dv.setUint32(4 + i * 4, w, true));
        const out = new Uint8Array(head.length + tail.length);
        out.set(head);
        out.set(tail, head.length);
        return out;
      });
    prop.assert(
      fc.property(
        fc.constantFrom(PT.MV_STRING8, PT.MV_UNICODE, PT.MV_BINARY, PT.MV_LONG),
        blob,
        (type, data) => {
          check(decodeMapiValue(propName(((0x6601 << 16) | type) >>> 0), { type: 'REG_BINARY', data }));
        },
      ),
      propertyParams(4242),
    );
  });

  it('for arbitrary byte strings as REG_BINARY, every type, plain and secure', () => {
    prop.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...types), fc.integer({ min: 0, max: 0xffff })),
        fc.boolean(),
        fc.uint8Array({ maxLength: 300, size: 'large' }),
        (type, secure, data) => {
          check(
            decodeMapiValue(propName(((0x6601 << 16) | type) >>> 0, secure), { type: 'REG_BINARY', data }),
          );
        },
      ),
      propertyParams(31337),
    );
  });

  it('value names: any string parses to a tag or null, never throws', () => {
    prop.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[Ss]?[0-9a-fA-F]{8}$/)),
        (name) => {
          const p = parsePropValueName(name);
          if (p !== null) expect(propValueName(p.tag, p.secure).toLowerCase()).toBe(name.toLowerCase());
        },
      ),
      propertyParams(5150),
    );
  });
});

describe('one definition of the tags: value names derived from them', () => {
  it('names both string forms of a property, Unicode first, for any property id', () => {
    expect(stringValueNames(PR_PROFILE_HOME_SERVER)).toEqual(['001f6602', '001e6602']);
    expect(stringValueNames(PR_ROH_PROXY_SERVER)).toEqual(['001f6622', '001e6622']);
    expect(stringValueNames(0x8001001f)).toEqual(['001f8001', '001e8001']);
  });
});
