import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileMachineLock } from '../adapters/node/file-machine-lock';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import type { HttpProbe } from '../core/proxy-check/http-probe-port';
import type { ProbeResult } from '../core/proxy-check/probe-result';
import { RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../core/registry/allowlist';
import { copySample, tempDir } from '../test-support/sample-machines';
import { simulatedContext } from './machine-context';
import { wizardServiceFor } from '../test-support/wizard-service-builder';

/** A proxy that answers 401 with the given schemes, whatever it is asked. */
function fakeProbe(schemes: string[]): HttpProbe & { calls: number } {
  const probe = {
    calls: 0,
    async probe(url: string): Promise<ProbeResult> {
      probe.calls++;
      return { url, status: 401, schemes, certificate: null, failure: null, elapsedMs: 1 };
    },
  };
  return probe;
}

function setup(sample = 'xp-outlook2003-basic', probe?: HttpProbe) {
  const { dir } = copySample(sample);
  if (probe)
    writeFileSync(
      join(dir, 'machine.json'),
      JSON.stringify({ proxyEndpoints: { 'mail.contoso.com': '127.0.0.1:1' } }),
    );
  const machine = SimulatedMachine.load({ machine: dir });
  const built = wizardServiceFor(simulatedContext(machine), tempDir(), {
    appInfo: () => ({ mode: 'demo', version: 't', scenario: sample, scenarios: [], resumeAtVerify: false }),
    now: () => new Date('2026-11-25T10:00:00Z'),
    probe,
  });
  return { machine, ...built };
}

describe('WizardService', () => {
  it('plans exactly the values that change, before → after, without writing', async () => {
    const { machine, service } = setup();
    const before = readFileSync(machine.registryFile);
    const plan = await service['fix:plan']({ fixes: ['proxy-auth-ntlm', 'lmcompat-3'] });
    expect(plan.changes.map((c) => c.name.toLowerCase())).toEqual(['00036627', 'lmcompatibilitylevel']);
    expect(plan.changes[1]!.before).toBeNull();
    expect(readFileSync(machine.registryFile)).toEqual(before);
  });

  it('saves a ticket report with before and after, in the requested language', async () => {
    const { service, applyFixes } = setup();
    await service['scan:run']();
    const outcome = await applyFixes(['proxy-auth-ntlm', 'lmcompat-3']);
    expect(outcome.status).toBe('applied');
    await service['scan:run']();
    const saved = await service['report:save']({ locale: 'zh-CN' });
    const json = JSON.parse(readFileSync(saved.jsonPath, 'utf8'));
    expect(json.before.findings.map((f: { id: string }) => f.id)).toContain('proxy-auth-basic');
    expect(json.after.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
    expect(json.changes[0].changes).toHaveLength(2);
    expect(readFileSync(saved.htmlPath, 'utf8')).toBe(saved.html);
    expect(saved.html).toContain('lang="zh-CN"');
    expect(saved.summary).toContain('proxy-auth-basic');
  });

  it('registers the resume entry under RunOnce with the ! prefix, and nothing else', async () => {
    const { machine, service } = setup();
    await service['resume:register']();
    expect(machine.tree.getValue(RUN_ONCE_KEY, RESUME_VALUE_NAME)).toEqual({
      type: 'REG_SZ',
      data: '"C:\\Apps\\wizard.exe" --resume-verify',
    });
    expect(RESUME_VALUE_NAME.startsWith('!')).toBe(true);
  });

  it('restarts Windows only with explicit confirmation', async () => {
    const { machine, service } = setup();
    await expect(service['windows:restart']({ confirmed: false as unknown as true })).rejects.toMatchObject({
      kind: 'usage',
    });
    expect(machine.restartRequested).toBe(false);
    await service['windows:restart']({ confirmed: true });
    expect(machine.restartRequested).toBe(true);
  });

  it('reports and toggles the simulated Outlook', async () => {
    const { service, applyFixes } = setup('xp-outlook2003-outlook-running');
    expect(await service['outlook:status']()).toEqual({ running: true });
    await service['demo:set-outlook']({ running: false });
    expect(await service['outlook:status']()).toEqual({ running: false });
    const applied = await applyFixes(['proxy-auth-ntlm']);
    expect(applied.status).toBe('applied');
  });

  it('refuses apply and undo while another run holds the machine lock, and changes nothing', async () => {
    const { machine, service, applyFixes } = setup();
    const before = readFileSync(machine.registryFile);
    // The lock is the machine's (beside its registry file), whatever the state folder.
    const other = await new FileMachineLock(`${machine.registryFile}.lock`).acquire(
      'exproxy apply lmcompat-3',
    );
    await expect(applyFixes(['proxy-auth-ntlm', 'lmcompat-3'])).rejects.toMatchObject({
      kind: 'locked',
      message: expect.stringMatching(
        /Another Exchange Proxy Wizard run is changing this machine \(exproxy apply/,
      ),
    });
    await expect(service['fix:rollback']({ changeId: '20260101-000000-abcdef' })).rejects.toMatchObject({
      kind: 'locked',
    });
    await expect(service.recover()).rejects.toMatchObject({ kind: 'locked' });
    expect(readFileSync(machine.registryFile).equals(before)).toBe(true);
    await other.release();
    expect((await applyFixes(['proxy-auth-ntlm', 'lmcompat-3'])).status).toBe('applied');
  });

  it('two concurrent applies in one process: one applies, the other is refused, never interleaved', async () => {
    const { service, applyFixes } = setup();
    const req = { fixes: ['proxy-auth-ntlm', 'lmcompat-3'] as const };
    const results = await Promise.allSettled([applyFixes([...req.fixes]), applyFixes([...req.fixes])]);
    const applied = results.filter((r) => r.status === 'fulfilled' && r.value.status === 'applied');
    expect(applied).toHaveLength(1);
    const other = results.find((r) => r !== applied[0])!;
    // Refused by the lock, or (if it ran after) nothing left to do.
    // (or it waited, and the plan it was shown no longer fits the machine: nothing written)
    if (other.status === 'rejected') expect(other.reason).toMatchObject({ kind: 'locked' });
    else expect(['nothing-to-do', 'plan-changed']).toContain(other.value.status);
    expect((await service['history:list']()).map((r) => r.state)).toEqual(['applied']);
  });

  it('a proxy that refuses NTLM: neither fix is offered, and plan/apply leave that account alone', async () => {
    const probe = fakeProbe(['basic']);
    const { service, machine, applyFixes } = setup('xp-outlook2003-basic', probe);
    await service['scan:run']();
    const checked = await service['proxy:check']();
    expect(probe.calls).toBe(1);
    const byId = Object.fromEntries(checked.findings.map((f) => [f.id, f.fixes]));
    expect(byId['proxy-offers-no-ntlm']).toEqual([]);
    expect(byId['proxy-auth-basic']).toEqual([]);
    expect(byId['lm-response-sent']).toEqual([]);
    const plan = await service['fix:plan']({ fixes: ['proxy-auth-ntlm'] });
    expect(plan.changes).toEqual([]);
    const before = readFileSync(machine.registryFile);
    expect((await applyFixes(['proxy-auth-ntlm'])).status).toBe('nothing-to-do');
    expect(readFileSync(machine.registryFile)).toEqual(before);
  });

  it('a proxy that offers NTLM keeps the recommended fixes', async () => {
    const { service } = setup('xp-outlook2003-basic', fakeProbe(['negotiate', 'ntlm']));
    await service['scan:run']();
    const checked = await service['proxy:check']();
    expect(checked.findings.find((f) => f.id === 'proxy-auth-basic')!.fixes).toEqual(['proxy-auth-ntlm']);
    expect(checked.proxyChecks).toHaveLength(1);
    expect((await service['fix:plan']({ fixes: ['proxy-auth-ntlm'] })).changes).toHaveLength(1);
  });
});

describe('WizardService: an interrupted change that needs administrator rights', () => {
  it('is finished without asking when one direction needs no administrator rights', async () => {
    const { service, changes, journal } = setup();
    // An earlier run added a host name, then was cut off while undoing it: keeping it applied
    // needs no write at all, so that is what recovery does (the person can undo again).
    const added = await changes.apply({ kind: 'backconnection', host: 'smtp.contoso.com' }, null);
    const record = (await journal.load(added.changeId!))!;
    await journal.save({ ...record, state: 'rolling-back' });
    const status = await service.recover();
    expect(status.awaitingConsent).toEqual([]);
    expect(status.recovered).toEqual([
      { id: record.id, state: 'applied', message: expect.stringMatching(/undo it again/) },
    ]);
  });

  it('otherwise waits at start-up, blocks new changes meanwhile, and is finished only when the person agrees', async () => {
    const { machine, service, journal, applyFixes } = setup();
    // Two machine-wide values in one change, cut off after the first: undoing it or completing
    // it both need an administrator prompt, so nothing happens until the person agrees.
    const lsa = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
    const id = '20260101-000000-c0ffee';
    await journal.save({
      id,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      fixes: ['backconnection-host', 'lmcompat-3'],
      changes: [
        {
          fix: 'backconnection-host',
          kind: 'back-connection-host-names',
          profile: null,
          account: null,
          path: `${lsa}\\MSV1_0`,
          name: 'BackConnectionHostNames',
          view: 'default',
          before: null,
          after: { type: 'REG_MULTI_SZ', data: ['smtp.contoso.com'] },
          elevated: true,
        },
        {
          fix: 'lmcompat-3',
          kind: 'lm-compatibility-level',
          profile: null,
          account: null,
          path: lsa,
          name: 'LmCompatibilityLevel',
          view: 'default',
          before: null,
          after: { type: 'REG_DWORD', data: 3 },
          elevated: true,
        },
      ],
      written: 1,
      state: 'pending',
      restartOutlook: false,
      restartWindows: true,
    });
    await machine.elevated.setValue(`${lsa}\\MSV1_0`, 'BackConnectionHostNames', {
      type: 'REG_MULTI_SZ',
      data: ['smtp.contoso.com'],
    });
    const before = readFileSync(machine.registryFile);

    const status = await service.recover();
    expect(status.awaitingConsent.map((i) => [i.id, i.direction, i.elevated])).toEqual([[id, 'back', true]]);
    expect(await service['recovery:status']()).toEqual(status);
    expect(readFileSync(machine.registryFile).equals(before)).toBe(true);
    // Nothing else changes the machine until the person has decided.
    await expect(applyFixes(['proxy-auth-ntlm'])).rejects.toMatchObject({ kind: 'blocked' });

    const done = await service['recovery:finish']({ id });
    expect(done.awaitingConsent).toEqual([]);
    expect(done.recovered).toEqual([
      { id, state: 'failed-rolled-back', message: 'restored after an interrupted run' },
    ]);
    expect(machine.tree.getValue(`${lsa}\\MSV1_0`, 'BackConnectionHostNames')).toBeUndefined();
    await expect(service['recovery:finish']({ id })).rejects.toMatchObject({ kind: 'usage' });
    expect((await applyFixes(['proxy-auth-ntlm'])).status).toBe('applied');
  });
});
