/**
 * MAPI property values as Outlook stores them in profile-section registry keys
 * (reference §2.2–2.3). Decoding never throws: bad bytes come back as `{ ok: false, reason }`.
 */
import type { RegValue } from '../registry/reg-value';
import { decodeAnsi, decodeUtf16le, encodeAnsi, encodeUtf16le } from '../registry/text-encoding';

export const PT = {
  UNSPECIFIED: 0x0000,
  NULL: 0x0001,
  I2: 0x0002,
  LONG: 0x0003,
  BOOLEAN: 0x000b,
  I8: 0x0014,
  STRING8: 0x001e,
  UNICODE: 0x001f,
  SYSTIME: 0x0040,
  CLSID: 0x0048,
  BINARY: 0x0102,
  MV_LONG: 0x1003,
  MV_STRING8: 0x101e,
  MV_UNICODE: 0x101f,
  MV_BINARY: 0x1102,
} as const;

const TYPE_NAMES: Readonly<Record<number, string>> = {
  [PT.I2]: 'PT_I2',
  [PT.LONG]: 'PT_LONG',
  [PT.BOOLEAN]: 'PT_BOOLEAN',
  [PT.I8]: 'PT_I8',
  [PT.STRING8]: 'PT_STRING8',
  [PT.UNICODE]: 'PT_UNICODE',
  [PT.SYSTIME]: 'PT_SYSTIME',
  [PT.CLSID]: 'PT_CLSID',
  [PT.BINARY]: 'PT_BINARY',
  [PT.MV_LONG]: 'MV_LONG',
  [PT.MV_STRING8]: 'MV_STRING8',
  [PT.MV_UNICODE]: 'MV_UNICODE',
  [PT.MV_BINARY]: 'MV_BINARY',
};

function typeName(type: number): string {
  return TYPE_NAMES[type] ?? `property type 0x${type.toString(16).padStart(4, '0')}`;
}

export interface PropName {
  /** Standard MAPI tag, id in the high word (e.g. 0x66270003). */
  readonly tag: number;
  readonly type: number;
  readonly id: number;
  /** `S`-prefixed name: the data is a DPAPI blob. */
  readonly secure: boolean;
}

// Registry names are case-insensitive, so the `S` prefix and the hex digits are too.
const VALUE_NAME = /^([Ss]?)([0-9a-fA-F]{4})([0-9a-fA-F]{4})$/;

/** Value name → tag. The name is TYPE then ID (`00036627` = 0x66270003), reference §2.2. */
export function parsePropValueName(name: string): PropName | null {
  const m = VALUE_NAME.exec(name);
  if (!m) return null;
  const type = parseInt(m[2]!, 16);
  const id = parseInt(m[3]!, 16);
  return { tag: ((id << 16) | type) >>> 0, type, id, secure: m[1] !== '' };
}

function checkTag(tag: number): void {
  if (!Number.isInteger(tag) || tag < 0 || tag > 0xffffffff)
    throw new RangeError(`not a property tag: ${tag}`);
}

export function propName(tag: number, secure = false): PropName {
  checkTag(tag);
  return { tag, type: tag & 0xffff, id: tag >>> 16, secure };
}

/** Tag → value name: lowercase, type first (0x66270003 → `00036627`). */
/** The two value names one string property may be stored under: Unicode (`001f…`) first, then ANSI (`001e…`). */
export function stringValueNames(tag: number): [string, string] {
  const id = tag >>> 16;
  return [propValueName(((id << 16) | PT.UNICODE) >>> 0), propValueName(((id << 16) | PT.STRING8) >>> 0)];
}

export function propValueName(tag: number, secure = false): string {
  checkTag(tag);
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  return `${secure ? 'S' : ''}${hex4(tag & 0xffff)}${hex4(tag >>> 16)}`;
}

export type MapiValue =
  | { kind: 'long'; value: number }
  | { kind: 'i2'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'i8'; value: bigint }
  | { kind: 'string8'; value: string }
  | { kind: 'unicode'; value: string }
  | { kind: 'systime'; value: bigint }
  | { kind: 'clsid'; value: Uint8Array }
  | { kind: 'binary'; value: Uint8Array }
  | { kind: 'mv-long'; value: number[] }
  | { kind: 'mv-string8'; value: string[] }
  | { kind: 'mv-unicode'; value: string[] }
  | { kind: 'mv-binary'; value: Uint8Array[] }
  | { kind: 'secure'; value: Uint8Array };

export type DecodedProp =
  { readonly ok: true; readonly value: MapiValue } | { readonly ok: false; readonly reason: string };

const ok = (value: MapiValue): DecodedProp => ({ ok: true, value });
const bad = (reason: string): DecodedProp => ({ ok: false, reason });

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function wrongType(reg: RegValue, what: string): DecodedProp {
  const t = reg.type === 'REG_RAW' ? `hex(${reg.kind})` : reg.type;
  return bad(`registry type ${t} is not valid for ${what}`);
}

function fixedSize(name: string, b: Uint8Array, size: number, read: (v: DataView) => MapiValue): DecodedProp {
  if (b.length !== size) return bad(`${name} needs ${size} bytes, found ${b.length}`);
  return ok(read(view(b)));
}

/** Text up to the first NUL, which must be followed by nothing but NULs (that is how MAPI reads it). */
function decodeUnicodeBytes(b: Uint8Array): DecodedProp {
  if (b.length % 2 !== 0) return bad(`PT_UNICODE has an odd byte count (${b.length})`);
  if (b.length < 2 || b[b.length - 2] !== 0 || b[b.length - 1] !== 0) {
    return bad('PT_UNICODE is missing its NUL terminator');
  }
  const end = nul16(b, 0);
  for (let i = end; i < b.length; i++)
    if (b[i] !== 0) return bad('PT_UNICODE has data after its NUL terminator');
  return ok({ kind: 'unicode', value: decodeUtf16le(b, 0, end) });
}

/** PT_STRING8 in REG_BINARY: the terminator is optional (reference §2.3 "tolerate a missing terminator"). */
function decodeString8Bytes(b: Uint8Array): DecodedProp {
  let end = b.indexOf(0);
  if (end < 0) end = b.length;
  for (let i = end; i < b.length; i++)
    if (b[i] !== 0) return bad('PT_STRING8 has data after its NUL terminator');
  return ok({ kind: 'string8', value: decodeAnsi(b, 0, end) });
}

/** Index of the first 00 00 code unit at or after `from` (stepping by 2), or -1. */
function nul16(b: Uint8Array, from: number): number {
  for (let i = from; i + 1 < b.length; i += 2) if (b[i] === 0 && b[i + 1] === 0) return i;
  return -1;
}

/** `count` then a table of `count × entrySize` bytes; checked before anything is allocated. */
function mvCount(
  name: string,
  b: Uint8Array,
  entrySize: number,
): { count: number; tableEnd: number } | string {
  if (b.length < 4) return `${name} needs at least 4 bytes, found ${b.length}`;
  const count = view(b).getUint32(0, true);
  const tableEnd = 4 + count * entrySize;
  if (tableEnd > b.length) return `${name} count ${count} does not fit in ${b.length} bytes`;
  return { count, tableEnd };
}

function decodeMvStrings(name: string, b: Uint8Array, unicode: boolean): DecodedProp {
  const head = mvCount(name, b, 4);
  if (typeof head === 'string') return bad(head);
  const dv = view(b);
  const out: string[] = [];
  for (let i = 0; i < head.count; i++) {
    const offset = dv.getUint32(4 + i * 4, true);
    if (offset >= b.length) return bad(`${name} offset ${offset} is past the end (${b.length} bytes)`);
    if (offset < head.tableEnd)
      return bad(`${name} offset ${offset} points into its header (${head.tableEnd} bytes)`);
    const end = unicode ? nul16(b, offset) : b.indexOf(0, offset);
    if (end < 0) return bad(`${name} string ${i} has no NUL terminator`);
    out.push(unicode ? decodeUtf16le(b, offset, end) : decodeAnsi(b, offset, end));
  }
  return ok(unicode ? { kind: 'mv-unicode', value: out } : { kind: 'mv-string8', value: out });
}

function decodeMvBinary(b: Uint8Array): DecodedProp {
  const head = mvCount('MV_BINARY', b, 8);
  if (typeof head === 'string') return bad(head);
  const dv = view(b);
  const out: Uint8Array[] = [];
  for (let i = 0; i < head.count; i++) {
    const cb = dv.getUint32(4 + i * 8, true);
    const offset = dv.getUint32(8 + i * 8, true);
    if (offset + cb > b.length) {
      return bad(`MV_BINARY item ${i} (offset ${offset}, ${cb} bytes) runs past the end (${b.length} bytes)`);
    }
    if (cb > 0 && offset < head.tableEnd) {
      return bad(`MV_BINARY offset ${offset} points into its header (${head.tableEnd} bytes)`);
    }
    out.push(b.slice(offset, offset + cb));
  }
  return ok({ kind: 'mv-binary', value: out });
}

/**
 * MV_LONG is a bare array of LE LONGs with no count: the count is the size / 4. This follows
 * MFCMAPI's registryProperty.cpp (the only public reader/writer), unlike the other MV types.
 */
function decodeMvLong(b: Uint8Array): DecodedProp {
  if (b.length % 4 !== 0) return bad(`MV_LONG has ${b.length} bytes, not a multiple of 4`);
  const dv = view(b);
  const out: number[] = [];
  for (let i = 0; i < b.length; i += 4) out.push(dv.getUint32(i, true));
  return ok({ kind: 'mv-long', value: out });
}

function decodeUnchecked(prop: PropName, reg: RegValue): DecodedProp {
  if (prop.secure) {
    return reg.type === 'REG_BINARY'
      ? ok({ kind: 'secure', value: reg.data.slice() })
      : wrongType(reg, 'a secure property');
  }
  const name = typeName(prop.type);
  switch (prop.type) {
    case PT.LONG:
      if (reg.type === 'REG_DWORD') {
        const d = reg.data;
        if (!Number.isInteger(d) || d < -0x80000000 || d > 0xffffffff)
          return bad(`REG_DWORD data ${d} is not 32-bit`);
        return ok({ kind: 'long', value: d >>> 0 });
      }
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return fixedSize(name, reg.data, 4, (v) => ({ kind: 'long', value: v.getUint32(0, true) }));
    case PT.I2:
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return fixedSize(name, reg.data, 2, (v) => ({ kind: 'i2', value: v.getInt16(0, true) }));
    case PT.BOOLEAN:
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return fixedSize(name, reg.data, 2, (v) => ({ kind: 'boolean', value: v.getUint16(0, true) !== 0 }));
    case PT.I8:
      if (reg.type === 'REG_QWORD') return ok({ kind: 'i8', value: BigInt.asIntN(64, reg.data) });
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return fixedSize(name, reg.data, 8, (v) => ({ kind: 'i8', value: v.getBigInt64(0, true) }));
    case PT.SYSTIME:
      if (reg.type === 'REG_QWORD') return ok({ kind: 'systime', value: BigInt.asUintN(64, reg.data) });
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return fixedSize(name, reg.data, 8, (v) => ({ kind: 'systime', value: v.getBigUint64(0, true) }));
    case PT.CLSID:
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return fixedSize(name, reg.data, 16, () => ({ kind: 'clsid', value: reg.data.slice() }));
    case PT.STRING8:
      if (reg.type === 'REG_SZ') return ok({ kind: 'string8', value: reg.data });
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return decodeString8Bytes(reg.data);
    case PT.UNICODE:
      if (reg.type === 'REG_SZ') return ok({ kind: 'unicode', value: reg.data });
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return decodeUnicodeBytes(reg.data);
    case PT.BINARY:
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return ok({ kind: 'binary', value: reg.data.slice() });
    case PT.MV_LONG:
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return decodeMvLong(reg.data);
    case PT.MV_STRING8:
    case PT.MV_UNICODE:
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return decodeMvStrings(name, reg.data, prop.type === PT.MV_UNICODE);
    case PT.MV_BINARY:
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return decodeMvBinary(reg.data);
    default:
      // Types we do not model are kept as raw bytes (MFCMAPI does the same).
      if (reg.type !== 'REG_BINARY') return wrongType(reg, name);
      return ok({ kind: 'binary', value: reg.data.slice() });
  }
}

/** Never throws: registry data is untrusted, and one bad value must not stop a scan. */
export function decodeMapiValue(prop: PropName, reg: RegValue): DecodedProp {
  try {
    return decodeUnchecked(prop, reg);
  } catch (e) {
    return bad(`unreadable: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// ---- encoding (throws RangeError on values the type cannot hold) ----

function binaryValue(data: Uint8Array): RegValue {
  return { type: 'REG_BINARY', data };
}

function u32(n: number, kind: string): number {
  if (!Number.isInteger(n) || n < -0x80000000 || n > 0xffffffff)
    throw new RangeError(`${kind} out of range: ${n}`);
  return n >>> 0;
}

function le(size: 2 | 4 | 8, write: (v: DataView) => void): Uint8Array {
  const out = new Uint8Array(size);
  write(view(out));
  return out;
}

function noNul(s: string, kind: string): string {
  if (s.includes('\0')) throw new RangeError(`${kind} strings cannot contain NUL`);
  return s;
}

function qword(v: bigint, min: bigint, kind: string): bigint {
  if (v < min || v > 0xffffffffffffffffn) throw new RangeError(`${kind} out of range: ${v}`);
  return BigInt.asUintN(64, v);
}

/** count, count × offset, then the NUL-terminated strings right after the table (as in KB Q183015). */
function encodeMvStrings(parts: readonly Uint8Array[], nulSize: number): Uint8Array {
  const tableEnd = 4 + 4 * parts.length;
  const total = parts.reduce((n, p) => n + p.length + nulSize, tableEnd);
  const out = new Uint8Array(total);
  const dv = view(out);
  dv.setUint32(0, parts.length, true);
  let at = tableEnd;
  parts.forEach((p, i) => {
    dv.setUint32(4 + 4 * i, at, true);
    out.set(p, at);
    at += p.length + nulSize;
  });
  return out;
}

/**
 * count, count × (cb, offset), then the data. Padding each item to 4 bytes is our choice (it
 * matches MFCMAPI's writer); decoding trusts only the offsets.
 */
function encodeMvBinary(items: readonly Uint8Array[]): Uint8Array {
  const align4 = (n: number) => (n + 3) & ~3;
  const tableEnd = 4 + 8 * items.length;
  const out = new Uint8Array(items.reduce((n, b) => n + align4(b.length), tableEnd));
  const dv = view(out);
  dv.setUint32(0, items.length, true);
  let at = tableEnd;
  items.forEach((b, i) => {
    dv.setUint32(4 + 8 * i, b.length, true);
    dv.setUint32(8 + 8 * i, at, true);
    out.set(b, at);
    at += align4(b.length);
  });
  return out;
}

function withNul(bytes: Uint8Array, nulSize: number): Uint8Array {
  const out = new Uint8Array(bytes.length + nulSize);
  out.set(bytes);
  return out;
}

/**
 * MAPI value → registry value. With `existing`, its registry type is kept when it is valid for
 * the kind (PT_LONG in REG_DWORD, PT_STRING8 in REG_BINARY, …), so a write changes only the data.
 */
export function encodeMapiValue(value: MapiValue, existing?: RegValue): RegValue {
  switch (value.kind) {
    case 'long': {
      const v = u32(value.value, 'PT_LONG');
      if (existing?.type === 'REG_DWORD') return { type: 'REG_DWORD', data: v };
      return binaryValue(le(4, (d) => d.setUint32(0, v, true)));
    }
    case 'i2': {
      const v = value.value;
      if (!Number.isInteger(v) || v < -0x8000 || v > 0xffff) throw new RangeError(`PT_I2 out of range: ${v}`);
      return binaryValue(le(2, (d) => d.setUint16(0, v & 0xffff, true)));
    }
    case 'boolean':
      return binaryValue(le(2, (d) => d.setUint16(0, value.value ? 1 : 0, true)));
    case 'i8':
    case 'systime': {
      const min = value.kind === 'i8' ? -0x8000000000000000n : 0n;
      const v = qword(value.value, min, value.kind === 'i8' ? 'PT_I8' : 'PT_SYSTIME');
      if (existing?.type === 'REG_QWORD') {
        return { type: 'REG_QWORD', data: value.kind === 'i8' ? BigInt.asIntN(64, v) : v };
      }
      return binaryValue(le(8, (d) => d.setBigUint64(0, v, true)));
    }
    case 'string8': {
      const s = noNul(value.value, 'PT_STRING8');
      if (existing?.type !== 'REG_BINARY') return { type: 'REG_SZ', data: s };
      // Keep the existing value's habit about the (optional) terminator.
      const old = existing.data;
      const terminated = old.length === 0 || old[old.length - 1] === 0;
      return binaryValue(withNul(encodeAnsi(s), terminated ? 1 : 0));
    }
    case 'unicode': {
      const s = noNul(value.value, 'PT_UNICODE');
      if (existing?.type === 'REG_SZ') return { type: 'REG_SZ', data: s };
      return binaryValue(withNul(encodeUtf16le(s), 2));
    }
    case 'clsid':
      if (value.value.length !== 16)
        throw new RangeError(`PT_CLSID needs 16 bytes, got ${value.value.length}`);
      return binaryValue(value.value.slice());
    case 'binary':
    case 'secure':
      return binaryValue(value.value.slice());
    case 'mv-long': {
      const vs = value.value.map((n) => u32(n, 'MV_LONG'));
      const out = new Uint8Array(4 * vs.length);
      const dv = view(out);
      vs.forEach((n, i) => dv.setUint32(4 * i, n, true));
      return binaryValue(out);
    }
    case 'mv-string8':
      return binaryValue(
        encodeMvStrings(
          value.value.map((s) => encodeAnsi(noNul(s, 'MV_STRING8'))),
          1,
        ),
      );
    case 'mv-unicode':
      return binaryValue(
        encodeMvStrings(
          value.value.map((s) => encodeUtf16le(noNul(s, 'MV_UNICODE'))),
          2,
        ),
      );
    case 'mv-binary':
      return binaryValue(encodeMvBinary(value.value));
  }
}
