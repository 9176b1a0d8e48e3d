import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../errors';
import { decodeFactsBytes, parseCollectedAt, parseFactsText } from './facts-file';

const FACTS = [
  'EXPROXY_FACT_FORMAT=1',
  'EXPROXY_FACT_DATE=Tue 12/01/2026',
  'EXPROXY_FACT_TIME=14:05:09.12',
  'EXPROXY_FACT_SHORT_DATE=M/d/yyyy',
  'EXPROXY_FACT_COMPUTER=PC-017',
  'EXPROXY_FACT_ACCOUNT=Zoë & Co',
  'EXPROXY_FACT_DOMAIN=CONTOSO',
  'EXPROXY_FACT_WINDOWS_VER=Microsoft Windows XP [Version 5.1.2600]',
  'EXPROXY_FACT_OUTLOOK=running',
  'EXPROXY_FACT_ADMIN=no',
  'EXPROXY_FACT_REG_VIEW=native',
  'EXPROXY_FACT_ITEM_01=ok|hkcu-profiles.reg|HKCU\\Software\\P',
  'EXPROXY_FACT_ITEM_02=absent|hkcu-office-16.0-outlook.reg|HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook',
  'EXPROXY_FACT_ITEM_03=bogus|x.reg|HKCU\\X',
  'EXPROXY_FACT_SERVER_ITEM_01=appcmd|ok|iis-appcmd-x.txt|Default Web Site/Exchange',
  '',
].join('\r\n');

/** What cmd /u writes: UTF-16LE without a byte order mark. */
function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe('facts.txt', () => {
  it('reads what cmd /u wrote, names and all, exactly', () => {
    const facts = parseFactsText(decodeFactsBytes(utf16(FACTS)));
    expect(facts).toMatchObject({
      computer: 'PC-017',
      account: 'Zoë & Co',
      domain: 'CONTOSO',
      collectedAt: '2026-12-01T14:05:09',
      collectedAtText: 'Tue 12/01/2026 14:05:09.12',
      windowsVer: 'Microsoft Windows XP [Version 5.1.2600]',
      outlook: 'running',
      admin: false,
      registryView: 'native',
      serverMode: false,
    });
    expect(facts.items).toEqual([
      { status: 'ok', file: 'hkcu-profiles.reg', key: 'HKCU\\Software\\P' },
      {
        status: 'absent',
        file: 'hkcu-office-16.0-outlook.reg',
        key: 'HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook',
      },
    ]);
    expect(facts.serverItems).toEqual([
      { kind: 'appcmd', status: 'ok', file: 'iis-appcmd-x.txt', what: 'Default Web Site/Exchange' },
    ]);
  });

  it('also reads UTF-8 and a UTF-16 byte order mark', () => {
    const bom = new Uint8Array([0xff, 0xfe, ...utf16(FACTS)]);
    expect(parseFactsText(decodeFactsBytes(bom)).account).toBe('Zoë & Co');
    expect(parseFactsText(decodeFactsBytes(new TextEncoder().encode(FACTS))).account).toBe('Zoë & Co');
  });

  it('treats facts it does not know as unknown, not as errors', () => {
    const facts = parseFactsText('EXPROXY_FACT_FORMAT=1\r\nEXPROXY_FACT_SOMETHING_NEW=x\r\n');
    expect(facts).toMatchObject({
      computer: null,
      outlook: 'unknown',
      admin: null,
      collectedAt: null,
      items: [],
    });
  });

  it.each([
    ['Tue 12/01/2026', '14:05:09.12', 'M/d/yyyy', '2026-12-01T14:05:09'],
    ['01.12.2026', ' 9:05:03,45', 'dd.MM.yyyy', '2026-12-01T09:05:03'],
    ['2026/12/01 周二', '21:00:00.00', 'yyyy/M/d', '2026-12-01T21:00:00'],
    ['12/1/2026', '10:05 PM', 'M/d/yyyy', '2026-12-01T22:05:00'],
    ['12/1/2026', '12:30 AM', 'M/d/yyyy', '2026-12-01T00:30:00'],
    ['01-12-26', '08:00', 'dd-MM-yy', '2026-12-01T08:00:00'],
    ['01-Dec-26', '08:00', 'dd-MMM-yy', null],
    ['13/13/2026', '08:00', 'M/d/yyyy', null],
  ])('reads %s %s with %s', (date, time, format, expected) => {
    expect(parseCollectedAt(date, time, format)).toBe(expected);
  });

  it('names the file and line of a line that is not NAME=value', () => {
    let error: unknown;
    try {
      parseFactsText('EXPROXY_FACT_FORMAT=1\r\nthis is not a fact\r\n', 'C:\\pc\\facts.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnreadableInputError);
    expect(error).toMatchObject({ file: 'C:\\pc\\facts.txt', line: 2 });
    expect((error as Error).message).toMatch(/line 2: expected EXPROXY_FACT_NAME=value/);
  });

  it('refuses a file that is not from collect.cmd', () => {
    expect(() => parseFactsText('EXPROXY_FACT_COMPUTER=PC\r\n')).toThrow(
      /not a facts file written by collect\.cmd/,
    );
  });
});
