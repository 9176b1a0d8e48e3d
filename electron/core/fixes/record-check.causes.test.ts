import { describe, expect, it } from 'vitest';
import { mapiLong } from '../../test-support/edit-sample';
import type { FixId } from '../diagnosis/finding';
import type { AllowedWriteKind } from '../registry/allowlist';
import { serializeRegValue, type RegValue } from '../registry/reg-value';
import type { ChangeRecord, RecordedRemoval } from './change-plan';
import { checkRecord } from './record-check';

const SECTION =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook\\a345f1e1fd57fc40a98c6265aef8ebbd';
const IDENTITY = (v: string) => `HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\${v}\\Common\\Identity`;
const EXCHANGE = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Exchange';
const dword = (data: number): RegValue => ({ type: 'REG_DWORD', data });

function record(
  fix: FixId,
  kind: AllowedWriteKind,
  path: string,
  name: string,
  before: RegValue | null,
  after: RegValue | null,
  removals?: RecordedRemoval[],
): ChangeRecord {
  return {
    id: '20260101-000000-abcdef',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    fixes: [fix],
    changes: [
      {
        fix,
        kind,
        profile: 'Outlook',
        account: null,
        path,
        name,
        view: 'default',
        before: before ? serializeRegValue(before) : null,
        after: after ? serializeRegValue(after) : null,
        elevated: false,
      },
    ],
    written: 1,
    state: 'applied',
    restartOutlook: true,
    restartWindows: false,
    ...(removals && { removals }),
  };
}

const flags = (before: RegValue | null, after: RegValue | null) =>
  record('prompt-always-off', 'profile-config-flags', SECTION, '00036601', before, after);
const logon = (before: RegValue | null, after: RegValue | null) =>
  record('logon-negotiate', 'profile-auth-package', SECTION, '00036619', before, after);

describe('journal records of the cause fixes: only the one move each planner makes', () => {
  it('accepts what the planners write', () => {
    expect(() => checkRecord(flags(mapiLong(0x198c), mapiLong(0x1984)))).not.toThrow();
    expect(() => checkRecord(flags(dword(0xc), dword(0x4)))).not.toThrow();
    expect(() => checkRecord(logon(mapiLong(16), mapiLong(9)))).not.toThrow();
    expect(() => checkRecord(logon(mapiLong(0), mapiLong(10)))).not.toThrow();
    const id = (v: string, name: string, b: RegValue | null, a: RegValue | null) =>
      record('modern-auth-2013-on', 'office-identity', IDENTITY(v), name, b, a);
    expect(() => checkRecord(id('15.0', 'EnableADAL', null, dword(1)))).not.toThrow();
    expect(() => checkRecord(id('15.0', 'Version', dword(0), dword(1)))).not.toThrow();
    expect(() => checkRecord(id('16.0', 'EnableADAL', dword(0), null))).not.toThrow();
    const ex = (name: string, b: RegValue | null, a: RegValue | null) =>
      record('mapi-http-allow', 'exchange-client-option', EXCHANGE, name, b, a);
    expect(() => checkRecord(ex('MapiHttpDisabled', dword(1), null))).not.toThrow();
    expect(() => checkRecord(ex('AlwaysUseMSOAuthForAutoDiscover', null, dword(1)))).not.toThrow();
  });

  it('refuses a planted record that would do anything else (nothing is written from it)', () => {
    const planted: [ChangeRecord, RegExp][] = [
      // More than the prompt bit, or a bit that was not set, or a changed type.
      [flags(mapiLong(0x198c), mapiLong(0x0)), /more than the "always prompt" bit/],
      [flags(mapiLong(0x1984), mapiLong(0x1984)), /bit was not set/],
      [flags(mapiLong(0xc), dword(0x4)), /same 4-byte flags/],
      [flags(mapiLong(0xc), null), /same 4-byte flags/],
      // Logon: only None/Kerberos replaced, only by Negotiate/NTLM.
      [logon(mapiLong(10), mapiLong(9)), /only None or Kerberos/],
      [logon(mapiLong(16), mapiLong(16)), /only Negotiate or NTLM/],
      [logon(mapiLong(16), mapiLong(0x8000f001)), /only Negotiate or NTLM/],
      // Identity: 15.0 only set to 1; 16.0 only EnableADAL = 0 removed.
      [
        record('modern-auth-2013-on', 'office-identity', IDENTITY('15.0'), 'EnableADAL', dword(1), dword(0)),
        /only ever set to 1/,
      ],
      [
        record('modern-auth-2016-default', 'office-identity', IDENTITY('16.0'), 'EnableADAL', null, dword(0)),
        /only EnableADAL = 0/,
      ],
      [
        record('modern-auth-2016-default', 'office-identity', IDENTITY('16.0'), 'Version', dword(1), null),
        /only EnableADAL = 0/,
      ],
      // Exchange switches: MapiHttpDisabled only removed, AlwaysUse… only set to 1.
      [
        record('mapi-http-allow', 'exchange-client-option', EXCHANGE, 'MapiHttpDisabled', null, dword(1)),
        /only ever removed/,
      ],
      [
        record(
          'msoauth-autodiscover-on',
          'exchange-client-option',
          EXCHANGE,
          'AlwaysUseMSOAuthForAutoDiscover',
          dword(1),
          null,
        ),
        /only ever set to 1/,
      ],
      // Policy copies are never on the allowlist.
      [
        record(
          'mapi-http-allow',
          'exchange-client-option',
          'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Exchange',
          'MapiHttpDisabled',
          dword(1),
          null,
        ),
        /Refusing to write/,
      ],
    ];
    for (const [r, why] of planted) expect(() => checkRecord(r), String(why)).toThrow(why);
  });

  it('trusts the credential removals it names only as this product would make them', () => {
    const removal = (targetName: string, type = 1): RecordedRemoval => ({
      targetName,
      type,
      userName: 'CONTOSO\\jsmith',
      removed: true,
    });
    const ok = {
      ...flags(mapiLong(0xc), mapiLong(0x4)),
      fixes: ['prompt-always-off', 'remove-saved-credentials'] as FixId[],
      removals: [removal('MicrosoftOffice16_Data:SSPI:jsmith@contoso.com')],
    };
    expect(() => checkRecord(ok)).not.toThrow();
    for (const bad of ['*', '-delete', 'a"b', 'x\u0000y', ' padded'])
      expect(() => checkRecord({ ...ok, removals: [removal(bad)] })).toThrow(/would not remove/);
    expect(() => checkRecord({ ...ok, removals: [removal('mail.contoso.com', 99)] })).toThrow(
      /would not remove/,
    );
    // A removal in a record whose fixes never asked for one.
    expect(() => checkRecord({ ...ok, fixes: ['prompt-always-off'] })).toThrow(/no removal fix/);
  });
});
