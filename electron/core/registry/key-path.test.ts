import { describe, expect, it } from 'vitest';
import { canonicalKeyPath, isUnderKeyPath, keyPathEquals, KeyPathError } from './key-path';

const LSA = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';

describe('key paths', () => {
  it('compares ignoring ASCII case and hive abbreviations', () => {
    expect(keyPathEquals('hklm\\system\\currentcontrolset\\control\\LSA\\', LSA)).toBe(true);
    expect(isUnderKeyPath(`${LSA}\\MSV1_0`, 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\lsa')).toBe(true);
    expect(isUnderKeyPath(`${LSA}Extra`, LSA)).toBe(false);
  });

  it.each([
    ['Kelvin sign', `${LSA}\\Kerberos`, `${LSA}\\\u212Aerberos`],
    ['dotted capital I', `${LSA}\\MSV1_0`.replace('Control', 'Contro\u0130'), `${LSA}\\MSV1_0`],
    ['dotless i', 'HKLM\\SOFTWARE\\Microsoft', 'HKLM\\SOFTWARE\\M\u0131crosoft'],
    ['long s', LSA, LSA.replace('SYSTEM', '\u017FYSTEM')],
  ])('a %s is not the ASCII letter', (_label, a, b) => {
    expect(keyPathEquals(a, b)).toBe(false);
  });

  it('does not accept a hive spelled with look-alikes or named like an Object property', () => {
    expect(() => canonicalKeyPath('H\u212AEY_LOCAL_MACHINE\\SYSTEM')).toThrow(KeyPathError);
    expect(() => canonicalKeyPath('H\u212ALM\\SYSTEM')).toThrow(KeyPathError);
    expect(() => canonicalKeyPath('constructor\\x')).toThrow(KeyPathError);
    expect(() => canonicalKeyPath('__proto__\\x')).toThrow(KeyPathError);
    expect(canonicalKeyPath('hkLM\\SYSTEM')).toBe('HKEY_LOCAL_MACHINE\\SYSTEM');
  });
});
