import type { ChangePlan, CredentialPick } from '../contract';
import { sampleReport } from './sample-reports';

const PROMPT_REPORT = sampleReport('xp-outlook2003-always-prompt');
const PROMPT_ACCOUNT = PROMPT_REPORT.findings.find((f) => f.id === 'prompt-always-on')!.account!;
const CREDS_REPORT = sampleReport('win10-outlook2016-saved-credentials');

/** `exproxy apply prompt-always-off` on xp-outlook2003-always-prompt: bit 0x8 of 00036601 cleared. */
export const PROMPT_PLAN: ChangePlan = {
  fixes: ['prompt-always-off'],
  changes: [
    {
      fix: 'prompt-always-off',
      kind: 'profile-config-flags',
      profile: 'Outlook',
      account: PROMPT_ACCOUNT,
      path: `HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook\\${PROMPT_ACCOUNT}`,
      name: '00036601',
      view: 'default',
      before: { type: 'REG_BINARY', hex: '8c110000' },
      after: { type: 'REG_BINARY', hex: '84110000' },
      elevated: false,
    },
  ],
  removals: [],
  alreadyDone: [],
  skipped: [],
  needsElevation: false,
  restartOutlook: true,
  restartWindows: false,
  undoable: true,
};

/**
 * What the planner makes of remove-saved-credentials on win10-outlook2016-saved-credentials: the
 * picked entries (with their user names from the listing), or nothing and the none-picked skip.
 */
export function credentialPlan(picks: readonly CredentialPick[], extra?: ChangePlan): ChangePlan {
  const matches = CREDS_REPORT.savedCredentials ?? [];
  const removals = picks.map((p) => {
    const m = matches.find((x) => x.credential.targetName === p.targetName && x.credential.type === p.type)!;
    return {
      fix: 'remove-saved-credentials' as const,
      targetName: p.targetName,
      type: p.type,
      userName: m.credential.userName,
      undoable: false as const,
    };
  });
  return {
    fixes: [...(extra?.fixes ?? []), 'remove-saved-credentials'],
    changes: extra?.changes ?? [],
    removals,
    alreadyDone: [],
    skipped:
      removals.length === 0
        ? [
            {
              fix: 'remove-saved-credentials',
              profile: null,
              account: null,
              reason: 'none-picked',
              facts: {},
            },
          ]
        : [],
    needsElevation: false,
    restartOutlook: true,
    restartWindows: false,
    undoable: removals.length === 0,
  };
}
