/** Registry value types the product reads and writes. */
export type RegType =
  'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_MULTI_SZ' | 'REG_DWORD' | 'REG_QWORD' | 'REG_BINARY' | 'REG_NONE';

/**
 * A typed registry value. `REG_RAW` carries any other `hex(n)` kind (5, 6, 8, 9, a…)
 * byte for byte, so a round trip through our codec never drops data it does not model.
 */
export type RegValue =
  | { readonly type: 'REG_SZ'; readonly data: string }
  | { readonly type: 'REG_EXPAND_SZ'; readonly data: string }
  | { readonly type: 'REG_MULTI_SZ'; readonly data: readonly string[] }
  | { readonly type: 'REG_DWORD'; readonly data: number }
  | { readonly type: 'REG_QWORD'; readonly data: bigint }
  | { readonly type: 'REG_BINARY'; readonly data: Uint8Array }
  | { readonly type: 'REG_NONE'; readonly data: Uint8Array }
  | { readonly type: 'REG_RAW'; readonly kind: number; readonly data: Uint8Array };

/** Numeric kinds as used by `hex(n)` in .reg files and by the Win32 API. */
export const REG_KIND = {
  REG_NONE: 0,
  REG_SZ: 1,
  REG_EXPAND_SZ: 2,
  REG_BINARY: 3,
  REG_DWORD: 4,
  REG_MULTI_SZ: 7,
  REG_QWORD: 11,
} as const;

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function regValuesEqual(a: RegValue, b: RegValue): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'REG_MULTI_SZ': {
      const bd = (b as typeof a).data;
      return a.data.length === bd.length && a.data.every((s, i) => s === bd[i]);
    }
    case 'REG_BINARY':
    case 'REG_NONE':
      return bytesEqual(a.data, (b as typeof a).data);
    case 'REG_RAW':
      return a.kind === (b as typeof a).kind && bytesEqual(a.data, (b as typeof a).data);
    default:
      return a.data === (b as { data: unknown }).data;
  }
}

/** JSON-safe form for journals, IPC and reports (bytes as lowercase hex, qwords as decimal strings). */
export type SerializedRegValue =
  | { type: 'REG_SZ' | 'REG_EXPAND_SZ'; data: string }
  | { type: 'REG_MULTI_SZ'; data: string[] }
  | { type: 'REG_DWORD'; data: number }
  | { type: 'REG_QWORD'; data: string }
  | { type: 'REG_BINARY' | 'REG_NONE'; hex: string }
  | { type: 'REG_RAW'; kind: number; hex: string };

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || /[^0-9a-fA-F]/.test(hex))
    throw new Error(`not a hex string: ${hex.slice(0, 40)}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function serializeRegValue(v: RegValue): SerializedRegValue {
  switch (v.type) {
    case 'REG_MULTI_SZ':
      return { type: v.type, data: [...v.data] };
    case 'REG_QWORD':
      return { type: v.type, data: v.data.toString() };
    case 'REG_BINARY':
    case 'REG_NONE':
      return { type: v.type, hex: bytesToHex(v.data) };
    case 'REG_RAW':
      return { type: v.type, kind: v.kind, hex: bytesToHex(v.data) };
    case 'REG_DWORD':
      return { type: v.type, data: v.data };
    default:
      return { type: v.type, data: v.data };
  }
}

export function deserializeRegValue(s: SerializedRegValue): RegValue {
  switch (s.type) {
    case 'REG_MULTI_SZ':
      return { type: s.type, data: [...s.data] };
    case 'REG_QWORD':
      return { type: s.type, data: BigInt(s.data) };
    case 'REG_BINARY':
    case 'REG_NONE':
      return { type: s.type, data: hexToBytes(s.hex) };
    case 'REG_RAW':
      return { type: s.type, kind: s.kind, data: hexToBytes(s.hex) };
    case 'REG_DWORD':
      return { type: s.type, data: s.data };
    default:
      return { type: s.type, data: s.data };
  }
}

/** Short human form for plans and reports, e.g. `REG_BINARY 01 00 00 00`. */
export function describeRegValue(v: RegValue | null): string {
  if (v === null) return '(absent)';
  switch (v.type) {
    case 'REG_DWORD':
      return `REG_DWORD 0x${v.data.toString(16).padStart(8, '0')} (${v.data})`;
    case 'REG_QWORD':
      return `REG_QWORD ${v.data.toString()}`;
    case 'REG_MULTI_SZ':
      return `REG_MULTI_SZ [${v.data.map((s) => JSON.stringify(s)).join(', ')}]`;
    case 'REG_BINARY':
    case 'REG_NONE':
    case 'REG_RAW':
      return `${v.type} ${Array.from(v.data, (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
    default:
      return `${v.type} ${JSON.stringify(v.data)}`;
  }
}
