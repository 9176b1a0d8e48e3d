/**
 * LmCompatibilityLevel is never lowered by any path: the CLI, unattended `--scope machine`,
 * the engine's recovery — only an undo puts back exactly the level our journal recorded.
 * (The wizard's IPC path is fuzzed in services/renderer-attacker.test.ts.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalFileStore } from '../../adapters/node/journal-file-store';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { exproxy } from '../../test-support/cli-runner';
import { copySample, tempDir } from '../../test-support/sample-machines';
import { FixEngine } from '../fixes/fix-engine';
import { LSA_KEY } from '../registry/allowlist';

async function machineAt(level: number | null, facts: Record<string, unknown> = {}) {
  const s = copySample('xp-outlook2003-ntlm-lm0');
  const m = SimulatedMachine.load({ machine: s.dir });
  if (level === null) await m.elevated.deleteValue(LSA_KEY, 'LmCompatibilityLevel');
  else await m.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: level });
  const f = JSON.parse(readFileSync(join(s.dir, 'machine.json'), 'utf8'));
  writeFileSync(join(s.dir, 'machine.json'), JSON.stringify({ ...f, ...facts }));
  return { ...s, state: tempDir() };
}

function levelOf(dir: string): number | undefined {
  const v = SimulatedMachine.load({ machine: dir }).tree.getValue(LSA_KEY, 'LmCompatibilityLevel');
  return v?.type === 'REG_DWORD' ? v.data : undefined;
}

describe('LmCompatibilityLevel is never lowered', () => {
  const cases: [number, string, string[]][] = [];
  for (const level of [0, 1, 2, 3, 4, 5])
    for (const fix of ['lmcompat-2', 'lmcompat-3'])
      cases.push([level, fix, []], [level, fix, ['--scope', 'machine']]);

  it.each(cases)('from level %i, apply %s %j', async (level, fix, extra) => {
    const m = await machineAt(level, extra.length > 0 ? { elevated: true } : {});
    const r = exproxy(['apply', fix, '--yes', '--json', ...extra, '--machine', m.dir, '--state', m.state]);
    expect(r.code, r.err).toBe(0);
    const target = fix === 'lmcompat-3' ? 3 : 2;
    expect(levelOf(m.dir)).toBe(Math.max(level, target));
    expect(JSON.parse(r.out).status).toBe(level >= target ? 'nothing-to-do' : 'applied');
  });

  it('recovery does not lower a level that something else raised after our interrupted change', async () => {
    const m = await machineAt(null);
    const journal = new JournalFileStore(m.state);
    await journal.save({
      id: '20260101-000000-abc123',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      fixes: ['lmcompat-3'],
      changes: [
        {
          fix: 'lmcompat-3',
          kind: 'lm-compatibility-level',
          profile: null,
          account: null,
          path: LSA_KEY,
          name: 'LmCompatibilityLevel',
          view: 'default',
          before: null,
          after: { type: 'REG_DWORD', data: 3 },
          elevated: true,
        },
      ],
      written: 0,
      state: 'pending',
      restartOutlook: false,
      restartWindows: true,
    });
    // An administrator (or a policy) sets level 5 before the next start.
    const machine = SimulatedMachine.load({ machine: m.dir });
    await machine.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 5 });
    const report = await new FixEngine({ ...machine, journal }).recover();
    expect(report.recovered.map((r) => r.id)).toEqual(['20260101-000000-abc123']);
    expect(levelOf(m.dir)).toBe(5);
    const rec = await journal.load('20260101-000000-abc123');
    expect(rec!.state).toBe('needs-attention');
    expect(rec!.message).toMatch(/changed by something else; left alone/);
  });

  it('undo restores exactly the level our journal recorded (the one allowed way down), and only that', async () => {
    const m = await machineAt(1);
    expect(exproxy(['apply', 'lmcompat-3', '--yes', '--machine', m.dir, '--state', m.state]).code).toBe(0);
    expect(levelOf(m.dir)).toBe(3);
    const r = exproxy(['rollback', '--last', '--machine', m.dir, '--state', m.state]);
    expect(r.code, r.err).toBe(0);
    expect(levelOf(m.dir)).toBe(1);
    // If someone raised it further after our change, the undo leaves it alone.
    expect(exproxy(['apply', 'lmcompat-3', '--yes', '--machine', m.dir, '--state', m.state]).code).toBe(0);
    await SimulatedMachine.load({ machine: m.dir }).elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', {
      type: 'REG_DWORD',
      data: 5,
    });
    expect(exproxy(['rollback', '--last', '--machine', m.dir, '--state', m.state]).code).toBe(5);
    expect(levelOf(m.dir)).toBe(5);
  });
});
