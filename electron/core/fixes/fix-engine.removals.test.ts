import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatedCredentialStore } from '../../adapters/simulated/simulated-credentials';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import type { CredentialStorePort } from '../causes/credential-port';
import { scanMachine } from '../diagnosis/scan';
import type { FixId } from '../diagnosis/finding';
import { FixEngine } from './fix-engine';
import { planFixes } from './fix-planner';
import { MemoryJournalStore, type JournalStore } from './journal-store';

const SSPI = 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com';
const PROXY = 'outlook.contoso.com';
const TARGETS = [{ targetName: SSPI }, { targetName: PROXY }];

/** The always-prompt PC with the saved sign-ins of the credentials sample: a registry fix and removals in one. */
function combinedPc() {
  const copy = copySample('xp-outlook2003-always-prompt');
  const facts = JSON.parse(readFileSync(join(copy.dir, 'machine.json'), 'utf8')) as Record<string, unknown>;
  facts.savedCredentials = [
    { targetName: 'MicrosoftOffice11_Data:SSPI:jsmith', type: 1, userName: 'CONTOSO\\jsmith' },
    { targetName: 'mail.contoso.com', type: 2, userName: 'CONTOSO\\jsmith' },
  ];
  writeFileSync(join(copy.dir, 'machine.json'), JSON.stringify(facts));
  return copy;
}

async function setup(
  dir: string,
  fixes: FixId[],
  credentials: { targetName: string }[],
  store?: CredentialStorePort,
) {
  const m = SimulatedMachine.load({ machine: dir });
  const real = simulatedCredentialStore(m.factsFile, m.facts.savedCredentials)!;
  const creds = store ?? real;
  const { report, tree } = await scanMachine(m.registry, m.system, new Date(), undefined, {
    credentials: creds,
  });
  const plan = planFixes(report, tree, { fixes, credentials });
  const journal = new MemoryJournalStore();
  const engine = new FixEngine({ ...m, journal, credentials: creds });
  return { m, real, plan, journal, engine };
}

const names = async (s: CredentialStorePort) => (await s.list()).map((c) => c.targetName).sort();

describe('the fix engine and saved-credential removals', () => {
  it('removes after the registry writes, lists again, and records every removal; the undo keeps them removed and says so', async () => {
    const copy = combinedPc();
    const { real, plan, journal, engine } = await setup(
      copy.dir,
      ['prompt-always-off', 'remove-saved-credentials'],
      [{ targetName: 'MicrosoftOffice11_Data:SSPI:jsmith' }, { targetName: 'mail.contoso.com' }],
    );
    expect(plan).toMatchObject({ undoable: false, restartOutlook: true });
    const outcome = await engine.apply(plan);
    expect(outcome.status).toBe('applied');
    expect(outcome.steps.map((s) => s.step)).toEqual([
      'journal',
      'backup',
      'write',
      'verify',
      'remove',
      'record',
    ]);
    expect(outcome.removals!.map((r) => [r.targetName, r.removed])).toEqual([
      ['MicrosoftOffice11_Data:SSPI:jsmith', true],
      ['mail.contoso.com', true],
    ]);
    expect(await real.list()).toEqual([]);
    const record = (await journal.list())[0]!;
    expect(record.removals).toEqual(outcome.removals);
    const rb = await engine.rollback(record.id);
    expect(rb.status).toBe('rolled-back');
    expect(rb.notUndone!.map((r) => r.targetName)).toEqual([
      'MicrosoftOffice11_Data:SSPI:jsmith',
      'mail.contoso.com',
    ]);
    expect(readFileSync(copy.registryFile).equals(copy.originalBytes)).toBe(true);
    expect(await real.list()).toEqual([]);
  });

  it('a change that only removed credentials cannot be undone, and rollback --last passes over it', async () => {
    const { dir } = copySample('win10-outlook2016-saved-credentials');
    const { real, plan, journal, engine } = await setup(dir, ['remove-saved-credentials'], TARGETS);
    const outcome = await engine.apply(plan);
    expect(outcome).toMatchObject({ status: 'applied', backupPath: null });
    expect(outcome.steps.map((s) => s.step)).toEqual(['journal', 'remove', 'record']);
    expect(await names(real)).toEqual(
      ['MicrosoftOffice16_Data:ADAL:7c3a1f52-94e1-4c2b-8d05-3b6f0e9a2d71', 'git:https://github.com'].sort(),
    );
    const id = (await journal.list())[0]!.id;
    expect(await engine.lastApplied()).toBeNull();
    const rb = await engine.rollback(id);
    expect(rb).toMatchObject({ status: 'blocked' });
    expect(rb.reason).toMatch(/cannot be undone/);
    expect((await journal.load(id))!.state).toBe('applied');
  });

  it('a removal that fails puts the registry back and keeps the ones already removed in the journal', async () => {
    const copy = combinedPc();
    const m0 = SimulatedMachine.load({ machine: copy.dir });
    const real = simulatedCredentialStore(m0.factsFile, m0.facts.savedCredentials)!;
    let calls = 0;
    const flaky: CredentialStorePort = {
      name: 'flaky',
      list: () => real.list(),
      remove: async (t, type) => {
        if (++calls === 2) throw new Error('ERROR_ACCESS_DENIED (5)');
        return real.remove(t, type);
      },
    };
    const { plan, journal, engine } = await setup(
      copy.dir,
      ['prompt-always-off', 'remove-saved-credentials'],
      [{ targetName: 'MicrosoftOffice11_Data:SSPI:jsmith' }, { targetName: 'mail.contoso.com' }],
      flaky,
    );
    const outcome = await engine.apply(plan);
    expect(outcome.status).toBe('failed-rolled-back');
    expect(outcome.reason).toMatch(
      /ERROR_ACCESS_DENIED.*MicrosoftOffice11_Data:SSPI:jsmith was removed and cannot be put back/,
    );
    expect(readFileSync(copy.registryFile).equals(copy.originalBytes)).toBe(true);
    const record = (await journal.list())[0]!;
    expect(record.state).toBe('failed-rolled-back');
    expect(record.removals!.map((r) => [r.targetName, r.removed])).toEqual([
      ['MicrosoftOffice11_Data:SSPI:jsmith', true],
      ['mail.contoso.com', false],
    ]);
    expect(await names(real)).toEqual(['mail.contoso.com']);
  });

  it('refuses before anything is written: Outlook open, or no credential store', async () => {
    const { dir } = copySample('win10-outlook2016-saved-credentials');
    const open = await setup(dir, ['remove-saved-credentials'], TARGETS);
    open.m.facts.outlookRunning = true;
    expect(await open.engine.apply(open.plan)).toMatchObject({
      status: 'blocked',
      reason: /Outlook is running/,
    });
    expect(await open.journal.list()).toEqual([]);
    const none = new FixEngine({ ...open.m, journal: new MemoryJournalStore(), credentials: null });
    open.m.facts.outlookRunning = false;
    expect(await none.apply(open.plan)).toMatchObject({ status: 'blocked', reason: /cannot be removed/ });
    expect((await open.real.list()).length).toBe(4);
  });

  it('after a crash during the removals, recovery records which are gone (never redoes or undoes one)', async () => {
    const { dir } = copySample('win10-outlook2016-saved-credentials');
    const m = SimulatedMachine.load({ machine: dir });
    const real = simulatedCredentialStore(m.factsFile, m.facts.savedCredentials)!;
    let calls = 0;
    const dying: CredentialStorePort = {
      name: 'dying',
      list: () => real.list(),
      remove: async (t, type) => {
        if (++calls === 2) throw new Error('process died');
        return real.remove(t, type);
      },
    };
    const { plan, journal } = await setup(dir, ['remove-saved-credentials'], TARGETS, dying);
    // The process dies during the second removal: the journal is left as it was (pending).
    const frozen: JournalStore = {
      save: (r) => (r.state === 'pending' ? journal.save(r) : Promise.resolve()),
      load: (id) => journal.load(id),
      inspect: () => journal.inspect(),
      list: () => journal.list(),
      setAside: (r, why) => journal.setAside(r, why),
      saveBackup: (id, bytes) => journal.saveBackup(id, bytes),
    };
    const dead = new FixEngine({ ...m, credentials: dying, journal: frozen });
    await dead.apply(plan);
    expect((await journal.list())[0]!.state).toBe('pending');
    const next = new FixEngine({ ...m, journal, credentials: real });
    const report = await next.recover();
    expect(report.recovered).toMatchObject([{ state: 'failed-rolled-back' }]);
    expect(report.recovered[0]!.message).toMatch(new RegExp(`${SSPI.replace(/[.]/g, '\\.')} was removed`));
    expect(report.recovered[0]!.message).toMatch(/not removed: outlook\.contoso\.com/);
    expect((await journal.list())[0]!.removals!.map((r) => r.removed)).toEqual([true, false]);
  });
});
