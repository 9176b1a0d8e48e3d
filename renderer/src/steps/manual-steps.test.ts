import { describe, expect, it } from 'vitest';
import type { ChangePlan } from '../contract';
import { credentialPlan, PROMPT_PLAN } from '../test/cause-fixtures';
import { PLAN } from '../test/fixtures';
import { manualSteps } from './manual-steps';

const EXCHANGE = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Exchange';

function withChange(patch: Partial<ChangePlan['changes'][number]>): ChangePlan {
  return { ...PROMPT_PLAN, changes: [{ ...PROMPT_PLAN.changes[0]!, ...patch }] };
}

describe('Show me how for the other causes', () => {
  it('"always prompt": close Outlook, clear the box in the Security tab, start Outlook', () => {
    expect(manualSteps(PROMPT_PLAN)).toEqual([
      { key: 'manual.outlook.o1', values: {}, group: 'causes' },
      { key: 'manual.causes.prompt', values: { profile: 'Outlook' }, group: 'causes' },
      { key: 'manual.causes.start', values: {}, group: 'causes' },
    ]);
  });

  it('logon security names the method the plan sets', () => {
    const ntlm = withChange({
      fix: 'logon-ntlm',
      kind: 'profile-auth-package',
      name: '00036619',
      after: { type: 'REG_BINARY', hex: '0a000000' },
    });
    expect(manualSteps(ntlm).map((s) => s.key)).toContain('manual.causes.logon.ntlm');
    const nego = withChange({
      fix: 'logon-negotiate',
      kind: 'profile-auth-package',
      after: { type: 'REG_DWORD', data: 9 },
    });
    expect(manualSteps(nego).map((s) => s.key)).toContain('manual.causes.logon.negotiate');
  });

  it('per-user switches are set or deleted in regedit, with their path and name', () => {
    const on = withChange({
      fix: 'msoauth-autodiscover-on',
      kind: 'exchange-client-option',
      profile: null,
      path: EXCHANGE,
      name: 'AlwaysUseMSOAuthForAutoDiscover',
      before: null,
      after: { type: 'REG_DWORD', data: 1 },
    });
    expect(manualSteps(on)[1]).toEqual({
      key: 'manual.causes.value',
      values: { path: EXCHANGE, name: 'AlwaysUseMSOAuthForAutoDiscover', data: 1 },
      group: 'causes',
    });
    const off = withChange({
      fix: 'mapi-http-allow',
      kind: 'exchange-client-option',
      path: EXCHANGE,
      name: 'MapiHttpDisabled',
      before: { type: 'REG_DWORD', data: 1 },
      after: null,
    });
    expect(manualSteps(off)[1]).toMatchObject({
      key: 'manual.causes.delete',
      values: { name: 'MapiHttpDisabled' },
    });
  });

  it('each picked saved sign-in is removed in Credential Manager; no pick, no step', () => {
    const plan = credentialPlan([{ targetName: 'outlook.contoso.com', type: 2 }]);
    expect(manualSteps(plan).filter((s) => s.key === 'manual.causes.credential')).toEqual([
      { key: 'manual.causes.credential', values: { target: 'outlook.contoso.com' }, group: 'causes' },
    ]);
    expect(manualSteps(credentialPlan([]))).toEqual([]);
  });

  it("KB820281's steps are unchanged, and Outlook is closed once when both are planned", () => {
    expect(manualSteps(PLAN).every((s) => s.group !== 'causes')).toBe(true);
    const both = { ...PLAN, changes: [...PLAN.changes, ...PROMPT_PLAN.changes] };
    const keys = manualSteps(both).map((s) => s.key);
    expect(keys.filter((k) => k === 'manual.outlook.o1')).toHaveLength(1);
    expect(keys).toContain('manual.causes.prompt');
  });
});
