import { findAutodiscoverReverts, mergeReverts } from '../../../electron/core/autodiscover/reverted';
import type { ChangePlan, DiagnosisReport } from '../contract';
import { APPLIED, outcomeOf, recordOf } from './change-fixtures';
import { LSA } from './machine-fixtures';
import { sampleReport } from './sample-reports';

/** Section of the Basic account of win10-outlook2016-two-accounts (the first, legacy one). */
export const TWO_ACCOUNTS_BASIC = 'a345f1e1fd57fc40a98c6265aef8ebbd';
const PROFILES_16 = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles';

/** `exproxy apply lmcompat-3` on xp-outlook2003-lm-string, as the planner planned it. */
export const LM_STRING_PLAN: ChangePlan = {
  fixes: ['lmcompat-3'],
  changes: [
    {
      fix: 'lmcompat-3',
      kind: 'lm-compatibility-level',
      profile: null,
      account: null,
      path: LSA,
      name: 'LmCompatibilityLevel',
      view: 'default',
      before: { type: 'REG_SZ', data: '2' },
      after: { type: 'REG_DWORD', data: 3 },
      elevated: true,
    },
  ],
  removals: [],
  alreadyDone: [],
  skipped: [],
  undoable: true,
  needsElevation: true,
  restartOutlook: false,
  restartWindows: true,
};

/** `exproxy apply proxy-auth-ntlm` on win10-outlook2016-two-accounts, as the planner planned it. */
export const TWO_ACCOUNTS_PLAN: ChangePlan = {
  fixes: ['proxy-auth-ntlm'],
  changes: [
    {
      fix: 'proxy-auth-ntlm',
      kind: 'roh-auth-scheme',
      profile: 'Outlook',
      account: TWO_ACCOUNTS_BASIC,
      path: `${PROFILES_16}\\Outlook\\${TWO_ACCOUNTS_BASIC}`,
      name: '00036627',
      view: 'default',
      before: { type: 'REG_BINARY', hex: '01000000' },
      after: { type: 'REG_BINARY', hex: '02000000' },
      elevated: false,
    },
  ],
  removals: [],
  alreadyDone: [],
  skipped: [],
  undoable: true,
  needsElevation: false,
  restartOutlook: true,
  restartWindows: false,
};

/**
 * The two-accounts PC scanned after Outlook restarted and Autodiscover handed Basic back: the
 * account is on Basic again, and the wizard service adds `autodiscover-reverted` (core/autodiscover).
 */
export function revertedAfterRestart(): DiagnosisReport {
  const before = sampleReport('win10-outlook2016-two-accounts');
  const record = recordOf(outcomeOf(TWO_ACCOUNTS_PLAN, 'applied', APPLIED.changeId!, '/b.reg'), 'applied');
  const after = { ...before, scannedAt: '2026-01-01T11:00:00.000Z' };
  return mergeReverts(after, findAutodiscoverReverts(before, record, after));
}
