import { describe, expect, it } from 'vitest';
import type { Finding } from '../contract';
import { credentialPlan, PROMPT_PLAN } from '../test/cause-fixtures';
import { fakeApi, sampleReport } from '../test/fixtures';
import {
  causeFindingView,
  credentialKindText,
  credentialTypeText,
  isCauseFinding,
  notOffered,
  plainValue,
  removalCandidates,
  skipText,
  toggledPicks,
} from './cause-view';
import { createWizardStore } from './wizard-store';

const A = { targetName: 'a.contoso.com', type: 2 };
const SSPI = { targetName: 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com', type: 1 };
const B = { targetName: 'MicrosoftOffice16_Data:SSPI:x@contoso.com', type: 1 };

describe('cause view', () => {
  it('picks each entry once, in the order picked, and unpicks by target and type', () => {
    expect(toggledPicks([], A, true)).toEqual([A]);
    expect(toggledPicks([A], A, true)).toEqual([A]);
    expect(toggledPicks([A, B], A, false)).toEqual([B]);
    // Same name, other type: another entry.
    expect(toggledPicks([A], { ...A, type: 1 }, false)).toEqual([A]);
  });

  it('offers only the entries holding a password Outlook sends (never a token)', () => {
    const report = sampleReport('win10-outlook2016-saved-credentials');
    const all = report.savedCredentials!;
    expect(all.map((m) => m.kind)).toEqual(['office-sspi', 'proxy-host', 'office-token']);
    expect(removalCandidates(report).map((m) => m.kind)).toEqual(['office-sspi', 'proxy-host']);
    expect(removalCandidates(sampleReport('xp-outlook2003-fixed'))).toEqual([]);
    expect(credentialKindText('en', all[1]!)).toBe(
      'Windows sign-in saved for the Exchange proxy outlook.contoso.com',
    );
    expect(credentialTypeText('zh-CN', 2)).not.toBe('2');
    expect(credentialTypeText('en', 99)).toBe('99');
  });

  it('fills the core texts from the facts, and says why a cause offers no fix', () => {
    const report = sampleReport('win7-outlook2013-policies');
    const policy = report.findings.find((f) => f.id === 'logon-policy-kerberos')!;
    expect(isCauseFinding(policy)).toBe(true);
    if (!isCauseFinding(policy)) return;
    expect(causeFindingView('en', policy).why).toContain(
      'AuthenticationService = 16 under HKEY_CURRENT_USER',
    );
    expect(notOffered(policy)).toBe('policy');
    const cloud = report.findings.find((f) => f.id === 'exchange-online-rpc') as Finding & {
      id: 'exchange-online-rpc';
    };
    expect(notOffered(cloud)).toBe('cloud');
    const offered = report.findings.find((f) => f.id === 'modern-auth-off-2013') as Finding & {
      id: 'modern-auth-off-2013';
    };
    expect(notOffered(offered)).toBeNull();
    expect(isCauseFinding(report.findings.find((f) => f.id === 'exchange-online-rpc')!)).toBe(true);
    expect(isCauseFinding({ ...offered, id: 'proxy-auth-basic' })).toBe(false);
  });

  it('explains a skip in the language asked', () => {
    const skip = credentialPlan([]).skipped[0]!;
    expect(skipText('en', skip)).toContain('no saved sign-in was picked');
    expect(skipText('zh-CN', skip)).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('cause values in words', () => {
  const change = PROMPT_PLAN.changes[0]!;
  it('"always prompt" by its bit, every other bit ignored', () => {
    expect(plainValue(change, 'before')).toEqual({ key: 'causes.value.promptOn' });
    expect(plainValue(change, 'after')).toEqual({ key: 'causes.value.promptOff' });
  });

  it('logon security by name, an unknown number kept; absent and plain numbers as they are', () => {
    const logon = { ...change, kind: 'profile-auth-package' as const, name: '00036619' };
    expect(plainValue({ ...logon, before: { type: 'REG_BINARY', hex: '10000000' } }, 'before')).toEqual({
      key: 'causes.value.logon.kerberos',
      values: { value: 16 },
    });
    expect(plainValue({ ...logon, after: { type: 'REG_DWORD', data: 7 } }, 'after')).toEqual({
      key: 'causes.value.logon.other',
      values: { value: 7 },
    });
    const sw = {
      ...change,
      kind: 'exchange-client-option' as const,
      before: null,
      after: { type: 'REG_DWORD' as const, data: 1 },
    };
    expect(plainValue(sw, 'before')).toEqual({ key: 'causes.value.absent' });
    expect(plainValue(sw, 'after')).toEqual({ text: '1' });
  });
});

describe('credential picks in the store', () => {
  it('start empty at each scan, are sent only with their fix, and bind the apply', async () => {
    const fake = fakeApi({
      reports: { before: sampleReport('win10-outlook2016-saved-credentials') },
      plan: (c) => credentialPlan(c, PROMPT_PLAN),
    });
    const store = createWizardStore({ api: fake.api });
    await store.getState().scan();
    expect(store.getState().credentialPicks).toEqual([]);
    await store.getState().planSelected();
    expect(store.getState().plan).toMatchObject({ removals: [], undoable: true });
    await store.getState().toggleCredential(SSPI, true);
    await store.getState().toggleCredential({ targetName: 'outlook.contoso.com', type: 2 }, true);
    expect(store.getState().plan?.removals).toHaveLength(2);
    expect(store.getState().plan?.undoable).toBe(false);
    await store.getState().apply();
    const apply = fake.calls.find((c) => c.channel === 'fix:apply')!.args[0];
    expect(apply).toMatchObject({
      fixes: ['remove-saved-credentials'],
      credentials: [SSPI, { targetName: 'outlook.contoso.com', type: 2 }],
    });
    // Without the removal among the fixes, no credential goes with the request.
    store.getState().toggleFix('remove-saved-credentials', false);
    store.getState().toggleFix('prompt-always-off', true);
    await store.getState().planSelected();
    expect(fake.calls.filter((c) => c.channel === 'fix:plan').at(-1)!.args[0]).toEqual({
      fixes: ['prompt-always-off'],
    });
    await store.getState().scan();
    expect(store.getState().credentialPicks).toEqual([]);
  });
});
