/**
 * Byte <-> string helpers for `.reg` files without Node's Buffer (the core is platform-neutral).
 *
 * "ANSI" here is Windows-1252 as the WHATWG Encoding Standard defines it: all 256 bytes map to
 * distinct code points (0x81, 0x8D, 0x8F, 0x90 and 0x9D map to the C1 controls of the same
 * number), so decoding then encoding any byte sequence gives the same bytes back.
 */

const WIN1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** Byte -> code unit. */
const ANSI_DECODE = new Uint16Array(256);
/** Code unit -> byte + 1 (0 = not encodable). */
const ANSI_ENCODE = new Uint16Array(65536);
for (let b = 0; b < 256; b++) {
  const c = b >= 0x80 && b < 0xa0 ? WIN1252_HIGH[b - 0x80]! : b;
  ANSI_DECODE[b] = c;
  ANSI_ENCODE[c] = b + 1;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// Big enough to amortise the call, small enough for the engine's argument limit.
const CHUNK = 0x2000;
const units = new Uint16Array(CHUNK);

/** Builds a string of `n` code units, CHUNK at a time; `fill` writes units [from, from+count) to u[0..count). */
function buildString(n: number, fill: (units: Uint16Array, from: number, count: number) => void): string {
  if (n <= 0) return '';
  if (n <= CHUNK) {
    fill(units, 0, n);
    return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  }
  const parts: string[] = [];
  for (let from = 0; from < n; from += CHUNK) {
    const count = Math.min(CHUNK, n - from);
    fill(units, from, count);
    parts.push(String.fromCharCode.apply(null, units.subarray(0, count) as unknown as number[]));
  }
  return parts.join('');
}

/**
 * Decodes UTF-16LE bytes exactly: lone surrogates are kept (TextDecoder would replace them),
 * so value data read from `hex(n)` bytes re-encodes to the same bytes. `end - start` must be even.
 */
export function decodeUtf16le(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return buildString((end - start) >> 1, (u, from, count) => {
    for (let i = 0, j = start + from * 2; i < count; i++, j += 2) u[i] = bytes[j]! | (bytes[j + 1]! << 8);
  });
}

/** UTF-16LE bytes of `str` (code units as they are), optionally preceded by the FF FE byte order mark. */
export function encodeUtf16le(str: string, bom = false): Uint8Array {
  const offset = bom ? 2 : 0;
  const out = new Uint8Array(offset + str.length * 2);
  if (bom) {
    out[0] = 0xff;
    out[1] = 0xfe;
  }
  if (LITTLE_ENDIAN) {
    const units = new Uint16Array(out.buffer, offset, str.length);
    for (let i = 0; i < str.length; i++) units[i] = str.charCodeAt(i);
  } else {
    for (let i = 0, j = offset; i < str.length; i++, j += 2) {
      const c = str.charCodeAt(i);
      out[j] = c & 0xff;
      out[j + 1] = c >> 8;
    }
  }
  return out;
}

/** Decodes Windows-1252 ("ANSI") bytes; never fails. */
export function decodeAnsi(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return buildString(end - start, (u, from, count) => {
    for (let i = 0, j = start + from; i < count; i++, j++) u[i] = ANSI_DECODE[bytes[j]!]!;
  });
}

/** Index of the first character Windows-1252 cannot represent, or -1. */
export function firstNonAnsiIndex(str: string): number {
  for (let i = 0; i < str.length; i++) if (ANSI_ENCODE[str.charCodeAt(i)] === 0) return i;
  return -1;
}

/** Windows-1252 bytes of `str`; throws RangeError on a character it cannot represent. */
export function encodeAnsi(str: string): Uint8Array {
  const out = new Uint8Array(str.length);
  for (let i = 0; i < str.length; i++) {
    const b = ANSI_ENCODE[str.charCodeAt(i)]!;
    if (b === 0) {
      throw new RangeError(
        `character U+${str.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} has no ANSI byte`,
      );
    }
    out[i] = b - 1;
  }
  return out;
}

/** Index of the first unpaired surrogate, or -1 (such strings cannot round trip through UTF-8 or TextDecoder). */
export function firstLoneSurrogateIndex(str: string): number {
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}
