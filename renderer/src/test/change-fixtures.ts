import type { ApplyOutcome, ChangePlan, ChangeRecord, ChangeState, RecoveryItem } from '../contract';
import { LSA, PROFILE_PATH, SECTION } from './machine-fixtures';

/** What the fake main process says binds an apply to PLAN. */
export const PLAN_FINGERPRINT = 'f'.repeat(64);

export const PLAN: ChangePlan = {
  fixes: ['proxy-auth-ntlm', 'lmcompat-3'],
  changes: [
    {
      fix: 'proxy-auth-ntlm',
      kind: 'roh-auth-scheme',
      profile: 'Outlook',
      account: SECTION,
      path: `${PROFILE_PATH}\\${SECTION}`,
      name: '00036627',
      view: 'default',
      before: { type: 'REG_BINARY', hex: '01000000' },
      after: { type: 'REG_BINARY', hex: '02000000' },
      elevated: false,
    },
    {
      fix: 'lmcompat-3',
      kind: 'lm-compatibility-level',
      profile: null,
      account: null,
      path: LSA,
      name: 'LmCompatibilityLevel',
      view: 'default',
      before: null,
      after: { type: 'REG_DWORD', data: 3 },
      elevated: true,
    },
  ],
  removals: [],
  alreadyDone: [],
  skipped: [],
  undoable: true,
  needsElevation: true,
  restartOutlook: true,
  restartWindows: true,
};

const DECLINED_REASON = 'The administrator prompt was declined; nothing was changed.';

/**
 * What the fix engine reports for a plan: every step up to the write, then verify and record
 * when it applied; a declined prompt stops at the write with nothing changed.
 */
export function outcomeOf(
  plan: ChangePlan,
  status: 'applied' | 'elevation-declined',
  changeId: string,
  backupPath: string,
): ApplyOutcome {
  const ok = status === 'applied';
  return {
    status,
    changeId,
    plan,
    steps: [
      { step: 'journal', ok: true },
      { step: 'backup', ok: true },
      { step: 'write', ok },
      ...(ok
        ? [
            { step: 'verify' as const, ok: true },
            { step: 'record' as const, ok: true },
          ]
        : []),
    ],
    reason: ok ? null : DECLINED_REASON,
    backupPath,
    restartOutlook: ok && plan.restartOutlook,
    restartWindows: ok && plan.restartWindows,
  };
}

export const APPLIED = outcomeOf(
  PLAN,
  'applied',
  '20260101-000000-abcdef',
  '/state/backups/20260101-000000-abcdef.reg',
);
export const DECLINED = outcomeOf(
  PLAN,
  'elevation-declined',
  '20260101-000000-dec1ed',
  '/state/backups/x.reg',
);

/** The journal record of an outcome, in the given state. */
export function recordOf(outcome: ApplyOutcome, state: ChangeState): ChangeRecord {
  return {
    id: outcome.changeId!,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:01.000Z',
    fixes: outcome.plan.fixes,
    changes: outcome.plan.changes,
    written: outcome.plan.changes.length,
    state,
    restartOutlook: outcome.plan.restartOutlook,
    restartWindows: outcome.plan.restartWindows,
    ...(outcome.removals ? { removals: outcome.removals } : {}),
  };
}

/** Adding smtp.contoso.com to BackConnectionHostNames (KB914137). */
export const BACKCONNECTION_PLAN: ChangePlan = {
  fixes: ['backconnection-host'],
  changes: [
    {
      fix: 'backconnection-host',
      kind: 'back-connection-host-names',
      profile: null,
      account: null,
      path: `${LSA}\\MSV1_0`,
      name: 'BackConnectionHostNames',
      view: 'default',
      before: null,
      after: { type: 'REG_MULTI_SZ', data: ['smtp.contoso.com'] },
      elevated: true,
    },
  ],
  removals: [],
  alreadyDone: [],
  skipped: [],
  undoable: true,
  needsElevation: true,
  restartOutlook: false,
  restartWindows: false,
};

/**
 * An interrupted change waiting for the person: a BackConnectionHostNames entry whose undo was
 * cut short; finishing it removes the name again, which needs an administrator prompt.
 */
export const INTERRUPTED: RecoveryItem = {
  id: '20260101-000000-rc0001',
  direction: 'back',
  elevated: true,
  writes: [
    {
      ...BACKCONNECTION_PLAN.changes[0]!,
      target: BACKCONNECTION_PLAN.changes[0]!.before,
    },
  ],
};
