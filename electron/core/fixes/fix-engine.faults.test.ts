/**
 * Crash safety, measured: every step boundary of an apply and of a rollback (each journal
 * write, the backup, each registry write, each read, each record update) is made to fail once,
 * and separately made the point where the process dies. The points are counted by running
 * once with a counting probe, so a new step in the engine is covered without touching this file.
 *
 * After a failure the engine must have put everything back (registry bytes as before, journal
 * saying so). After a death, the machine and the journal are reloaded from disk and recover()
 * must leave the registry file byte-identical to the original or — only where the journal
 * says the change was applied — to the applied state. Never anything in between.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalFileStore } from '../../adapters/node/journal-file-store';
import { simulatedCredentialStore } from '../../adapters/simulated/simulated-credentials';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import {
  FaultProbe,
  probeCredentials,
  probeElevated,
  probeJournal,
  probeRegistry,
  type FaultMode,
} from '../../test-support/fault-injection';
import { copySample, tempDir } from '../../test-support/sample-machines';
import { recordCount } from '../../test-support/test-counts';
import { scanMachine } from '../diagnosis/scan';
import type { FixId } from '../diagnosis/finding';
import type { ChangePlan, ChangeRecord } from './change-plan';
import { FixEngine } from './fix-engine';
import { planFixes } from './fix-planner';

interface Scenario {
  sample: string;
  fixes: FixId[];
  /** Saved sign-ins put into machine.json, and the ones the plan removes (by name). */
  savedCredentials?: { targetName: string; type: number; userName: string }[];
  remove?: string[];
}

const SCENARIOS: Scenario[] = [
  { sample: 'xp-outlook2003-basic', fixes: ['proxy-auth-ntlm', 'lmcompat-3'] },
  { sample: 'xp-outlook2003-basic', fixes: ['proxy-auth-ntlm'] },
  { sample: 'win10-outlook2016-two-accounts', fixes: ['proxy-auth-ntlm'] },
  { sample: 'xp-outlook2003-ntlm-lm0', fixes: ['lmcompat-3'] },
  // The causes beyond KB820281: per-user switches written as one batch (a write and two deletes),
  {
    sample: 'win10-outlook2016-cloud',
    fixes: ['modern-auth-2016-default', 'msoauth-autodiscover-on', 'mapi-http-allow'],
  },
  // and a registry fix with saved sign-ins removed after it (never undone, always recorded).
  {
    sample: 'xp-outlook2003-always-prompt',
    fixes: ['prompt-always-off', 'remove-saved-credentials'],
    savedCredentials: [
      { targetName: 'MicrosoftOffice11_Data:SSPI:jsmith', type: 1, userName: 'CONTOSO\\jsmith' },
      { targetName: 'mail.contoso.com', type: 2, userName: 'CONTOSO\\jsmith' },
      { targetName: 'unrelated.example', type: 1, userName: 'x' },
    ],
    remove: ['MicrosoftOffice11_Data:SSPI:jsmith', 'mail.contoso.com'],
  },
];
/** The six scenarios have 5+ steps per apply and 4+ per rollback; anything less means lost coverage. */
const FLOOR = 220;

interface World {
  dir: string;
  registryFile: string;
  original: Buffer;
  stateDir: string;
  plan: ChangePlan;
  /** The saved sign-ins before the change (names), or null when the scenario has none. */
  credentials: string[] | null;
}

const credentialsOf = (machine: SimulatedMachine) =>
  simulatedCredentialStore(machine.factsFile, machine.facts.savedCredentials);

async function world(sc: Scenario): Promise<World> {
  const s = copySample(sc.sample);
  if (sc.savedCredentials) {
    const file = join(s.dir, 'machine.json');
    const facts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...facts, savedCredentials: sc.savedCredentials }));
  }
  const machine = SimulatedMachine.load({ machine: s.dir });
  const store = credentialsOf(machine);
  const { report, tree } = await scanMachine(machine.registry, machine.system, new Date(), undefined, {
    credentials: store,
  });
  const plan = planFixes(report, tree, {
    fixes: sc.fixes,
    credentials: sc.remove?.map((targetName) => ({ targetName })),
  });
  expect(plan.changes.length).toBeGreaterThan(0);
  expect(plan.removals.length).toBe(sc.remove?.length ?? 0);
  return {
    dir: s.dir,
    registryFile: s.registryFile,
    original: s.originalBytes,
    stateDir: tempDir(),
    plan,
    credentials: store ? (await store.list()).map((c) => c.targetName) : null,
  };
}

/** The engine of a (re)started process: machine and journal as they are on disk now. */
function engineOf(w: World, probe?: FaultProbe) {
  const machine = SimulatedMachine.load({ machine: w.dir });
  const journal = new JournalFileStore(w.stateDir);
  const credentials = credentialsOf(machine);
  if (!probe) return { engine: new FixEngine({ ...machine, journal, credentials }), journal };
  return {
    engine: new FixEngine({
      registry: probeRegistry(machine.registry, probe),
      elevated: probeElevated(machine.elevated, probe),
      system: machine.system,
      journal: probeJournal(journal, probe),
      credentials: credentials && probeCredentials(credentials, probe),
    }),
    journal,
  };
}

/** The saved sign-ins now (names), read from disk. */
async function credentialsNow(w: World): Promise<string[] | null> {
  const store = credentialsOf(SimulatedMachine.load({ machine: w.dir }));
  return store ? (await store.list()).map((c) => c.targetName) : null;
}

const bytes = (w: World) => readFileSync(w.registryFile);

async function records(w: World): Promise<ChangeRecord[]> {
  return new JournalFileStore(w.stateDir).list();
}

/** Registry is exactly original or exactly applied, and the journal agrees; nothing unfinished. */
async function expectWhole(w: World, applied: Buffer, label: string) {
  const now = bytes(w);
  const rs = await records(w);
  expect(
    rs.filter((r) => r.state === 'pending' || r.state === 'rolling-back'),
    label,
  ).toEqual([]);
  expect(
    rs.filter((r) => r.state === 'needs-attention'),
    label,
  ).toEqual([]);
  if (rs.some((r) => r.state === 'applied'))
    expect(now.equals(applied), `${label}: applied bytes`).toBe(true);
  else expect(now.equals(w.original), `${label}: original bytes`).toBe(true);
  // Saved sign-ins are never put back: the journal must say exactly which are gone.
  if (w.credentials === null) return;
  const left = (await credentialsNow(w))!;
  const recorded = rs.flatMap((r) => r.removals ?? []);
  for (const r of recorded)
    expect(left.includes(r.targetName), `${label}: ${r.targetName} recorded removed=${r.removed}`).toBe(
      !r.removed,
    );
  const gone = w.credentials.filter((c) => !left.includes(c));
  expect(
    gone.every((c) => recorded.some((r) => r.targetName === c && r.removed)),
    `${label}: unrecorded removal`,
  ).toBe(true);
  if (rs.some((r) => r.state === 'applied'))
    expect(
      recorded.every((r) => r.removed),
      `${label}: applied`,
    ).toBe(true);
}

describe.each(SCENARIOS)('fault injection: $sample $fixes', (scenario) => {
  const { sample, fixes } = scenario;
  let applied: Buffer;
  let applySteps: string[] = [];
  let rollbackSteps: string[] = [];
  let survived = 0;

  it('counts the step boundaries of a clean apply and rollback', async () => {
    const w = await world(scenario);
    const probe = new FaultProbe();
    const { engine } = engineOf(w, probe);
    const outcome = await engine.apply(w.plan);
    expect(outcome.status).toBe('applied');
    applySteps = [...probe.steps];
    applied = bytes(w);
    expect(applied.equals(w.original)).toBe(false);
    const rbProbe = new FaultProbe();
    const rb = await engineOf(w, rbProbe).engine.rollback(outcome.changeId!);
    expect(rb.status).toBe('rolled-back');
    rollbackSteps = [...rbProbe.steps];
    expect(bytes(w).equals(w.original)).toBe(true);
    // journal, backup, the writes (per-user ones as one batch where the registry can), reads, the final record.
    // Elevated writes go one by one; the per-user ones are one batch on the simulated registry.
    const writes =
      w.plan.changes.filter((c) => c.elevated).length + (w.plan.changes.some((c) => !c.elevated) ? 1 : 0);
    expect(applySteps.length).toBeGreaterThanOrEqual(4 + writes);
    expect(applySteps).toContain('journal backup');
    // Each removal is a step of its own, after the registry writes, then the store is listed again.
    const removing = applySteps.filter((x) => x.startsWith('credentials remove'));
    expect(removing).toEqual((scenario.remove ?? []).map((t) => `credentials remove ${t}`));
    if (scenario.remove)
      expect(applySteps.indexOf(removing[0]!)).toBeGreaterThan(applySteps.indexOf('journal backup'));
    expect(rollbackSteps.length).toBeGreaterThanOrEqual(3 + w.plan.changes.length);
  });

  it.each(['fail', 'die'] as FaultMode[])('apply: %s at every step', async (mode) => {
    for (let k = 1; k <= applySteps.length + (mode === 'die' ? 1 : 0); k++) {
      const label = `apply ${mode} at ${k} (${applySteps[k - 1] ?? 'after the last step'})`;
      const w = await world(scenario);
      const probe = new FaultProbe(k, mode);
      const result = await engineOf(w, probe)
        .engine.apply(w.plan)
        .catch((e: unknown) => e);
      if (mode === 'fail') {
        // The engine itself puts everything back, and the journal says so.
        expect(bytes(w).equals(w.original), label).toBe(true);
        const rs = await records(w);
        expect(rs.length, label).toBeLessThanOrEqual(1);
        if (rs.length === 1) {
          expect(rs[0]!.state, label).toBe('failed-rolled-back');
          expect(result, label).toMatchObject({ status: 'failed-rolled-back', changeId: rs[0]!.id });
        } else {
          expect(result, label).toBeInstanceOf(Error);
        }
      } else if (k <= applySteps.length) {
        // Whatever the dying process reported does not matter; what is on disk does.
        expect(result, label).toBeInstanceOf(Error);
      } else {
        expect(result, label).toMatchObject({ status: 'applied' });
      }
      // The next start: recover() from what is on disk.
      const recoverProbe = new FaultProbe();
      await engineOf(w, recoverProbe).engine.recover();
      await expectWhole(w, applied, label);
      survived++;
      if (mode === 'die' && k <= applySteps.length) await dieDuringRecovery(k, applied);
    }
  });

  /** The crash leaves a change half done; then recovery itself dies at each of its steps. */
  async function dieDuringRecovery(k: number, appliedBytes: Buffer) {
    const count = await world(scenario);
    await engineOf(count, new FaultProbe(k, 'die'))
      .engine.apply(count.plan)
      .catch(() => undefined);
    const counter = new FaultProbe();
    await engineOf(count, counter).engine.recover();
    for (let j = 1; j <= counter.steps.length; j++) {
      const w = await world(scenario);
      await engineOf(w, new FaultProbe(k, 'die'))
        .engine.apply(w.plan)
        .catch(() => undefined);
      const r = await engineOf(w, new FaultProbe(j, 'die'))
        .engine.recover()
        .catch((e: unknown) => e);
      expect(r).toBeInstanceOf(Error);
      await engineOf(w).engine.recover();
      await expectWhole(
        w,
        appliedBytes,
        `apply died at ${k}, recovery died at ${j} (${counter.steps[j - 1]})`,
      );
      survived++;
    }
  }

  it.each(['fail', 'die'] as FaultMode[])('rollback: %s at every step', async (mode) => {
    for (let k = 1; k <= rollbackSteps.length + (mode === 'die' ? 1 : 0); k++) {
      const label = `rollback ${mode} at ${k} (${rollbackSteps[k - 1] ?? 'after the last step'})`;
      const w = await world(scenario);
      const outcome = await engineOf(w).engine.apply(w.plan);
      expect(outcome.status).toBe('applied');
      const result = await engineOf(w, new FaultProbe(k, mode))
        .engine.rollback(outcome.changeId!)
        .catch((e: unknown) => e);
      if (mode === 'fail') {
        // Either undone completely, or not at all (still applied); the journal says which.
        // (`rolling-back` with every value back: only the final record update failed.)
        const state = (await records(w))[0]!.state;
        const now = bytes(w);
        if (state === 'applied') expect(now.equals(applied), label).toBe(true);
        else {
          expect(['rolled-back', 'rolling-back'], label).toContain(state);
          expect(now.equals(w.original), label).toBe(true);
          expect(result, label).toMatchObject({ status: 'rolled-back' });
        }
      }
      // After a death, only what is on disk counts: the next start recovers from it.
      await engineOf(w).engine.recover();
      await expectWhole(w, applied, label);
      if (k > rollbackSteps.length || mode === 'fail') {
        // A finished rollback, or a failed one that was put back, can be undone (again) cleanly.
        const last = await engineOf(w).engine.lastApplied();
        if (last) expect((await engineOf(w).engine.rollback(last.id)).status, label).toBe('rolled-back');
        expect(bytes(w).equals(w.original), label).toBe(true);
      }
      survived++;
    }
  });

  it('reports the points survived', () => {
    expect(survived).toBeGreaterThan(0);
    totals.push({ sample, fixes, survived, apply: applySteps.length, rollback: rollbackSteps.length });
  });
});

const totals: { sample: string; fixes: FixId[]; survived: number; apply: number; rollback: number }[] = [];

describe('fault points', () => {
  it(`survives at least ${FLOOR} fault points`, () => {
    const n = totals.reduce((a, t) => a + t.survived, 0);
    recordCount('fault-points', 'fault points survived', n, { scenarios: totals });
    expect(totals).toHaveLength(SCENARIOS.length);
    expect(n).toBeGreaterThanOrEqual(FLOOR);
  });
});
