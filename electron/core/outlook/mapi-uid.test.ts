import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../registry/reg-value';
import {
  ACCOUNT_MANAGER_SECTION,
  EXCHANGE_GLOBAL_SECTION,
  guidToKeyName,
  keyNameToGuid,
  keyNameToUid,
  OUTLOOK_CLIENT_SECTION,
  uidToKeyName,
} from './mapi-uid';

const bytes = (s: string): Uint8Array => hexToBytes(s.replace(/\s/g, ''));

describe('section key names (reference §2.1, §9.1)', () => {
  it('the Exchange global section GUID, as in MFCMAPI guidtest.cpp', () => {
    expect(guidToKeyName('{C8B0DB13-05AA-1A10-9BB0-00AA002FC45A}')).toBe('13dbb0c8aa05101a9bb000aa002fc45a');
    expect(guidToKeyName('{C8B0DB13-05AA-1A10-9BB0-00AA002FC45A}')).toBe(EXCHANGE_GLOBAL_SECTION);
  });

  it('the Outlook client section GUID (PRF SectionGUID)', () => {
    expect(guidToKeyName('{00020D0A-0000-0000-C000-000000000046}')).toBe('0a0d020000000000c000000000000046');
    expect(guidToKeyName('{00020D0A-0000-0000-C000-000000000046}')).toBe(OUTLOOK_CLIENT_SECTION);
  });

  it('the account manager section keeps Outlook’s mixed case', () => {
    expect(ACCOUNT_MANAGER_SECTION).toBe('9375CFF0413111d3B88A00104B2A6676');
    expect(keyNameToGuid(ACCOUNT_MANAGER_SECTION)).toBe('{F0CF7593-3141-D311-B88A-00104B2A6676}');
  });

  it('a 16-byte UID value gives the key name in byte order', () => {
    expect(uidToKeyName(bytes('13 db b0 c8 aa 05 10 1a 9b b0 00 aa 00 2f c4 5a'))).toBe(
      EXCHANGE_GLOBAL_SECTION,
    );
  });

  it('T19: the legacy emsmdbUID 01023d15 names its section', () => {
    expect(uidToKeyName(bytes('a3 45 f1 e1 fd 57 fc 40 a9 8c 62 65 ae f8 eb bd'))).toBe(
      'a345f1e1fd57fc40a98c6265aef8ebbd',
    );
  });

  it('UIDs that are not 16 bytes have no key name', () => {
    expect(uidToKeyName(new Uint8Array(15))).toBeNull();
    expect(uidToKeyName(new Uint8Array(17))).toBeNull();
    expect(uidToKeyName(new Uint8Array(0))).toBeNull();
    expect(uidToKeyName(new Uint8Array(32))).toBeNull();
  });

  it('key names parse back to UID bytes, any case', () => {
    expect(keyNameToUid(EXCHANGE_GLOBAL_SECTION)).toEqual(bytes('13dbb0c8aa05101a9bb000aa002fc45a'));
    expect(keyNameToUid('13DBB0C8AA05101A9BB000AA002FC45A')).toEqual(
      bytes('13dbb0c8aa05101a9bb000aa002fc45a'),
    );
    expect(uidToKeyName(keyNameToUid(ACCOUNT_MANAGER_SECTION)!)).toBe(ACCOUNT_MANAGER_SECTION.toLowerCase());
  });

  it.each([
    '',
    '13dbb0c8',
    '13dbb0c8aa05101a9bb000aa002fc45',
    '13dbb0c8aa05101a9bb000aa002fc45a0',
    '13dbb0c8aa05101a9bb000aa002fc45g',
    'Profiles',
  ])('rejects key name %j', (name) => {
    expect(keyNameToUid(name)).toBeNull();
    expect(keyNameToGuid(name)).toBeNull();
  });

  it('accepts GUIDs without braces or in lowercase', () => {
    expect(guidToKeyName('c8b0db13-05aa-1a10-9bb0-00aa002fc45a')).toBe(EXCHANGE_GLOBAL_SECTION);
    expect(guidToKeyName(' {c8b0db13-05aa-1a10-9bb0-00aa002fc45a} ')).toBe(EXCHANGE_GLOBAL_SECTION);
  });

  it.each([
    '',
    '{C8B0DB13-05AA-1A10-9BB0-00AA002FC45A',
    'C8B0DB13-05AA-1A10-9BB0-00AA002FC45A}',
    '{C8B0DB1305AA1A109BB000AA002FC45A}',
    '{C8B0DB13-05AA-1A10-9BB0-00AA002FC45Z}',
  ])('rejects GUID %j', (guid) => {
    expect(guidToKeyName(guid)).toBeNull();
  });

  it('GUID ↔ key name round trips', () => {
    expect(keyNameToGuid(EXCHANGE_GLOBAL_SECTION)).toBe('{C8B0DB13-05AA-1A10-9BB0-00AA002FC45A}');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (uid) => {
        const name = uidToKeyName(uid)!;
        expect(guidToKeyName(keyNameToGuid(name)!)).toBe(name);
        expect(keyNameToUid(name)).toEqual(uid);
      }),
      { seed: 3 },
    );
  });
});
