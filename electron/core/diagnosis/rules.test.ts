import { describe, expect, it } from 'vitest';
import type { LsaState } from '../lsa/lsa-model';
import type { AuthScheme, OutlookProfile, ProfileStatus } from '../outlook/profile-model';
import { evaluateRules } from './rules';

function profile(status: ProfileStatus, scheme: AuthScheme): OutlookProfile {
  return {
    name: 'Outlook',
    isDefault: status !== 'leftover',
    outlookVersion: null,
    store: 'wms',
    keyPath: 'HKEY_CURRENT_USER\\Software\\X\\Outlook',
    status,
    accounts: [
      {
        section: '13dbb0c8aa05101a9bb000aa002fc45a',
        sectionPath: 'HKEY_CURRENT_USER\\Software\\X\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a',
        accountName: null,
        homeServer: null,
        mailbox: null,
        unreadable: [],
        rpcOverHttp: {
          enabled: true,
          proxyServer: 'mail.contoso.com',
          sslOnly: true,
          mutualAuth: false,
          principalName: null,
          httpFirstOnFast: false,
          httpFirstOnSlow: true,
          authScheme: scheme,
          authSchemeValue: scheme === 'basic' ? 1 : 2,
          flags: 0x23,
          unknownFlags: 0,
        },
      },
    ],
  };
}

const LSA: LsaState = {
  lmCompatibilityLevel: null,
  effectiveLmCompatibilityLevel: 0,
  defaultLmCompatibilityLevel: 0,
  policyManaged: false,
  policyLevel: null,
  backConnectionHostNames: null,
  disableLoopbackCheck: null,
  ntlmMinClientSec: null,
  lmCompatibilityLevelProblem: null,
  lmLevelSource: 'windows-default',
  invalidLmCompatibilityLevel: null,
  seen: true,
};
const INVALID: LsaState = {
  ...LSA,
  lmLevelSource: 'unknown',
  invalidLmCompatibilityLevel: { type: 'REG_SZ', data: '2', replaceable: true },
  lmCompatibilityLevelProblem: 'stored as REG_SZ, not REG_DWORD',
};
const ids = (fs: ReturnType<typeof evaluateRules>) => fs.map((f) => [f.id, f.severity, f.fixes]);

describe('rules on what a scan can and cannot tell', () => {
  it('a leftover profile is never a finding, and never needs the LAN Manager level', () => {
    const f = evaluateRules({ profiles: [profile('leftover', 'basic')], lsa: LSA, outlookRunning: true });
    expect(f.map((x) => [x.id, x.facts])).toEqual([['no-outlook-profiles', { leftoverProfiles: 1 }]]);
  });

  it('a level Windows is not known to use is never "too low"', () => {
    const unknown = { ...LSA, lmLevelSource: 'unknown' as const };
    expect(
      ids(evaluateRules({ profiles: [profile('live', 'ntlm')], lsa: unknown, outlookRunning: false })),
    ).toEqual([]);
    expect(
      ids(evaluateRules({ profiles: [profile('live', 'ntlm')], lsa: LSA, outlookRunning: false })),
    ).toEqual([['lm-response-sent', 'error', ['lmcompat-3', 'lmcompat-2']]]);
  });

  it('an invalid level is a warning with lmcompat-3 where a profile signs in with Windows credentials', () => {
    expect(
      ids(evaluateRules({ profiles: [profile('unknown', 'ntlm')], lsa: INVALID, outlookRunning: false })),
    ).toEqual([['lm-level-invalid', 'warning', ['lmcompat-3']]]);
    // Only a leftover profile uses it: still reported, nothing to fix.
    expect(
      ids(evaluateRules({ profiles: [profile('leftover', 'ntlm')], lsa: INVALID, outlookRunning: false })),
    ).toEqual([
      ['lm-level-invalid', 'info', []],
      ['no-outlook-profiles', 'info', []],
    ]);
    // Under a policy the local value does not count.
    const managed = { ...INVALID, policyManaged: true };
    expect(evaluateRules({ profiles: [], lsa: managed, outlookRunning: false, profilesSeen: false })).toEqual(
      [],
    );
  });

  it('profiles not in the export: no claim that there are none', () => {
    expect(evaluateRules({ profiles: [], lsa: LSA, outlookRunning: false, profilesSeen: false })).toEqual([]);
  });
});
