/**
 * Bytes of a `.reg` file <-> its text. Decoding keeps every character (a lone surrogate, a
 * second byte order mark in a joined file), so encoding the text again gives the same bytes.
 */
import { asUnreadable, lineAt, unreadable } from './reg-errors';
import type { RegFileEncoding } from './reg-format';
import { decodeAnsi, decodeUtf16le, encodeAnsi, encodeUtf16le } from './text-encoding';

export interface DecodedRegText {
  /** Everything after the byte order mark, exactly. */
  readonly text: string;
  readonly encoding: RegFileEncoding;
  readonly bom: boolean;
}

// ignoreBOM: a byte order mark inside the text is kept as U+FEFF, never dropped.
const utf16Decoder = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf8Decoder = new TextDecoder('utf-8');
const utf8StrictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/**
 * FF FE = UTF-16LE, EF BB BF = UTF-8, otherwise UTF-8 if the bytes are valid UTF-8, else
 * ANSI (Windows-1252). Throws only UnreadableInputError.
 */
export function decodeRegBytes(bytes: Uint8Array, fileName?: string): DecodedRegText {
  try {
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
      if (bytes.length % 2 !== 0) {
        const lines = lineAt(utf16Decoder.decode(bytes.subarray(2, bytes.length - 1)), Infinity);
        throw unreadable(
          fileName,
          lines,
          'the file starts with a UTF-16LE byte order mark but has an odd number of bytes; expected whole UTF-16 characters (is it truncated?)',
        );
      }
      // TextDecoder is fast but turns a lone surrogate into U+FFFD; only then decode exactly,
      // so such a name stays itself (a real U+FFFD in the file just takes the slow path).
      let text = utf16Decoder.decode(bytes.subarray(2));
      if (text.includes('\uFFFD')) text = decodeUtf16le(bytes, 2);
      return { text, encoding: 'utf16le', bom: true };
    }
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
      throw unreadable(
        fileName,
        1,
        'found a UTF-16 big-endian byte order mark; expected UTF-16LE, UTF-8 or ANSI text',
      );
    }
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      try {
        return { text: utf8StrictDecoder.decode(bytes.subarray(3)), encoding: 'utf8', bom: true };
      } catch {
        const loose = utf8Decoder.decode(bytes);
        throw unreadable(
          fileName,
          lineAt(loose, loose.indexOf('\uFFFD')),
          'found bytes that are not valid UTF-8 although the file starts with a UTF-8 byte order mark',
        );
      }
    }
    if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) {
      throw unreadable(
        fileName,
        1,
        'found NUL bytes: this looks like UTF-16 text without its byte order mark (FF FE), or binary data; expected a .reg text file',
      );
    }
    // REGEDIT4 is ANSI by definition (regedit reads it so), even where its bytes happen to
    // be valid UTF-8 too (Windows-1252 "Ù…" = D9 85 = UTF-8 "م").
    if (!startsWithAscii(bytes, 'REGEDIT4')) {
      try {
        return { text: utf8StrictDecoder.decode(bytes), encoding: 'utf8', bom: false };
      } catch {
        // not UTF-8: ANSI below
      }
    }
    return { text: decodeAnsi(bytes), encoding: 'ansi', bom: false };
  } catch (e) {
    throw asUnreadable(e, fileName);
  }
}

/** The bytes of `text` in the file's encoding; ANSI has no byte order mark. */
export function encodeRegText(text: string, encoding: RegFileEncoding, bom: boolean): Uint8Array {
  switch (encoding) {
    case 'utf16le':
      return encodeUtf16le(text, bom);
    case 'utf8': {
      const body = utf8Encoder.encode(text);
      if (!bom) return body;
      const out = new Uint8Array(body.length + 3);
      out.set([0xef, 0xbb, 0xbf]);
      out.set(body, 3);
      return out;
    }
    case 'ansi':
      return encodeAnsi(text);
  }
}

function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}
