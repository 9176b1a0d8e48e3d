import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import { scanMachine } from '../diagnosis/scan';
import type { FixId } from '../diagnosis/finding';
import { ExproxyError } from '../errors';
import { LSA_KEY } from '../registry/allowlist';
import { parseRegFile } from '../registry/reg-file';
import { FixEngine } from './fix-engine';
import { planFixes } from './fix-planner';
import { MemoryJournalStore } from './journal-store';

const SECTION =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a';

async function setup(id: string, facts: Record<string, unknown> = {}) {
  const sample = copySample(id);
  if (Object.keys(facts).length > 0) {
    const f = JSON.parse(readFileSync(join(sample.dir, 'machine.json'), 'utf8'));
    writeFileSync(join(sample.dir, 'machine.json'), JSON.stringify({ ...f, ...facts }));
  }
  const machine = SimulatedMachine.load({ machine: sample.dir });
  const journal = new MemoryJournalStore();
  const engine = new FixEngine({ ...machine, journal });
  const plan = async (fixes: FixId[], profile?: string) => {
    const { report, tree } = await scanMachine(machine.registry, machine.system);
    return planFixes(report, tree, { fixes, profile });
  };
  return { sample, machine, journal, engine, plan };
}

describe('planning', () => {
  it('plans KB820281 on XP: auth scheme 01→02 keeping REG_BINARY, LmCompatibilityLevel absent→3 elevated', async () => {
    const { plan } = await setup('xp-outlook2003-basic');
    const p = await plan(['proxy-auth-ntlm', 'lmcompat-3']);
    expect(p.changes).toEqual([
      expect.objectContaining({
        fix: 'proxy-auth-ntlm',
        path: SECTION,
        name: '00036627',
        before: { type: 'REG_BINARY', hex: '01000000' },
        after: { type: 'REG_BINARY', hex: '02000000' },
        elevated: false,
      }),
      expect.objectContaining({
        fix: 'lmcompat-3',
        path: LSA_KEY,
        name: 'LmCompatibilityLevel',
        before: null,
        after: { type: 'REG_DWORD', data: 3 },
        elevated: true,
      }),
    ]);
    expect(p).toMatchObject({
      needsElevation: true,
      restartOutlook: true,
      restartWindows: true,
      alreadyDone: [],
    });
  });

  it('refuses lmcompat alone while the account still uses Basic, and both levels at once', async () => {
    const { plan } = await setup('xp-outlook2003-basic');
    await expect(plan(['lmcompat-3'])).rejects.toThrow(/put proxy-auth-ntlm before it/);
    await expect(plan(['lmcompat-3', 'lmcompat-2'])).rejects.toMatchObject({ kind: 'usage' });
  });

  it('never lowers the level and offers no write under a policy', async () => {
    const fixed = await setup('xp-outlook2003-fixed');
    const p = await fixed.plan(['lmcompat-2']);
    expect(p.changes).toEqual([]);
    expect(p.alreadyDone).toEqual(['lmcompat-2']);
    const policy = await setup('xp-outlook2003-lm-policy');
    await expect(policy.plan(['lmcompat-3'])).rejects.toMatchObject({ kind: 'blocked' });
  });

  it('limits profile fixes to --profile and rejects unknown profiles', async () => {
    const { plan } = await setup('win10-outlook2016-two-accounts');
    expect((await plan(['proxy-auth-ntlm'], 'outlook')).changes).toHaveLength(1);
    await expect(plan(['proxy-auth-ntlm'], 'Nope')).rejects.toMatchObject({ kind: 'usage' });
  });
});

describe('apply, verify, rollback', () => {
  it('applies, verifies, records; rollback gives back the original file bytes', async () => {
    const { sample, machine, engine, plan, journal } = await setup('xp-outlook2003-basic');
    const outcome = await engine.apply(await plan(['proxy-auth-ntlm', 'lmcompat-3']));
    expect(outcome.status).toBe('applied');
    expect(outcome.steps.map((s) => [s.step, s.ok])).toEqual([
      ['journal', true],
      ['backup', true],
      ['write', true],
      ['verify', true],
      ['record', true],
    ]);
    expect(machine.tree.getValue(SECTION, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: new Uint8Array([2, 0, 0, 0]),
    });
    expect(machine.tree.getValue(LSA_KEY, 'LmCompatibilityLevel')).toEqual({ type: 'REG_DWORD', data: 3 });
    // Written back to disk too, still UTF-16LE with BOM.
    const onDisk = readFileSync(sample.registryFile);
    expect([onDisk[0], onDisk[1]]).toEqual([0xff, 0xfe]);
    expect(onDisk.equals(sample.originalBytes)).toBe(false);
    const backup = parseRegFile(journal.backups.get(outcome.changeId!)!);
    expect(backup.keys.flatMap((k) => k.values.map((v) => [v.name, v.value]))).toEqual([
      ['00036627', { type: 'REG_BINARY', data: new Uint8Array([1, 0, 0, 0]) }],
      ['LmCompatibilityLevel', null],
    ]);

    const rb = await engine.rollback(outcome.changeId!);
    expect(rb.status).toBe('rolled-back');
    expect(readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(true);
    expect((await journal.load(outcome.changeId!))!.state).toBe('rolled-back');
    await expect(engine.rollback(outcome.changeId!)).rejects.toMatchObject({ kind: 'usage' });
  });

  it('is idempotent: the second apply has nothing to do', async () => {
    const { engine, plan } = await setup('xp-outlook2003-basic');
    expect((await engine.apply(await plan(['proxy-auth-ntlm', 'lmcompat-3']))).status).toBe('applied');
    const again = await plan(['proxy-auth-ntlm', 'lmcompat-3']);
    expect(again.changes).toEqual([]);
    expect((await engine.apply(again)).status).toBe('nothing-to-do');
  });

  it('declined UAC: nothing changed (the elevated write goes first)', async () => {
    const { sample, engine, plan } = await setup('xp-outlook2003-uac-declined');
    const outcome = await engine.apply(await plan(['proxy-auth-ntlm', 'lmcompat-3']));
    expect(outcome.status).toBe('elevation-declined');
    expect(readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(true);
  });

  it('Outlook running blocks a profile change before anything is written', async () => {
    const { sample, engine, plan, journal } = await setup('xp-outlook2003-outlook-running');
    const outcome = await engine.apply(await plan(['proxy-auth-ntlm']));
    expect(outcome.status).toBe('blocked');
    expect(outcome.reason).toMatch(/Outlook is running/);
    expect(await journal.list()).toEqual([]);
    expect(readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(true);
  });

  it('a failure part-way rolls back what was written', async () => {
    const { sample, machine, engine, plan, journal } = await setup('xp-outlook2003-basic');
    const p = await plan(['proxy-auth-ntlm', 'lmcompat-3']);
    machine.faults.failAtWrite = 2;
    const outcome = await engine.apply(p);
    expect(outcome.status).toBe('failed-rolled-back');
    expect(readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(true);
    expect((await journal.load(outcome.changeId!))!.state).toBe('failed-rolled-back');
  });

  it('refuses to apply when a value moved since the scan', async () => {
    const { machine, engine, plan } = await setup('xp-outlook2003-basic');
    const p = await plan(['proxy-auth-ntlm']);
    await machine.registry.setValue(SECTION, '00036627', {
      type: 'REG_BINARY',
      data: new Uint8Array([0x10, 0, 0, 0]),
    });
    const outcome = await engine.apply(p);
    expect(outcome.status).toBe('blocked');
    expect(outcome.reason).toMatch(/changed since the scan/);
  });

  it('rollback leaves a value alone that someone else changed afterwards', async () => {
    const { machine, engine, plan } = await setup('xp-outlook2003-basic');
    const outcome = await engine.apply(await plan(['proxy-auth-ntlm']));
    await machine.registry.setValue(SECTION, '00036627', {
      type: 'REG_BINARY',
      data: new Uint8Array([0x10, 0, 0, 0]),
    });
    const rb = await engine.rollback(outcome.changeId!);
    expect(rb.status).toBe('blocked');
    expect(machine.tree.getValue(SECTION, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: new Uint8Array([0x10, 0, 0, 0]),
    });
  });

  it('refuses any write outside the allowlist before touching anything', async () => {
    const { machine } = await setup('xp-outlook2003-basic');
    await expect(
      machine.registry.setValue(SECTION, '00036623', { type: 'REG_BINARY', data: new Uint8Array(4) }),
    ).rejects.toBeInstanceOf(ExproxyError);
    await expect(
      machine.registry.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }),
    ).rejects.toMatchObject({ kind: 'not-allowed' });
    // A REG_DWORD above 5 may be written back by an undo (allowlist.ts); other types never.
    await expect(
      machine.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', {
        type: 'REG_BINARY',
        data: new Uint8Array([3, 0, 0, 0]),
      }),
    ).rejects.toMatchObject({
      kind: 'not-allowed',
    });
  });

  it('an interrupted apply whose LAN Manager write was done is completed, never undone by lowering it', async () => {
    const { sample, machine, engine, plan, journal } = await setup('xp-outlook2003-basic');
    const p = await plan(['proxy-auth-ntlm', 'lmcompat-3']);
    // Simulate a crash: the journal says pending and the elevated value (written first) is done.
    await journal.save({
      id: '20260101-000000-abcdef',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      fixes: p.fixes,
      changes: p.changes,
      written: 1,
      state: 'pending',
      restartOutlook: true,
      restartWindows: true,
    });
    await machine.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 });
    const report = await engine.recover();
    expect(report.recovered.map((r) => r.id)).toEqual(['20260101-000000-abcdef']);
    expect(report.setAside).toEqual([]);
    expect(report.awaitingConsent).toEqual([]);
    expect(readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(false);
    expect(machine.tree.getValue(LSA_KEY, 'LmCompatibilityLevel')).toEqual({ type: 'REG_DWORD', data: 3 });
    expect(machine.tree.getValue(SECTION, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: new Uint8Array([2, 0, 0, 0]),
    });
    const rec = (await journal.load('20260101-000000-abcdef'))!;
    expect(rec.state).toBe('applied');
    expect(rec.message).toMatch(/completed after an interrupted run/);
    // It is an ordinary applied change again: the person can still undo it on purpose.
    expect((await engine.rollback(rec.id)).status).toBe('rolled-back');
    expect(readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(true);
  });

  it('an interrupted profile-only apply is undone (per-user writes need no consent)', async () => {
    const { sample, machine, engine, plan, journal } = await setup('xp-outlook2003-basic');
    const p = await plan(['proxy-auth-ntlm']);
    await journal.save({
      id: '20260101-000000-bcdef0',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      fixes: p.fixes,
      changes: p.changes,
      written: 1,
      state: 'pending',
      restartOutlook: true,
      restartWindows: false,
    });
    await machine.registry.setValue(SECTION, '00036627', {
      type: 'REG_BINARY',
      data: new Uint8Array([2, 0, 0, 0]),
    });
    const report = await engine.recover();
    expect(report.recovered).toEqual([
      {
        id: '20260101-000000-bcdef0',
        state: 'failed-rolled-back',
        message: 'restored after an interrupted run',
      },
    ]);
    expect(readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(true);
  });
});
