/**
 * A folder collect.cmd wrote on a PC the app cannot run on, through the real CLI: diagnosed
 * like a local PC, never changed from here (a fix kit is made instead).
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exproxy, ROOT } from '../test-support/cli-runner';
import { tempDir } from '../test-support/sample-machines';

const SAMPLE = join(ROOT, 'assets', 'collected', 'XP-ACCT-07-12012026-140509');

function copy(): string {
  const dir = join(tempDir(), 'XP-ACCT-07');
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}

describe('a collected PC', () => {
  it('is diagnosed like a local one (exit 10: both KB820281 findings)', () => {
    const r = exproxy(['diagnose', '--machine', copy(), '--no-network', '--json']);
    expect(r.code, r.err).toBe(10);
    expect(JSON.parse(r.out).findings.map((f: { id: string }) => f.id)).toEqual([
      'proxy-auth-basic',
      'lm-response-sent',
    ]);
  });

  it('is never changed from here: apply and rollback refuse (exit 5) before anything is written', () => {
    const dir = copy();
    const before = snapshot(dir);
    const state = tempDir();
    const apply = exproxy(['apply', 'proxy-auth-ntlm', '--yes', '--machine', dir, '--state', state]);
    expect(apply.code).toBe(5);
    expect(apply.err).toMatch(/collected PC: nothing on it is changed from here/);
    expect(apply.err).toMatch(/kit fix/);
    expect(apply.out).not.toMatch(/Planned changes/);
    expect(exproxy(['rollback', '--last', '--machine', dir, '--state', state]).code).toBe(5);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(state, 'journal'))).toBe(false);
  });

  it('makes a fix kit for it with the same planner, and a PRF', () => {
    const dir = copy();
    const out = tempDir();
    const kit = exproxy([
      'kit',
      'fix',
      'proxy-auth-ntlm',
      'lmcompat-3',
      '--machine',
      dir,
      '--out',
      join(out, 'kit'),
    ]);
    expect(kit.code, kit.err).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'kit', 'kit.json'), 'utf8'));
    expect(manifest.plan.changes.map((c: { name: string }) => c.name)).toEqual([
      '00036627',
      'LmCompatibilityLevel',
    ]);
    const prf = exproxy(['prf', '--profile', 'Outlook', '--out', join(out, 'o.prf'), '--machine', dir]);
    expect(prf.code, prf.err).toBe(0);
    expect(readFileSync(join(out, 'o.prf'), 'latin1')).toContain('RPCProxyAuthScheme=0x0002');
  });
});
