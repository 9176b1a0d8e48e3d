/**
 * Profile-section key names: the 16 bytes of a MAPIUID as 32 hex digits in byte order
 * (reference §2.1). A GUID's first three fields are little-endian in those bytes.
 */
import { bytesToHex, hexToBytes } from '../registry/reg-value';

/** pbGlobalProfileSectionGuid, {C8B0DB13-05AA-1A10-9BB0-00AA002FC45A}: the Exchange section in 2003/2007. */
export const EXCHANGE_GLOBAL_SECTION = '13dbb0c8aa05101a9bb000aa002fc45a';
/** IID_CAPONE_PROF {00020D0A-0000-0000-C000-000000000046}; holds the legacy account's emsmdbUID in 2010+. */
export const OUTLOOK_CLIENT_SECTION = '0a0d020000000000c000000000000046';
/** Account manager, as Outlook spells it (mixed case); compare key names case-insensitively. */
export const ACCOUNT_MANAGER_SECTION = '9375CFF0413111d3B88A00104B2A6676';

const KEY_NAME = /^[0-9a-fA-F]{32}$/;
const GUID = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i;

/** 16-byte UID (e.g. a `Service UID` or `01023d15` value) → key name; other lengths → null. */
export function uidToKeyName(bytes: Uint8Array): string | null {
  return bytes.length === 16 ? bytesToHex(bytes) : null;
}

/** Key name (32 hex digits, any case) → the 16 UID bytes, or null. */
export function keyNameToUid(name: string): Uint8Array | null {
  return KEY_NAME.test(name) ? hexToBytes(name) : null;
}

function reverseBytes(hex: string): string {
  return hex.match(/../g)!.reverse().join('');
}

/** `{C8B0DB13-05AA-1A10-9BB0-00AA002FC45A}` (braces optional) → `13dbb0c8aa05101a9bb000aa002fc45a`, or null. */
export function guidToKeyName(guid: string): string | null {
  const s = guid.trim();
  const bare = s.startsWith('{') && s.endsWith('}') ? s.slice(1, -1) : s;
  const m = GUID.exec(bare);
  if (!m) return null;
  return (reverseBytes(m[1]!) + reverseBytes(m[2]!) + reverseBytes(m[3]!) + m[4]! + m[5]!).toLowerCase();
}

/** Key name → `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`, or null. */
export function keyNameToGuid(name: string): string | null {
  if (!KEY_NAME.test(name)) return null;
  const h = name.toUpperCase();
  const parts = [
    reverseBytes(h.slice(0, 8)),
    reverseBytes(h.slice(8, 12)),
    reverseBytes(h.slice(12, 16)),
    h.slice(16, 20),
    h.slice(20),
  ];
  return `{${parts.join('-')}}`;
}
