import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  describeRegValue,
  deserializeRegValue,
  hexToBytes,
  regValuesEqual,
  serializeRegValue,
  type RegValue,
} from './reg-value';

const samples: RegValue[] = [
  { type: 'REG_SZ', data: 'mail.example.com' },
  { type: 'REG_EXPAND_SZ', data: '%SystemRoot%' },
  { type: 'REG_MULTI_SZ', data: ['mail.example.com', 'owa.example.com'] },
  { type: 'REG_MULTI_SZ', data: [] },
  { type: 'REG_DWORD', data: 0xffffffff },
  { type: 'REG_QWORD', data: 0xffffffffffffffffn },
  { type: 'REG_BINARY', data: new Uint8Array([2, 0, 0, 0]) },
  { type: 'REG_NONE', data: new Uint8Array([]) },
  { type: 'REG_RAW', kind: 6, data: new Uint8Array([0x5c, 0]) },
];

describe('reg values', () => {
  it('serialize to JSON-safe form and back unchanged', () => {
    for (const v of samples) {
      const json = JSON.parse(JSON.stringify(serializeRegValue(v)));
      expect(regValuesEqual(deserializeRegValue(json), v)).toBe(true);
    }
    expect(serializeRegValue(samples[5]!)).toEqual({ type: 'REG_QWORD', data: '18446744073709551615' });
    expect(serializeRegValue(samples[6]!)).toEqual({ type: 'REG_BINARY', hex: '02000000' });
  });

  it('compare by type, kind and content', () => {
    expect(
      regValuesEqual(
        { type: 'REG_BINARY', data: new Uint8Array([1]) },
        { type: 'REG_NONE', data: new Uint8Array([1]) },
      ),
    ).toBe(false);
    expect(
      regValuesEqual(
        { type: 'REG_BINARY', data: new Uint8Array([1]) },
        { type: 'REG_BINARY', data: new Uint8Array([1, 0]) },
      ),
    ).toBe(false);
    expect(
      regValuesEqual(
        { type: 'REG_RAW', kind: 5, data: new Uint8Array() },
        { type: 'REG_RAW', kind: 6, data: new Uint8Array() },
      ),
    ).toBe(false);
    expect(
      regValuesEqual({ type: 'REG_MULTI_SZ', data: ['a'] }, { type: 'REG_MULTI_SZ', data: ['a', ''] }),
    ).toBe(false);
    expect(regValuesEqual({ type: 'REG_SZ', data: '1' }, { type: 'REG_EXPAND_SZ', data: '1' })).toBe(false);
  });

  it('convert hex both ways and reject malformed hex', () => {
    expect(bytesToHex(new Uint8Array([0, 0xab, 0xff]))).toBe('00abff');
    expect([...hexToBytes('00ABff')]).toEqual([0, 0xab, 0xff]);
    expect(() => hexToBytes('abc')).toThrow(/not a hex string/);
    expect(() => hexToBytes('zz')).toThrow(/not a hex string/);
  });

  it('describe values for plans', () => {
    expect(describeRegValue(null)).toBe('(absent)');
    expect(describeRegValue({ type: 'REG_DWORD', data: 3 })).toBe('REG_DWORD 0x00000003 (3)');
    expect(describeRegValue(samples[6]!)).toBe('REG_BINARY 02 00 00 00');
    expect(describeRegValue(samples[2]!)).toBe('REG_MULTI_SZ ["mail.example.com", "owa.example.com"]');
  });
});
