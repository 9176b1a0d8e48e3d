import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { simulatedCredentialStore } from '../../adapters/simulated/simulated-credentials';
import { editedSample, mapiLong } from '../../test-support/edit-sample';
import { copySample } from '../../test-support/sample-machines';
import { scanMachine } from '../diagnosis/scan';
import type { FixId } from '../diagnosis/finding';
import type { PlanRequest } from './fix-planner';
import { planFixes } from './fix-planner';
import { planFingerprint } from './plan-fingerprint';

async function planner(sample: string) {
  const m = SimulatedMachine.load({ machine: copySample(sample).dir });
  const credentials = simulatedCredentialStore(m.factsFile, m.facts.savedCredentials);
  const { report, tree } = await scanMachine(m.registry, m.system, new Date(), undefined, { credentials });
  return {
    report,
    plan: (fixes: FixId[], req: Omit<PlanRequest, 'fixes'> = {}) =>
      planFixes(report, tree, { fixes, ...req }),
  };
}

const SSPI = 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com';
const WMS =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';
// The leftover Outlook 2010 profile's Exchange section in that sample (fidelity-samples.ts).
const LEFTOVER_SECTION = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('planning the cause fixes with the one planner', () => {
  it('clears only the prompt bit, per-user, and says Outlook must restart; the plan stays undoable', async () => {
    const { plan } = await planner('xp-outlook2003-always-prompt');
    const p = plan(['prompt-always-off']);
    expect(p.changes).toEqual([
      expect.objectContaining({
        fix: 'prompt-always-off',
        kind: 'profile-config-flags',
        name: '00036601',
        before: { type: 'REG_BINARY', hex: '8c110000' },
        after: { type: 'REG_BINARY', hex: '84110000' },
        elevated: false,
      }),
    ]);
    expect(p).toMatchObject({
      removals: [],
      skipped: [],
      undoable: true,
      restartOutlook: true,
      needsElevation: false,
    });
    // Planned again on the fixed value: nothing left to do.
    expect(plan(['logon-ntlm']).alreadyDone).toEqual(['logon-ntlm']);
  });

  it('leaves policy-set values alone with the reason, and offers no NTLM switch for Microsoft 365', async () => {
    const { plan } = await planner('win7-outlook2013-policies');
    const p = plan(['prompt-always-off', 'logon-negotiate', 'mapi-http-allow', 'proxy-auth-ntlm']);
    expect(p.changes).toEqual([]);
    expect(p.skipped.map((s) => [s.fix, s.profile, s.reason])).toEqual([
      ['proxy-auth-ntlm', 'Cloud', 'exchange-online'],
      ['prompt-always-off', 'Work', 'policy-sets-value'],
      ['logon-negotiate', 'Work', 'policy-sets-value'],
      ['mapi-http-allow', null, 'policy-sets-value'],
    ]);
    expect(p.skipped[1]!.facts).toMatchObject({
      policyPath: 'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\15.0\\Outlook\\Security',
      policyValue: 1,
    });
    expect(p.alreadyDone).toEqual([]);
    // EnableADAL has no policy copy here: Outlook 2013's switch is planned.
    expect(plan(['modern-auth-2013-on']).changes.map((c) => [c.name, c.before, c.after])).toEqual([
      ['EnableADAL', null, { type: 'REG_DWORD', data: 1 }],
    ]);
  });

  it('plans the modern-auth switches as HKCU writes and deletes (undo puts them back)', async () => {
    const { plan } = await planner('win10-outlook2016-cloud');
    const p = plan(['modern-auth-2016-default', 'msoauth-autodiscover-on', 'mapi-http-allow']);
    expect(p.changes.map((c) => [c.kind, c.name, c.before, c.after])).toEqual([
      ['office-identity', 'EnableADAL', { type: 'REG_DWORD', data: 0 }, null],
      ['exchange-client-option', 'AlwaysUseMSOAuthForAutoDiscover', null, { type: 'REG_DWORD', data: 1 }],
      ['exchange-client-option', 'MapiHttpDisabled', { type: 'REG_DWORD', data: 1 }, null],
    ]);
    expect(p.undoable).toBe(true);
    // Outlook 2013 is not here: its switch has nothing to do, and says why.
    expect(plan(['modern-auth-2013-on']).skipped).toMatchObject([{ reason: 'not-applicable' }]);
  });

  it('removes only the saved sign-ins named, from the listing just taken; the plan is then not undoable', async () => {
    const { plan, report } = await planner('win10-outlook2016-saved-credentials');
    expect(report.savedCredentials!.map((m) => [m.credential.targetName, m.kind, m.staleCandidate])).toEqual([
      [SSPI, 'office-sspi', true],
      ['outlook.contoso.com', 'proxy-host', true],
      ['MicrosoftOffice16_Data:ADAL:7c3a1f52-94e1-4c2b-8d05-3b6f0e9a2d71', 'office-token', false],
    ]);
    // By name (the CLI), in any ASCII case; by name and type (the wizard's pick list).
    const p = plan(['remove-saved-credentials'], { credentials: [{ targetName: SSPI.toUpperCase() }] });
    expect(p.removals).toEqual([
      {
        fix: 'remove-saved-credentials',
        targetName: SSPI,
        type: 1,
        userName: 'CONTOSO\\jsmith',
        undoable: false,
      },
    ]);
    expect(p).toMatchObject({ changes: [], undoable: false, restartOutlook: true });
    const picked = plan(['remove-saved-credentials'], {
      credentials: [{ targetName: 'outlook.contoso.com', type: 2 }],
    });
    expect(picked.removals.map((r) => r.targetName)).toEqual(['outlook.contoso.com']);
    // The fingerprint binds the removals: another pick is another plan.
    expect(await planFingerprint(p)).not.toBe(await planFingerprint(picked));
    // Never without a pick, never an entry that is not a removal candidate, never a wrong type.
    expect(plan(['remove-saved-credentials'])).toMatchObject({
      removals: [],
      undoable: true,
      skipped: [{ fix: 'remove-saved-credentials', reason: 'none-picked' }],
    });
    expect(() =>
      plan(['remove-saved-credentials'], {
        credentials: [{ targetName: 'MicrosoftOffice16_Data:ADAL:7c3a1f52-94e1-4c2b-8d05-3b6f0e9a2d71' }],
      }),
    ).toThrow(/not one of the saved Outlook sign-ins/);
    expect(() =>
      plan(['remove-saved-credentials'], { credentials: [{ targetName: 'git:https://github.com' }] }),
    ).toThrow(/not one of the saved Outlook sign-ins/);
    expect(() =>
      plan(['remove-saved-credentials'], { credentials: [{ targetName: SSPI, type: 2 }] }),
    ).toThrow(/not one of the saved Outlook sign-ins/);
  });

  it('refuses what machine scope, the kit or a contradiction would need', async () => {
    const { plan } = await planner('win10-outlook2016-cloud');
    expect(() => plan(['logon-negotiate', 'logon-ntlm'])).toThrow(/either logon-negotiate or logon-ntlm/);
    expect(() => plan(['prompt-always-off'], { machineWide: true })).toThrow(/machine scope/);
    // A machine whose credentials could not be listed (this sample states none).
    expect(() => plan(['remove-saved-credentials'], { credentials: [{ targetName: SSPI }] })).toThrow(
      /could not be listed/,
    );
  });

  it('never judges or plans a profile left over from an older Outlook unless it is named by its path', async () => {
    const copy = editedSample('win10-m365-c2r-leftover-wms', (t) =>
      t.setValue(`${WMS}\\Outlook\\${LEFTOVER_SECTION}`, '00036601', mapiLong(0x118c)),
    );
    const m = SimulatedMachine.load({ machine: copy.dir });
    const { report, tree } = await scanMachine(m.registry, m.system);
    const leftover = report.profiles.find((p) => p.status === 'leftover')!;
    expect(leftover.keyPath).toBe(`${WMS}\\Outlook`);
    expect(report.findings.filter((f) => f.id === 'prompt-always-on')).toEqual([]);
    expect(planFixes(report, tree, { fixes: ['prompt-always-off'] })).toMatchObject({
      changes: [],
      alreadyDone: ['prompt-always-off'],
    });
    const named = planFixes(report, tree, { fixes: ['prompt-always-off'], profile: leftover.keyPath });
    expect(named.changes.map((c) => [c.profile, c.after])).toEqual([
      ['Outlook', { type: 'REG_BINARY', hex: '84110000' }],
    ]);
  });

  it('skips a value that does not decode instead of rewriting it', async () => {
    const { plan } = await planner('xp-outlook2003-causes');
    expect(plan(['prompt-always-off']).skipped).toMatchObject([
      { profile: 'Damaged', reason: 'value-unreadable' },
    ]);
  });
});
