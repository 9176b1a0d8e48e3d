import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exproxy } from '../test-support/cli-runner';
import { copySample, tempDir } from '../test-support/sample-machines';

function serverMachine() {
  const m = copySample('xp-outlook2003-basic');
  writeFileSync(
    join(m.dir, 'machine.json'),
    JSON.stringify({
      uacApproved: true,
      events: [
        { source: 'EXPROX', id: 1000, time: '2026-11-20T08:15:00Z', message: 'BACKEND01' },
        { source: 'MSExchange OWA', id: 71, time: '2026-11-21T09:00:00Z' },
        { source: 'Userenv', id: 1030 },
      ],
    }),
  );
  return m;
}

describe('exproxy server', () => {
  it('guides: commands filled with validated names, in English or Chinese', () => {
    const r = exproxy([
      'server',
      'guides',
      '--guide',
      'kb914137',
      '--server',
      'EXCH01',
      '--fqdn',
      'smtp.contoso.com',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('setspn -S SMTPSVC/smtp.contoso.com EXCH01');
    expect(r.out).toContain('exproxy server backconnection --host');
    const zh = exproxy(['server', 'guides', '--guide', 'owa-71', '--json'], { EXPROXY_LANG: 'zh-CN' });
    const [guide] = JSON.parse(zh.out);
    expect(guide.id).toBe('owa-71');
    expect(guide.title).toMatch(/[\u4e00-\u9fff]/);
    expect(exproxy(['server', 'guides', '--server', 'EXCH01&calc']).code).toBe(2);
    expect(exproxy(['server', 'guides', '--guide', 'nope']).code).toBe(2);
    expect(exproxy(['server', 'nope']).code).toBe(2);
  });

  it('events: only those a guide explains, each pointing at its guide (exit 10 when found)', () => {
    const { dir } = serverMachine();
    const r = exproxy(['server', 'events', '--machine', dir, '--json']);
    expect(r.code).toBe(10);
    expect(JSON.parse(r.out).map((e: { id: number; guide: string }) => [e.id, e.guide])).toEqual([
      [1000, 'exprox-1000'],
      [71, 'owa-71'],
    ]);
    expect(exproxy(['server', 'events', '--machine', copySample('xp-outlook2003-fixed').dir]).code).toBe(0);
  });

  it('backconnection: merges the name (elevated), is idempotent, rolls back to the original bytes', () => {
    const { dir, registryFile, originalBytes } = serverMachine();
    const state = tempDir();
    const r = exproxy([
      'server',
      'backconnection',
      '--host',
      'smtp.contoso.com',
      '--machine',
      dir,
      '--state',
      state,
      '--yes',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/BackConnectionHostNames: \(absent\) → REG_MULTI_SZ/);
    expect(r.out).toMatch(/net stop iisadmin/);
    const diag = JSON.parse(exproxy(['diagnose', '--machine', dir, '--json']).out);
    expect(diag.lsa.backConnectionHostNames).toEqual(['smtp.contoso.com']);
    const again = exproxy([
      'server',
      'backconnection',
      '--host',
      'SMTP.contoso.com',
      '--machine',
      dir,
      '--state',
      state,
      '--yes',
      '--json',
    ]);
    expect(JSON.parse(again.out).status).toBe('nothing-to-do');
    expect(exproxy(['rollback', '--last', '--machine', dir, '--state', state]).code).toBe(0);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
  });

  it('backconnection refuses hostile host names before anything is written', () => {
    const { dir, registryFile, originalBytes } = serverMachine();
    for (const host of ['a b.example', 'x";calc', '-x.example']) {
      const r = exproxy([
        'server',
        'backconnection',
        '--host',
        host,
        '--machine',
        dir,
        '--state',
        tempDir(),
        '--yes',
      ]);
      expect(r.code, host).toBe(2);
    }
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
  });

  it('iis: reads what the server offers (simulated), exit 10 when Kerberos is impossible', () => {
    const { dir } = copySample('exchange2003-frontend-events');
    const r = exproxy(['server', 'iis', '--machine', dir, '--json']);
    expect(r.code).toBe(10);
    expect(JSON.parse(r.out)).toEqual([
      { providers: ['NTLM'], kerberosPossible: false, site: 'W3SVC/1/ROOT/Exchange', source: 'simulated' },
    ]);
    const client = exproxy(['server', 'iis', '--machine', copySample('xp-outlook2003-basic').dir]);
    expect(client.code).toBe(0);
    expect(client.out).toMatch(/No IIS found here/);
  });
});
