import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigFlags } from '../outlook/profile-config-flags';
import { deserializeRegValue } from '../registry/reg-value';
import { contextFromRegBytes } from './fixtures/fixture-context';
import { planPromptAlwaysOff, promptSettingFindings, PROMPT_SETTING_REQUESTS } from './prompt-setting';

const fixtureContext = (name: string) =>
  contextFromRegBytes(readFileSync(join(__dirname, 'fixtures', name)), name);

describe('"Always prompt for logon credentials"', () => {
  it('finds the bit in the Exchange global section (Outlook 2003) and says why', () => {
    const ctx = fixtureContext('xp-outlook2003-causes.reg');
    const findings = promptSettingFindings(ctx);
    expect(findings.filter((f) => f.id === 'prompt-always-on')).toEqual([
      {
        id: 'prompt-always-on',
        severity: 'warning',
        kb: 'POLICY-PROMPT',
        profile: 'Outlook',
        account: '13dbb0c8aa05101a9bb000aa002fc45a',
        fixes: ['prompt-always-off'],
        facts: { flags: 0x0c, policyManaged: false },
      },
    ]);
    // "Travel" has 0x04: no prompt bit, no finding. "Damaged" cannot be read: said, not guessed.
    expect(findings.find((f) => f.profile === 'Travel')).toBeUndefined();
    expect(findings.find((f) => f.profile === 'Damaged')).toMatchObject({
      id: 'cause-value-unreadable',
      facts: { valueName: '00036601' },
    });
  });

  it('finds it in the account section of Outlook 2016 (emsmdbUID chain), only where the bit is set', () => {
    const findings = promptSettingFindings(fixtureContext('win10-outlook2016-cloud.reg'));
    expect(findings.map((f) => [f.id, f.account])).toEqual([
      ['prompt-always-on', 'a345f1e1fd57fc40a98c6265aef8ebbd'],
    ]);
  });

  it('reports a policy that forces prompting, with no fix (PromptForCredentials=1)', () => {
    const findings = promptSettingFindings(fixtureContext('win7-outlook2013-policies.reg'));
    expect(findings).toContainEqual(
      expect.objectContaining({
        id: 'prompt-always-policy',
        profile: 'Work',
        fixes: [],
        facts: {
          policyPath: 'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\15.0\\Outlook\\Security',
          policyValue: 1,
        },
      }),
    );
    expect(findings.some((f) => f.id === 'prompt-always-on')).toBe(false);
  });

  it('plans clearing only bit 0x8, keeping the cached-mode bits, before → after exact', () => {
    const ctx = fixtureContext('win10-outlook2016-cloud.reg');
    const part = planPromptAlwaysOff(ctx);
    expect(part.changes).toHaveLength(1);
    const c = part.changes[0]!;
    expect(c).toMatchObject({
      fix: 'prompt-always-off',
      kind: 'profile-config-flags',
      profile: 'Outlook',
      name: '00036601',
      before: { type: 'REG_BINARY', hex: '8c190000' },
      after: { type: 'REG_BINARY', hex: '84190000' },
      elevated: false,
    });
    expect(readConfigFlags(deserializeRegValue(c.after!))).toMatchObject({ flags: 0x1984 });
    expect(part.skipped).toEqual([]);
  });

  it('leaves a policy-managed profile alone and says so; skips damaged bytes', () => {
    const policy = planPromptAlwaysOff(fixtureContext('win7-outlook2013-policies.reg'));
    expect(policy.changes).toEqual([]);
    expect(policy.skipped).toEqual([
      expect.objectContaining({
        profile: 'Work',
        reason: 'policy-sets-value',
        facts: expect.objectContaining({ policyValue: 1 }),
      }),
    ]);
    const xp = planPromptAlwaysOff(fixtureContext('xp-outlook2003-causes.reg'));
    expect(xp.changes.map((c) => c.profile)).toEqual(['Outlook']);
    expect(xp.skipped).toEqual([expect.objectContaining({ profile: 'Damaged', reason: 'value-unreadable' })]);
  });

  it('honours --profile, and plans nothing once the bit is clear (idempotent)', () => {
    const ctx = fixtureContext('xp-outlook2003-causes.reg');
    expect(planPromptAlwaysOff(ctx, { profile: 'travel' }).changes).toEqual([]);
    const first = planPromptAlwaysOff(ctx, { profile: 'OUTLOOK' });
    expect(first.changes).toHaveLength(1);
    for (const c of first.changes) ctx.tree.setValue(c.path, c.name, deserializeRegValue(c.after!));
    expect(planPromptAlwaysOff(ctx).changes).toEqual([]);
  });

  it('reads only the Outlook Security policy keys, not whole Office trees', () => {
    expect(PROMPT_SETTING_REQUESTS).toHaveLength(5);
    for (const r of PROMPT_SETTING_REQUESTS) {
      expect(r.recursive).toBe(false);
      expect(r.path).toMatch(
        /^HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\1\d\.0\\Outlook\\Security$/,
      );
    }
  });
});
