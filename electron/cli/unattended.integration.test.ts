import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exproxy } from '../test-support/cli-runner';
import { copySample, tempDir } from '../test-support/sample-machines';

/** A copy of a sample machine with some machine.json facts changed. */
function machineWith(sample: string, facts: Record<string, unknown>) {
  const m = copySample(sample);
  const file = join(m.dir, 'machine.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...facts }));
  return m;
}

function events(state: string) {
  return readFileSync(join(state, 'events.log'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: number; level: string; message: string });
}

describe('unattended fleet runs (--scope)', () => {
  it('user scope: the profile fix as the user, report file, event, and a second run changes nothing', () => {
    const { dir, registryFile } = machineWith('xp-outlook2003-basic', {});
    const state = tempDir();
    const report = join(state, 'out', 'run.json');
    const first = exproxy([
      'apply',
      '--scope',
      'user',
      '--silent',
      '--machine',
      dir,
      '--state',
      state,
      '--report',
      report,
    ]);
    expect(first.code).toBe(0);
    const r1 = JSON.parse(readFileSync(report, 'utf8'));
    expect(r1).toMatchObject({ command: 'apply', scope: 'user', exitCode: 0, fixes: ['proxy-auth-ntlm'] });
    expect(r1.outcome.status).toBe('applied');
    expect(r1.outcome.plan.changes.map((c: { name: string }) => c.name)).toEqual(['00036627']);
    expect(r1.diagnosis.findings.map((f: { id: string }) => f.id)).toContain('proxy-auth-basic');
    const applied = readFileSync(registryFile);

    const second = exproxy([
      'apply',
      '--scope',
      'user',
      '--machine',
      dir,
      '--state',
      state,
      '--report',
      report,
    ]);
    expect(second.code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8')).outcome.status).toBe('nothing-to-do');
    expect(readFileSync(registryFile).equals(applied)).toBe(true);
    expect(events(state).map((e) => e.id)).toEqual([100, 102]);
  });

  it('user scope refuses to run as SYSTEM (exit 5), with the refusal in the event log', () => {
    const { dir, registryFile, originalBytes } = machineWith('xp-outlook2003-basic', { systemAccount: true });
    const state = tempDir();
    const r = exproxy(['apply', '--scope', 'user', '--machine', dir, '--state', state]);
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/runs as SYSTEM/);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
    expect(events(state)).toMatchObject([{ id: 110, level: 'warning' }]);
  });

  it('machine scope without administrator rights exits 4 and writes the JSON report anyway', () => {
    const { dir, registryFile, originalBytes } = machineWith('xp-outlook2003-basic', {});
    const state = tempDir();
    const report = join(state, 'run.json');
    const r = exproxy([
      'apply',
      '--scope',
      'machine',
      '--machine',
      dir,
      '--state',
      state,
      '--report',
      report,
    ]);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/administrator rights/);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({
      exitCode: 4,
      error: { kind: 'elevation-declined' },
    });
  });

  it('machine scope as SYSTEM raises LmCompatibilityLevel without a prompt, says so in the log, is idempotent', () => {
    // SYSTEM has no Outlook profile of its own; the level is set for the whole PC.
    const { dir } = machineWith('xp-outlook2003-basic', { systemAccount: true, uacApproved: false });
    const state = tempDir();
    const first = exproxy(['apply', '--scope', 'machine', '--machine', dir, '--state', state, '--json']);
    expect(first.code).toBe(0);
    const out = JSON.parse(first.out);
    expect(out.status).toBe('applied');
    expect(out.plan.changes).toMatchObject([
      { name: 'LmCompatibilityLevel', after: { type: 'REG_DWORD', data: 3 } },
    ]);
    const [event] = events(state);
    expect(event!.id).toBe(100);
    expect(event!.message).toMatch(/RAISES the LAN Manager authentication level/);
    expect(event!.message).toMatch(/KB820281/);
    const second = exproxy(['apply', '--scope', 'machine', '--machine', dir, '--state', state, '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).status).toBe('nothing-to-do');
  });

  it('keeps fixes in their scope and validates --scope', () => {
    const { dir } = copySample('xp-outlook2003-basic');
    const wrong = exproxy(['apply', 'lmcompat-3', '--scope', 'user', '--machine', dir, '--state', tempDir()]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--scope machine/);
    expect(exproxy(['diagnose', '--scope', 'everything', '--machine', dir]).code).toBe(2);
  });

  it('diagnose --report writes the findings for detection rules (exit 10 while something needs fixing)', () => {
    const { dir } = copySample('xp-outlook2003-basic');
    const report = join(tempDir(), 'diag.json');
    const r = exproxy(['diagnose', '--scope', 'user', '--machine', dir, '--report', report]);
    expect(r.code).toBe(10);
    const j = JSON.parse(readFileSync(report, 'utf8'));
    expect(j.exitCode).toBe(10);
    expect(j.diagnosis.findings.length).toBeGreaterThan(0);
  });

  it('rollback is logged too', () => {
    const { dir, registryFile, originalBytes } = copySample('xp-outlook2003-basic');
    const state = tempDir();
    expect(exproxy(['apply', '--scope', 'user', '--machine', dir, '--state', state]).code).toBe(0);
    expect(exproxy(['rollback', '--last', '--scope', 'user', '--machine', dir, '--state', state]).code).toBe(
      0,
    );
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
    expect(events(state).map((e) => e.id)).toEqual([100, 101]);
  });
});

describe('exproxy prf', () => {
  it('writes a PRF that updates the inspected profile with NTLM and says how to apply it', () => {
    const { dir } = copySample('xp-outlook2003-basic');
    const out = join(tempDir(), 'fix.prf');
    const r = exproxy(['prf', '--profile', 'Outlook', '--out', out, '--machine', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/outlook\.exe \/importprf/);
    const text = readFileSync(out, 'latin1');
    expect(text).toContain('OverwriteProfile=Append');
    expect(text).toContain('RPCProxyAuthScheme=0x0002');
    expect(text).toContain('RPCProxyServer=mail.contoso.com');
  });

  it('needs --profile and --out, and names a missing profile', () => {
    const { dir } = copySample('xp-outlook2003-basic');
    expect(exproxy(['prf', '--machine', dir]).code).toBe(2);
    const r = exproxy(['prf', '--profile', 'Nope', '--out', join(tempDir(), 'x.prf'), '--machine', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No Outlook profile named "Nope"/);
  });
});
