import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../errors';
import { RegTree } from '../registry/reg-tree';
import {
  applyListingToTree,
  decodeListingBytes,
  formatRegQueryListing,
  parseRegQueryListing,
} from './reg-query-listing';

const KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
const FULL = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

/** As Windows XP's reg.exe prints it: a version header and tab-separated columns. */
const XP = [
  '',
  '! REG.EXE VERSION 3.0',
  '',
  FULL,
  '    <NO NAME>\tREG_SZ\t',
  '    CurrentVersion\tREG_SZ\t5.1',
  '    ProductName\tREG_SZ\tMicrosoft Windows XP',
  '    InstallDate\tREG_DWORD\t0x4be5019a',
  '',
  `${FULL}\\Winlogon`,
  `${FULL}\\Fonts`,
  '',
].join('\r\n');

/** As Windows 7 and later (and Wine) print it. */
const SEVEN = [
  '',
  FULL,
  '    (Default)    REG_SZ    ',
  '    CurrentVersion    REG_SZ    6.3',
  '    ProductName    REG_SZ    Windows 10 Pro',
  '    CurrentMajorVersionNumber    REG_DWORD    0xa',
  '    Two Words    REG_MULTI_SZ    a\\0b',
  '    DigitalProductId    REG_BINARY    A4000000',
  '    Big    REG_QWORD    0x1f',
  '',
  `${FULL}\\Winlogon`,
  '',
].join('\r\n');

describe('reg query listings', () => {
  it('read Windows XP output (tabs, header, <NO NAME>)', () => {
    const l = parseRegQueryListing(XP, KEY, 'v.txt');
    expect(l.path).toBe(FULL);
    expect(l.values).toEqual([
      { name: 'CurrentVersion', value: { type: 'REG_SZ', data: '5.1' } },
      { name: 'ProductName', value: { type: 'REG_SZ', data: 'Microsoft Windows XP' } },
      { name: 'InstallDate', value: { type: 'REG_DWORD', data: 0x4be5019a } },
    ]);
    expect(l.subkeys).toEqual(['Winlogon', 'Fonts']);
  });

  it('read Windows 7+ output (four spaces, names with spaces, every type)', () => {
    const l = parseRegQueryListing(SEVEN, KEY, 'v.txt');
    expect(l.values).toEqual([
      { name: 'CurrentVersion', value: { type: 'REG_SZ', data: '6.3' } },
      { name: 'ProductName', value: { type: 'REG_SZ', data: 'Windows 10 Pro' } },
      { name: 'CurrentMajorVersionNumber', value: { type: 'REG_DWORD', data: 10 } },
      { name: 'Two Words', value: { type: 'REG_MULTI_SZ', data: ['a', 'b'] } },
      { name: 'DigitalProductId', value: { type: 'REG_BINARY', data: new Uint8Array([0xa4, 0, 0, 0]) } },
      { name: 'Big', value: { type: 'REG_QWORD', data: 31n } },
    ]);
  });

  it('round-trip through the sample writer and into a snapshot', () => {
    const l = parseRegQueryListing(SEVEN, KEY, 'v.txt');
    expect(parseRegQueryListing(formatRegQueryListing(l), KEY, 'again.txt')).toEqual(l);
    const tree = new RegTree();
    applyListingToTree(l, tree);
    expect(tree.getValue(FULL, 'productname')).toEqual({ type: 'REG_SZ', data: 'Windows 10 Pro' });
    expect(tree.getKey(FULL)!.subkeyNames()).toEqual(['Winlogon']);
  });

  it('decode UTF-8 when valid, otherwise ANSI', () => {
    expect(decodeListingBytes(new TextEncoder().encode('Zoë'))).toBe('Zoë');
    expect(decodeListingBytes(new Uint8Array([0x5a, 0x6f, 0xeb]))).toBe('Zoë');
  });

  it('name the file when it is not a listing of the key', () => {
    expect(() => parseRegQueryListing('ERROR: The system was unable to find the key', KEY, 'v.txt')).toThrow(
      UnreadableInputError,
    );
    expect(() => parseRegQueryListing('\r\nHKEY_NOWHERE\\X\r\n', KEY, 'v.txt')).toThrow(/v\.txt line 2/);
  });
});
