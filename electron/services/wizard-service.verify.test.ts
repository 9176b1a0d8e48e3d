import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import { PrfRefusedError } from '../core/outlook/prf-refusal';
import { editedSample, mapiLong } from '../test-support/edit-sample';
import { copySample, tempDir } from '../test-support/sample-machines';
import { wizardServiceFor } from '../test-support/wizard-service-builder';
import { simulatedContext } from './machine-context';
import { WizardService } from './wizard-service';

const PROFILE = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook';
const FIRST = 'a345f1e1fd57fc40a98c6265aef8ebbd';
const SECOND = 'c1d2e3f4a5b60718293a4b5c6d7e8f90';

/** The Outlook 2016 sample with a clock that moves on, as a person's session does. */
function setup(dir = copySample('win10-outlook2016-two-accounts').dir, resumeAtVerify = false) {
  const machine = SimulatedMachine.load({ machine: dir });
  let t = Date.parse('2026-11-25T10:00:00Z');
  const built = wizardServiceFor(simulatedContext(machine), tempDir(), {
    now: () => new Date((t += 60_000)),
    appInfo: () => ({ mode: 'demo', version: 't', scenario: null, scenarios: [], resumeAtVerify }),
  });
  return { machine, dir, ...built };
}

/** What Outlook 2016 does at its next start when the server's Autodiscover says Basic. */
const autodiscoverSaysBasic = (m: SimulatedMachine) =>
  m.registry.setValue(`${PROFILE}\\${FIRST}`, '00036627', mapiLong(1));

describe('Verify after the restart: "it went back to Basic"', () => {
  it('reports autodiscover-reverted, withdraws the switch, and puts it in the ticket report', async () => {
    const { machine, service, applyFixes } = setup();
    await service['scan:run']();
    const outcome = await applyFixes(['proxy-auth-ntlm']);
    expect(outcome.status).toBe('applied');
    await autodiscoverSaysBasic(machine);
    const after = await service['scan:run']();
    const reverted = after.findings.filter((f) => f.id === 'autodiscover-reverted');
    expect(reverted).toHaveLength(1);
    expect(reverted[0]).toMatchObject({
      profile: 'Outlook',
      account: FIRST,
      facts: { changeId: outcome.changeId },
    });
    expect(after.findings.find((f) => f.id === 'proxy-auth-basic')!.fixes).toEqual([]);

    const saved = await service['report:save']({ locale: 'zh-CN' });
    const json = JSON.parse(readFileSync(saved.jsonPath, 'utf8'));
    expect(json.autodiscover.reverted.map((f: { id: string }) => f.id)).toEqual(['autodiscover-reverted']);
    expect(json.autodiscover.notices[0].servers[0].commands).toHaveLength(3);
    expect(saved.html).toContain('代理登录方式又变回了基本身份验证');
    expect(saved.html).toContain('-ClientAuthenticationMethod Ntlm');
    expect(saved.summary).toMatch(/autodiscover-reverted \(SET-OUTLOOKANYWHERE\) \[Outlook\]/);
  });

  it('stays quiet when NTLM held', async () => {
    const { service, applyFixes } = setup();
    await service['scan:run']();
    await applyFixes(['proxy-auth-ntlm']);
    const after = await service['scan:run']();
    expect(after.findings.map((f) => f.id)).not.toContain('autodiscover-reverted');
    const saved = await service['report:save']({ locale: 'en' });
    expect(JSON.parse(readFileSync(saved.jsonPath, 'utf8')).autodiscover.reverted).toEqual([]);
  });

  it('says nothing after the change was undone', async () => {
    const { service, applyFixes } = setup();
    await service['scan:run']();
    const outcome = await applyFixes(['proxy-auth-ntlm']);
    await service['fix:rollback']({ changeId: outcome.changeId! });
    const after = await service['scan:run']();
    expect(after.findings.map((f) => f.id)).not.toContain('autodiscover-reverted');
  });

  it('after a Windows restart (a new session reopened at Verify) checks the newest applied change', async () => {
    const first = setup();
    await first.service['scan:run']();
    await first.applyFixes(['proxy-auth-ntlm']);
    await autodiscoverSaysBasic(first.machine);
    // The reopened wizard shares the state folder (journal) with the first session.
    const machine = SimulatedMachine.load({ machine: first.dir });
    const reopened = new WizardService({
      machine: simulatedContext(machine),
      changes: first.changes,
      reportsDir: tempDir(),
      resumeCommand: 'x',
      appInfo: () => ({ mode: 'demo', version: 't', scenario: null, scenarios: [], resumeAtVerify: true }),
      now: () => new Date('2026-11-25T12:00:00Z'),
    });
    // As the renderer does on start: app:info first (it says the wizard was reopened at Verify).
    await reopened['app:info']();
    const after = await reopened['scan:run']();
    expect(after.findings.filter((f) => f.id === 'autodiscover-reverted').map((f) => f.account)).toEqual([
      FIRST,
    ]);
  });
});

describe('prf:save', () => {
  it('writes the PRF for the legacy account', async () => {
    const { service } = setup();
    const saved = await service['prf:save']({ profile: 'Outlook' });
    expect(saved.account).toBe(FIRST);
    expect(saved.notCovered).toEqual([]);
    expect(readFileSync(saved.path, 'latin1')).toContain('RPCProxyAuthScheme=0x0002');
  });

  it('refuses a secondary account on Basic, in the language asked for', async () => {
    const { dir } = editedSample('win10-outlook2016-two-accounts', (t) => {
      t.setValue(`${PROFILE}\\${FIRST}`, '00036627', mapiLong(2));
      t.setValue(`${PROFILE}\\${SECOND}`, '00036627', mapiLong(1));
    });
    const { service } = setup(dir);
    const zh = service['prf:save']({ profile: 'Outlook', locale: 'zh-CN' });
    await expect(zh).rejects.toBeInstanceOf(PrfRefusedError);
    await expect(zh).rejects.toMatchObject({ kind: 'blocked', message: expect.stringContaining('帮我修复') });
    await expect(service['prf:save']({ profile: 'Outlook' })).rejects.toThrow(
      /not the first Exchange account/,
    );
  });
});
