import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import { scanMachine } from '../diagnosis/scan';
import type { ChangeRecord, PlannedChange } from '../fixes/change-plan';
import { revertedText } from './autodiscover-text';
import { findAutodiscoverReverts, findAutodiscoverRevertsIn, mergeReverts } from './reverted';

const FIRST = 'a345f1e1fd57fc40a98c6265aef8ebbd';
const PROFILE_KEY = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook';

async function scan(sample: string, at: string): Promise<DiagnosisReport> {
  const m = SimulatedMachine.load({ machine: copySample(sample).dir });
  return (await scanMachine(m.registry, m.system, new Date(at))).report;
}

/** The scan after Outlook restarted: the same PC, with the given scheme on the first account. */
function withScheme(r: DiagnosisReport, value: number, at: string): DiagnosisReport {
  return {
    ...r,
    scannedAt: at,
    profiles: r.profiles.map((p) => ({
      ...p,
      accounts: p.accounts.map((a) =>
        a.section === FIRST
          ? {
              ...a,
              rpcOverHttp: {
                ...a.rpcOverHttp,
                authSchemeValue: value,
                authScheme:
                  value === 1 ? ('basic' as const) : value === 2 ? ('ntlm' as const) : ('other' as const),
              },
            }
          : a,
      ),
    })),
  };
}

const change = (over: Partial<PlannedChange> = {}): PlannedChange => ({
  fix: 'proxy-auth-ntlm',
  kind: 'roh-auth-scheme',
  profile: 'Outlook',
  account: FIRST,
  path: `${PROFILE_KEY}\\${FIRST}`,
  name: '00036627',
  view: 'default',
  before: { type: 'REG_BINARY', hex: '01000000' },
  after: { type: 'REG_BINARY', hex: '02000000' },
  elevated: false,
  ...over,
});

const record = (over: Partial<ChangeRecord> = {}): ChangeRecord => ({
  id: 'c-20261125-1',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:01.000Z',
  fixes: ['proxy-auth-ntlm'],
  changes: [change()],
  written: 1,
  state: 'applied',
  restartOutlook: true,
  restartWindows: false,
  ...over,
});

describe('"it went back to Basic"', async () => {
  const before = await scan('win10-outlook2016-two-accounts', '2026-11-25T09:59:00Z');
  const afterBasic = withScheme(before, 1, '2026-11-25T10:05:00Z');

  it('finds the account we switched to NTLM on Basic again after the change, and says why and who acts', () => {
    const found = findAutodiscoverReverts(before, record(), afterBasic);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: 'autodiscover-reverted',
      severity: 'error',
      profile: 'Outlook',
      account: FIRST,
      fixes: [],
      facts: {
        proxyServer: 'outlook.contoso.com',
        changeId: 'c-20261125-1',
        outlook: 'Outlook 2016 or later',
        accountName: 'jsmith@contoso.com',
      },
    });
    const en = revertedText(found[0]!, 'en');
    expect(en.why).toContain(
      'Profile "Outlook" was switched to NTLM for outlook.contoso.com (change c-20261125-1)',
    );
    expect(en.who).toMatch(/Exchange administrator/);
    expect(revertedText(found[0]!, 'zh-CN').why).toContain('outlook.contoso.com');
  });

  it('says nothing when the account stayed on NTLM', () => {
    expect(findAutodiscoverReverts(before, record(), withScheme(before, 2, '2026-11-25T10:05:00Z'))).toEqual(
      [],
    );
  });

  it('says nothing when the change was undone, or the scan is not later than the change', () => {
    expect(findAutodiscoverReverts(before, record({ state: 'rolled-back' }), afterBasic)).toEqual([]);
    expect(findAutodiscoverReverts(before, record({ state: 'failed-rolled-back' }), afterBasic)).toEqual([]);
    expect(
      findAutodiscoverReverts(before, record(), { ...afterBasic, scannedAt: '2026-11-25T10:00:00Z' }),
    ).toEqual([]);
  });

  it('only counts changes that really went Basic → NTLM', () => {
    const lm = change({ kind: 'lm-compatibility-level', profile: null, account: null });
    expect(findAutodiscoverReverts(before, record({ changes: [lm] }), afterBasic)).toEqual([]);
    const odd = change({ before: { type: 'REG_BINARY', hex: '10000000' } });
    expect(findAutodiscoverReverts(before, record({ changes: [odd] }), afterBasic)).toEqual([]);
  });

  it('works without the before-scan (the wizard reopened after a Windows restart)', () => {
    expect(findAutodiscoverReverts(null, record(), afterBasic).map((f) => f.account)).toEqual([FIRST]);
  });

  it('never blames Autodiscover on Outlook 2003, which has none', async () => {
    const xp = await scan('xp-outlook2003-basic', '2026-11-25T09:59:00Z');
    const global = xp.profiles[0]!.accounts[0]!.section;
    const r = record({ changes: [change({ account: global })] });
    expect(findAutodiscoverReverts(xp, r, { ...xp, scannedAt: '2026-11-25T10:05:00Z' })).toEqual([]);
  });

  it('reports an account once, from its newest change', () => {
    const older = record({ id: 'c-old', updatedAt: '2026-11-25T09:00:00.000Z' });
    const found = findAutodiscoverRevertsIn(before, [record(), older], afterBasic);
    expect(found.map((f) => f.facts.changeId)).toEqual(['c-20261125-1']);
  });

  it('merged into the scan, withdraws the switch for that account (it would be undone again)', () => {
    const withBasic = {
      ...afterBasic,
      findings: [
        {
          id: 'proxy-auth-basic' as const,
          severity: 'error' as const,
          kb: 'KB820281',
          profile: 'Outlook',
          account: FIRST,
          fixes: ['proxy-auth-ntlm' as const],
          facts: {},
        },
      ],
    };
    const merged = mergeReverts(withBasic, findAutodiscoverReverts(before, record(), withBasic));
    expect(merged.findings.map((f) => [f.id, f.fixes])).toEqual([
      ['proxy-auth-basic', []],
      ['autodiscover-reverted', []],
    ]);
    expect(mergeReverts(withBasic, [])).toBe(withBasic);
  });
});
