/**
 * Reads how a value's data was written (`dword:3` or `dword:00000003`, `hex:` or `hex(3):`,
 * upper- or lower-case digits, `, ` between bytes, the continuation indent), so a changed
 * value is written back the same way. Then a change and its undo give the original line back
 * even in a file we did not write and even across processes (an apply and a later rollback).
 */
import type { DataStyle } from './reg-writer';

const DWORD_TAG = /^dword:[ \t]*/i;
const HEX_TAG = /^hex(?:\(([0-9a-f]{1,8})\))?:/i;
/** Two bytes on one line and what separates them. */
const SEPARATOR = /^[ \t]*[0-9a-fA-F]{2}([ \t]*,[ \t]*)[0-9a-fA-F]{2}/;

/** `data` is the value's data as written, from after `=` to before any trailing comment. */
export function dataStyleOf(data: string, continuationIndent: string | null): DataStyle {
  const base = { tag: '', hexKind: -1, digits: 8, upper: false, separator: ',', continuationIndent };
  const c = data.charCodeAt(0);
  if (c === 34 /* " */) return { ...base, form: 'string' };
  if (c === 45 /* - */) return { ...base, form: 'delete' };
  const dword = DWORD_TAG.exec(data);
  if (dword) {
    const digits = data.slice(dword[0].length);
    // Zero-padded ("00000003", "03") keeps its width; "3" or "10" stays as short as it can be.
    // (Eight digits count as padded, as regedit writes them: a short dword changed to a value
    // that needs all eight comes back padded after an undo in a later process.)
    const padded = digits.length === 8 || (digits.length > 1 && digits.charCodeAt(0) === 48);
    return {
      ...base,
      form: 'dword',
      tag: dword[0],
      digits: padded ? digits.length : 1,
      upper: isUpper(digits, dword[0]),
    };
  }
  const hex = HEX_TAG.exec(data);
  if (hex) {
    const bytes = data.slice(hex[0].length);
    return {
      ...base,
      form: 'hex',
      tag: hex[0],
      hexKind: hex[1] === undefined ? 3 : parseInt(hex[1], 16),
      upper: isUpper(bytes, hex[0]),
      separator: SEPARATOR.exec(bytes)?.[1] ?? ',',
    };
  }
  return { ...base, form: 'other' };
}

/** Upper-case digits: letters all upper case, or no letters at all and an upper-case tag (`HEX:`). */
function isUpper(digits: string, tag: string): boolean {
  if (/[a-f]/.test(digits)) return false;
  return /[A-F]/.test(digits) || (/[A-Z]/.test(tag) && !/[a-z]/.test(tag));
}
