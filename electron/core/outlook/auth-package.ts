/**
 * PR_PROFILE_AUTH_PACKAGE (`00036619`), Outlook's "Logon network security": the sign-in used
 * *inside* the connection to Exchange (RPC_C_AUTHN_* from rpcdce.h, plus Outlook's own Anonymous
 * value). Not the proxy's HTTP sign-in (`00036627`). Facts: causes/SOURCES.md §2.
 */
import type { RegValue } from '../registry/reg-value';
import { decodeMapiValue, encodeMapiValue, propName } from './mapi-property';
import { PR_PROFILE_AUTH_PACKAGE } from './mapi-tags';

export const AUTH_PACKAGE_VALUE = '00036619';

export const AUTH_PACKAGE = {
  NONE: 0,
  NEGOTIATE: 9,
  NTLM: 10,
  KERBEROS: 16,
  /** OUTL_RPC_AUTHN_ANONYMOUS (MFCMAPI extraPropTags.h); on disk `01 f0 00 80`. */
  ANONYMOUS: 0x8000f001,
} as const;

export type AuthPackageName = 'none' | 'negotiate' | 'ntlm' | 'kerberos' | 'anonymous' | 'other';

export function authPackageName(value: number): AuthPackageName {
  switch (value >>> 0) {
    case AUTH_PACKAGE.NONE:
      return 'none';
    case AUTH_PACKAGE.NEGOTIATE:
      return 'negotiate';
    case AUTH_PACKAGE.NTLM:
      return 'ntlm';
    case AUTH_PACKAGE.KERBEROS:
      return 'kerberos';
    case AUTH_PACKAGE.ANONYMOUS:
      return 'anonymous';
    default:
      return 'other';
  }
}

export type AuthPackageReading =
  | { readonly state: 'absent' }
  | { readonly state: 'unreadable'; readonly reason: string }
  | { readonly state: 'set'; readonly value: number; readonly name: AuthPackageName };

const PROP = propName(PR_PROFILE_AUTH_PACKAGE);

export function readAuthPackage(reg: RegValue | undefined): AuthPackageReading {
  if (!reg) return { state: 'absent' };
  const d = decodeMapiValue(PROP, reg);
  if (!d.ok) return { state: 'unreadable', reason: d.reason };
  if (d.value.kind !== 'long') return { state: 'unreadable', reason: `decoded as ${d.value.kind}` };
  const value = d.value.value >>> 0;
  return { state: 'set', value, name: authPackageName(value) };
}

/** The values the wizard may write: the two that work off the domain network (SOURCES.md §2). */
export type WritableAuthPackage = typeof AUTH_PACKAGE.NEGOTIATE | typeof AUTH_PACKAGE.NTLM;

/** Encodes like the existing value (4-byte REG_BINARY, or REG_DWORD when it was one). */
export function encodeAuthPackage(value: WritableAuthPackage, existing?: RegValue): RegValue {
  return encodeMapiValue({ kind: 'long', value }, existing);
}
