import { describe, expect, it } from 'vitest';
import type { RegValue } from '../registry/reg-value';
import { AUTH_PACKAGE, authPackageName, encodeAuthPackage, readAuthPackage } from './auth-package';

const bin = (...bytes: number[]): RegValue => ({ type: 'REG_BINARY', data: Uint8Array.from(bytes) });

describe('PR_PROFILE_AUTH_PACKAGE (00036619)', () => {
  it('names the values MFCMAPI and the support article list', () => {
    expect(authPackageName(0)).toBe('none');
    expect(authPackageName(9)).toBe('negotiate');
    expect(authPackageName(10)).toBe('ntlm');
    expect(authPackageName(16)).toBe('kerberos');
    expect(authPackageName(0x8000f001)).toBe('anonymous');
    expect(authPackageName(7)).toBe('other');
  });

  it('reads Anonymous from the bytes the support article shows: 01 f0 00 80', () => {
    expect(readAuthPackage(bin(0x01, 0xf0, 0x00, 0x80))).toEqual({
      state: 'set',
      value: AUTH_PACKAGE.ANONYMOUS,
      name: 'anonymous',
    });
  });

  it('reads NTLM (0a 00 00 00, the MFCMAPI Exchange 2013 table) and Kerberos (10 00 00 00)', () => {
    expect(readAuthPackage(bin(0x0a, 0, 0, 0))).toMatchObject({ value: 10, name: 'ntlm' });
    expect(readAuthPackage(bin(0x10, 0, 0, 0))).toMatchObject({ value: 16, name: 'kerberos' });
    expect(readAuthPackage({ type: 'REG_DWORD', data: 9 })).toMatchObject({ name: 'negotiate' });
  });

  it('reports absent and damaged values', () => {
    expect(readAuthPackage(undefined)).toEqual({ state: 'absent' });
    expect(readAuthPackage(bin(0x0a, 0))).toMatchObject({ state: 'unreadable' });
    expect(readAuthPackage({ type: 'REG_SZ', data: '10' })).toMatchObject({ state: 'unreadable' });
  });

  it('encodes in the existing type, 4 bytes little-endian by default', () => {
    expect(encodeAuthPackage(AUTH_PACKAGE.NEGOTIATE, bin(0x10, 0, 0, 0))).toEqual(bin(0x09, 0, 0, 0));
    expect(encodeAuthPackage(AUTH_PACKAGE.NTLM)).toEqual(bin(0x0a, 0, 0, 0));
    expect(encodeAuthPackage(AUTH_PACKAGE.NTLM, { type: 'REG_DWORD', data: 16 })).toEqual({
      type: 'REG_DWORD',
      data: 10,
    });
  });
});
