import { describe, expect, it } from 'vitest';
import type { CauseChange, CausePlanPart } from './cause-plan';
import { mergeCausePlans } from './cause-plan';

const change: CauseChange = {
  fix: 'prompt-always-off',
  kind: 'profile-config-flags',
  profile: 'P',
  account: 'a',
  path: 'HKCU\\x',
  name: '00036601',
  view: 'default',
  before: { type: 'REG_BINARY', hex: '0c000000' },
  after: { type: 'REG_BINARY', hex: '04000000' },
  elevated: false,
};
const part = (p: Partial<CausePlanPart> & Pick<CausePlanPart, 'fix'>): CausePlanPart => ({
  changes: [],
  removals: [],
  skipped: [],
  ...p,
});

describe('mergeCausePlans', () => {
  it('is undoable and needs an Outlook restart when only registry values change', () => {
    const plan = mergeCausePlans([
      part({ fix: 'prompt-always-off', changes: [change] }),
      part({ fix: 'logon-negotiate' }),
    ]);
    expect(plan).toMatchObject({
      fixes: ['prompt-always-off', 'logon-negotiate'],
      alreadyDone: ['logon-negotiate'],
      undoable: true,
      restartOutlook: true,
    });
  });

  it('is not undoable as soon as a saved credential would be removed', () => {
    const plan = mergeCausePlans([
      part({ fix: 'prompt-always-off', changes: [change] }),
      part({
        fix: 'remove-saved-credentials',
        removals: [
          { fix: 'remove-saved-credentials', targetName: 't', type: 1, userName: null, undoable: false },
        ],
      }),
    ]);
    expect(plan.undoable).toBe(false);
    expect(plan.alreadyDone).toEqual([]);
  });

  it('does not call a blocked fix "already done"', () => {
    const plan = mergeCausePlans([
      part({
        fix: 'prompt-always-off',
        skipped: [
          { fix: 'prompt-always-off', profile: 'P', account: null, reason: 'policy-sets-value', facts: {} },
        ],
      }),
    ]);
    expect(plan.alreadyDone).toEqual([]);
    expect(plan.restartOutlook).toBe(false);
    expect(plan.skipped).toHaveLength(1);
  });
});
