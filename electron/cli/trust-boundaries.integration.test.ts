/**
 * Issue 15's attacks through the real CLI: a record planted in the state folder, a state folder
 * others may write, links where the journal, backups and log go, and a recovery that would need
 * an administrator's write in a run nobody watches.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord, PlannedChange } from '../core/fixes/change-plan';
import { LSA_KEY, MSV1_0_KEY } from '../core/registry/allowlist';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import { exproxy } from '../test-support/cli-runner';
import { copySample, tempDir } from '../test-support/sample-machines';

const LM: Omit<PlannedChange, 'before' | 'after'> = {
  fix: 'lmcompat-3',
  kind: 'lm-compatibility-level',
  profile: null,
  account: null,
  path: LSA_KEY,
  name: 'LmCompatibilityLevel',
  view: 'default',
  elevated: true,
};
const BCH: Omit<PlannedChange, 'before' | 'after'> = {
  fix: 'backconnection-host',
  kind: 'back-connection-host-names',
  profile: null,
  account: null,
  path: MSV1_0_KEY,
  name: 'BackConnectionHostNames',
  view: 'default',
  elevated: true,
};

function record(
  id: string,
  changes: PlannedChange[],
  state: ChangeRecord['state'] = 'pending',
): ChangeRecord {
  return {
    id,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    fixes: [...new Set(changes.map((c) => c.fix))],
    changes,
    written: changes.length,
    state,
    restartOutlook: false,
    restartWindows: true,
  };
}

/** A PC at LAN Manager level 3 whose fleet run is SYSTEM (machine scope), and its private state folder. */
function fleetPc(facts: Record<string, unknown> = { systemAccount: true }) {
  const s = copySample('xp-outlook2003-basic');
  const m = SimulatedMachine.load({ machine: s.dir });
  const file = join(s.dir, 'machine.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...facts }));
  const state = join(tempDir(), 'ProgramData', 'Exchange Proxy Wizard');
  mkdirSync(join(state, 'journal'), { recursive: true, mode: 0o700 });
  return { ...s, machine: m, state };
}

function plant(state: string, r: ChangeRecord | string, id = typeof r === 'string' ? 'x' : r.id) {
  writeFileSync(join(state, 'journal', `${id}.json`), typeof r === 'string' ? r : JSON.stringify(r));
}

function lsaValues(dir: string) {
  const t = SimulatedMachine.load({ machine: dir }).tree;
  return {
    level: t.getValue(LSA_KEY, 'LmCompatibilityLevel'),
    hosts: t.getValue(MSV1_0_KEY, 'BackConnectionHostNames'),
  };
}

describe('a record planted in the machine-scope state folder', () => {
  it('cannot lower the level or add host names; it is set aside and reported, and later runs go on', async () => {
    const pc = fleetPc();
    await pc.machine.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 });
    // "Undoing" these would write level 0 and an attacker's names: the attack.
    plant(
      pc.state,
      record('20260101-000000-a77ac1', [
        { ...LM, before: { type: 'REG_DWORD', data: 0 }, after: { type: 'REG_DWORD', data: 2 } },
      ]),
    );
    plant(
      pc.state,
      record('20260101-000000-a77ac2', [
        { ...BCH, before: { type: 'REG_MULTI_SZ', data: ['evil.example'] }, after: null },
      ]),
    );
    plant(pc.state, '{"id": "20260101-000000-a77ac3", "state": "pend', '20260101-000000-a77ac3');
    const before = lsaValues(pc.dir);
    const where = ['--machine', pc.dir, '--state', pc.state];
    const first = exproxy(['apply', '--scope', 'machine', ...where]);
    expect(first.code, first.err).toBe(3);
    expect(first.err).toMatch(/could not be trusted/);
    expect(first.err).toContain('20260101-000000-a77ac2');
    expect(first.err).toContain('20260101-000000-a77ac3');
    expect(lsaValues(pc.dir)).toEqual(before);
    const aside = readdirSync(join(pc.state, 'set-aside'));
    expect(
      aside
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, 22))
        .sort(),
    ).toEqual(['20260101-000000-a77ac2', '20260101-000000-a77ac3']);
    // The audit trail names them.
    const log = readFileSync(join(pc.state, 'events.log'), 'utf8');
    expect(log).toContain('set aside a change record it cannot trust');
    // Not blocked forever: the next run works, and the level is still never lowered.
    const second = exproxy(['apply', '--scope', 'machine', '--json', ...where]);
    expect(second.code, second.err).toBe(0);
    expect(JSON.parse(second.out).status).toBe('nothing-to-do');
    expect(lsaValues(pc.dir).level).toEqual({ type: 'REG_DWORD', data: 3 });
    expect(lsaValues(pc.dir).hosts).toBeUndefined();
  });

  it('a planted raise whose undo would lower the level is completed instead, never undone', async () => {
    const pc = fleetPc();
    await pc.machine.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 });
    plant(
      pc.state,
      record('20260101-000000-a77ac4', [
        { ...LM, before: { type: 'REG_DWORD', data: 0 }, after: { type: 'REG_DWORD', data: 3 } },
      ]),
    );
    const r = exproxy(['apply', '--scope', 'machine', '--machine', pc.dir, '--state', pc.state]);
    expect(r.code, r.err).toBe(0);
    expect(lsaValues(pc.dir).level).toEqual({ type: 'REG_DWORD', data: 3 });
    expect(r.err).toMatch(/Finished an interrupted change.*20260101-000000-a77ac4/);
  });
});

describe('the state folder itself', () => {
  const apply = (pc: ReturnType<typeof fleetPc>) =>
    exproxy(['apply', '--scope', 'machine', '--machine', pc.dir, '--state', pc.state]);

  it('machine scope refuses a folder other users may write (exit 5), reading nothing in it', () => {
    const pc = fleetPc();
    plant(pc.state, '{ not even JSON', '20260101-000000-b00001');
    chmodSync(pc.state, 0o777);
    const r = apply(pc);
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/state folder cannot be trusted: .* can be written by other users/);
    // Nothing was read: the damaged record is still where it was, not set aside.
    expect(readdirSync(join(pc.state, 'journal'))).toEqual(['20260101-000000-b00001.json']);
    expect(readFileSync(pc.registryFile).equals(pc.originalBytes)).toBe(true);
  });

  it('links for the backups folder or the event log are refused, never followed', () => {
    for (const entry of ['backups', 'events.log', 'journal']) {
      const pc = fleetPc();
      const elsewhere = join(tempDir(), 'elsewhere');
      mkdirSync(elsewhere);
      writeFileSync(join(elsewhere, 'marker'), 'x');
      if (entry === 'journal') rmSync(join(pc.state, 'journal'), { recursive: true });
      symlinkSync(entry === 'events.log' ? join(elsewhere, 'target.log') : elsewhere, join(pc.state, entry));
      const r = apply(pc);
      expect(r.code, entry).toBe(5);
      expect(r.err, entry).toMatch(/is a link or junction/);
      expect(
        readdirSync(elsewhere).filter((f) => f !== 'marker'),
        entry,
      ).toEqual([]);
      expect(readFileSync(pc.registryFile).equals(pc.originalBytes), entry).toBe(true);
    }
  });
});

describe('a recovery that needs an administrator write', () => {
  function twoElevated(state: string) {
    // Cut off after its first machine-wide write: finishing either way needs administrator rights.
    plant(
      state,
      record('20260101-000000-c0ffe1', [
        { ...BCH, before: null, after: { type: 'REG_MULTI_SZ', data: ['smtp.contoso.com'] } },
        { ...LM, before: null, after: { type: 'REG_DWORD', data: 3 } },
      ]),
    );
  }

  it('an unattended user-scope run does not do it: it says so and changes nothing (exit 5)', async () => {
    const pc = fleetPc({});
    await pc.machine.elevated.setValue(MSV1_0_KEY, 'BackConnectionHostNames', {
      type: 'REG_MULTI_SZ',
      data: ['smtp.contoso.com'],
    });
    twoElevated(pc.state);
    const before = readFileSync(pc.registryFile);
    const r = exproxy(['apply', '--scope', 'user', '--machine', pc.dir, '--state', pc.state]);
    expect(r.code, r.err).toBe(5);
    expect(r.err).toMatch(/needs administrator rights to finish, and nobody agreed/);
    expect(readFileSync(pc.registryFile).equals(before)).toBe(true);
    expect(readFileSync(join(pc.state, 'events.log'), 'utf8')).toContain(
      'left interrupted change 20260101-000000-c0ffe1 for a person',
    );
  });

  it('an interactive run prints exactly what it will write before it does it', async () => {
    const pc = fleetPc({});
    await pc.machine.elevated.setValue(MSV1_0_KEY, 'BackConnectionHostNames', {
      type: 'REG_MULTI_SZ',
      data: ['smtp.contoso.com'],
    });
    twoElevated(pc.state);
    const r = exproxy(['rollback', '--last', '--machine', pc.dir, '--state', pc.state]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(
      /interrupted while changing 20260101-000000-c0ffe1[\s\S]*BackConnectionHostNames: REG_MULTI_SZ \["smtp.contoso.com"\] -> absent/,
    );
    expect(lsaValues(pc.dir).hosts).toBeUndefined();
  });
});
