/**
 * The machine lock through the real, bundled CLI: a held lock refuses apply and rollback
 * (exit 5, nothing written), a stale one is taken over with a note, and two CLI processes
 * racing on the same machine never interleave.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { FileMachineLock } from '../adapters/node/file-machine-lock';
import { JournalFileStore } from '../adapters/node/journal-file-store';
import { CLI, exproxy } from '../test-support/cli-runner';
import { copySample, tempDir } from '../test-support/sample-machines';

const FIXES = ['proxy-auth-ntlm', 'lmcompat-3'];

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, EXPROXY_LANG: 'en', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

function machine() {
  const s = copySample('xp-outlook2003-basic');
  const state = tempDir();
  return { ...s, state, where: ['--machine', s.dir, '--state', state] };
}

describe('machine lock (CLI)', () => {
  it('a held lock refuses apply and rollback with exit 5 and a clear message; nothing is written', async () => {
    const m = machine();
    // The lock is the machine's: beside its registry file, whatever the state folder.
    const held = await new FileMachineLock(`${m.registryFile}.lock`).acquire(
      'the wizard: apply proxy-auth-ntlm',
    );
    const apply = exproxy(['apply', ...FIXES, '--yes', ...m.where]);
    expect(apply.code).toBe(5);
    expect(apply.err).toMatch(
      /Another Exchange Proxy Wizard run is changing this machine \(the wizard: apply/,
    );
    expect(apply.err).toMatch(/nothing was changed/);
    const rollback = exproxy(['rollback', '--last', ...m.where]);
    expect(rollback.code).toBe(5);
    expect(readFileSync(m.registryFile).equals(m.originalBytes)).toBe(true);
    expect(await new JournalFileStore(m.state).list()).toEqual([]);
    await held.release();
    expect(exproxy(['apply', ...FIXES, '--yes', ...m.where]).code).toBe(0);
  });

  it('takes over a stale lock left by a dead process, and says so', () => {
    const m = machine();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(
      `${m.registryFile}.lock`,
      JSON.stringify({
        pid: dead,
        host: hostname(),
        time: new Date().toISOString(),
        purpose: 'exproxy apply',
      }),
    );
    const r = exproxy(['apply', ...FIXES, '--yes', ...m.where]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Took over a lock left by process ${dead}, which is no longer running`);
  });

  it('two CLI processes racing on one machine: one applies, the other is refused or finds nothing to do', async () => {
    let refusals = 0;
    const rounds = 6;
    let appliedBytes: Buffer | null = null;
    for (let i = 0; i < rounds; i++) {
      const m = machine();
      const [a, b] = await Promise.all([
        run(['apply', ...FIXES, '--yes', '--json', ...m.where]),
        run(['apply', ...FIXES, '--yes', '--json', ...m.where]),
      ]);
      const results = [a, b];
      const applied = results.filter((r) => r.code === 0 && JSON.parse(r.out).status === 'applied');
      expect(applied, JSON.stringify(results)).toHaveLength(1);
      const other = results.find((r) => r !== applied[0])!;
      if (other.code === 5) {
        // Refused by the lock, or it waited and found the plan it showed no longer fits.
        expect(other.err + other.out).toMatch(
          /Another Exchange Proxy Wizard run is changing this machine|"status": "plan-changed"/,
        );
        refusals++;
      } else {
        expect(other.code).toBe(0);
        expect(JSON.parse(other.out).status).toBe('nothing-to-do');
      }
      const records = await new JournalFileStore(m.state).list();
      expect(records.map((r) => r.state)).toEqual(['applied']);
      const bytes = readFileSync(m.registryFile);
      if (appliedBytes) expect(bytes.equals(appliedBytes)).toBe(true);
      appliedBytes = bytes;

      // And two rollbacks racing: one undoes, the other is refused or finds nothing to undo.
      const [c, d] = await Promise.all([
        run(['rollback', '--last', ...m.where]),
        run(['rollback', '--last', ...m.where]),
      ]);
      expect([c.code, d.code].sort()).toSatisfy(
        (codes: (number | null)[]) => codes[0] === 0 && (codes[1] === 0 || codes[1] === 5),
      );
      if (c.code === 5 || d.code === 5) refusals++;
      expect(readFileSync(m.registryFile).equals(m.originalBytes)).toBe(true);
      expect((await new JournalFileStore(m.state).list()).map((r) => r.state)).toEqual(['rolled-back']);
    }
    console.log(`lock races: ${rounds * 2}, refused by the lock: ${refusals}`);
  });

  it('six runs at once, each with its own --state folder, on one machine: exactly one applies', async () => {
    const m = machine();
    const states = Array.from({ length: 6 }, () => tempDir());
    const results = await Promise.all(
      states.map((state) =>
        run(['apply', ...FIXES, '--yes', '--json', '--machine', m.dir, '--state', state]),
      ),
    );
    const applied = results.filter((r) => r.code === 0 && JSON.parse(r.out).status === 'applied');
    expect(applied, JSON.stringify(results.map((r) => [r.code, r.err]))).toHaveLength(1);
    for (const r of results.filter((x) => x !== applied[0])) {
      if (r.code === 0) expect(JSON.parse(r.out).status).toBe('nothing-to-do');
      else expect(r.code).toBe(5);
    }
    const journals = await Promise.all(states.map((st) => new JournalFileStore(st).list()));
    expect(journals.flat().filter((rec) => rec.state === 'applied')).toHaveLength(1);
  });
});
