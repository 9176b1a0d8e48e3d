import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exproxy } from '../test-support/cli-runner';
import { copySample, tempDir } from '../test-support/sample-machines';

describe('exproxy CLI on simulated machines', () => {
  it('diagnose --json follows the contract and exits 10 when there are findings', () => {
    const { dir } = copySample('xp-outlook2003-basic');
    const r = exproxy(['diagnose', '--machine', dir, '--json']);
    expect(r.code).toBe(10);
    const j = JSON.parse(r.out);
    expect(j.profiles[0]).toMatchObject({
      name: 'Outlook',
      isDefault: true,
      outlookVersion: '11.0',
      accounts: [
        {
          section: '13dbb0c8aa05101a9bb000aa002fc45a',
          homeServer: 'EXCH01',
          mailbox: 'jsmith',
          rpcOverHttp: {
            enabled: true,
            proxyServer: 'mail.contoso.com',
            sslOnly: true,
            mutualAuth: false,
            principalName: 'msstd:mail.contoso.com',
            httpFirstOnFast: false,
            httpFirstOnSlow: true,
            authScheme: 'basic',
            flags: 35,
          },
        },
      ],
    });
    expect(j.lsa).toMatchObject({
      lmCompatibilityLevel: null,
      effectiveLmCompatibilityLevel: 0,
      policyManaged: false,
    });
    expect(
      j.findings.map(
        (f: { id: string; kb: string; profile: string; fixes: string[]; severity: string }) => f.id,
      ),
    ).toEqual(['proxy-auth-basic', 'lm-response-sent']);
    expect(j.findings[0]).toMatchObject({
      severity: 'error',
      kb: 'KB820281',
      profile: 'Outlook',
      fixes: ['proxy-auth-ntlm'],
    });
  });

  it('diagnose exits 0 on a fixed machine and prints plain words', () => {
    const { dir } = copySample('xp-outlook2003-fixed');
    const r = exproxy(['diagnose', '--machine', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Nothing to fix/);
  });

  it('diagnose → apply → verify → rollback gives back the original bytes', () => {
    const { dir, registryFile, originalBytes } = copySample('xp-outlook2003-basic');
    const state = tempDir();
    const apply = exproxy([
      'apply',
      'proxy-auth-ntlm',
      'lmcompat-3',
      '--machine',
      dir,
      '--yes',
      '--state',
      state,
    ]);
    expect(apply.err).toBe('');
    expect(apply.code).toBe(0);
    expect(apply.out).toMatch(/00036627: REG_BINARY 01 00 00 00 → REG_BINARY 02 00 00 00/);
    expect(apply.out).toMatch(/LmCompatibilityLevel: \(absent\) → REG_DWORD 0x00000003/);
    expect(apply.out).toMatch(/Restart Outlook/);
    expect(apply.out).toMatch(/Restart Windows/);
    const after = exproxy(['diagnose', '--machine', dir, '--json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out).findings).toEqual([]);
    const again = exproxy([
      'apply',
      'proxy-auth-ntlm',
      'lmcompat-3',
      '--machine',
      dir,
      '--yes',
      '--state',
      state,
    ]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already in place/i);
    const rb = exproxy(['rollback', '--last', '--machine', dir, '--state', state]);
    expect(rb.code).toBe(0);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
    const history = JSON.parse(exproxy(['history', '--state', state, '--json']).out);
    expect(history.map((h: { state: string }) => h.state)).toEqual(['rolled-back']);
  });

  it('apply --json reports the outcome; a declined prompt exits 4 with nothing changed', () => {
    const { dir, registryFile, originalBytes } = copySample('xp-outlook2003-uac-declined');
    const r = exproxy([
      'apply',
      'proxy-auth-ntlm',
      'lmcompat-3',
      '--machine',
      dir,
      '--yes',
      '--json',
      '--state',
      tempDir(),
    ]);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'elevation-declined', exitCode: 4 });
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
  });

  it('Outlook running blocks with exit 5', () => {
    const { dir, registryFile, originalBytes } = copySample('xp-outlook2003-outlook-running');
    const r = exproxy(['apply', 'proxy-auth-ntlm', '--machine', dir, '--yes', '--state', tempDir()]);
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/Close Outlook/);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
  });

  it('a single .reg file works as --hive', () => {
    const { registryFile } = copySample('xp-outlook2003-ntlm-lm0');
    const r = exproxy(['diagnose', '--hive', registryFile, '--json']);
    expect(r.code).toBe(10);
    expect(JSON.parse(r.out).findings[0].id).toBe('lm-response-sent');
  });

  it('usage errors exit 2; without --yes and no terminal it refuses', () => {
    const { dir } = copySample('xp-outlook2003-basic');
    expect(exproxy(['frobnicate']).code).toBe(2);
    expect(exproxy(['apply', 'make-it-work', '--machine', dir]).code).toBe(2);
    expect(exproxy(['diagnose', '--bogus']).code).toBe(2);
    const noYes = exproxy(['apply', 'proxy-auth-ntlm', '--machine', dir, '--state', tempDir()]);
    expect(noYes.code).toBe(2);
    expect(noYes.err).toMatch(/--yes/);
  });

  it('unreadable input exits 3 naming the file and line, with no stack trace', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.reg');
    writeFileSync(
      file,
      // A damaged value the product writes (any other damaged value is skipped with a warning).
      'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa]\r\n"LmCompatibilityLevel"=dword:12z\r\n',
    );
    const r = exproxy(['diagnose', '--hive', file]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('bad.reg');
    expect(r.err).toMatch(/line 4/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(exproxy(['diagnose', '--hive', join(dir, 'missing.reg')]).code).toBe(3);
    const badFacts = copySample('xp-outlook2003-basic').dir;
    writeFileSync(join(badFacts, 'machine.json'), '{"outlookRunning": "maybe"}');
    const f = exproxy(['diagnose', '--machine', badFacts]);
    expect(f.code).toBe(3);
    expect(f.err).toMatch(/machine\.json: outlookRunning/);
  });

  it('without --hive/--machine off Windows, uses a sample machine copied to the data folder and says where', () => {
    const data = tempDir();
    const r = exproxy(['diagnose', '--json'], { EXPROXY_DATA_DIR: data });
    expect(r.code).toBe(10);
    expect(r.err).toContain(join(data, 'sample-machine'));
    expect(existsSync(join(data, 'sample-machine', 'registry.reg'))).toBe(true);
  });

  it('speaks Simplified Chinese when the locale asks for it', () => {
    const { dir } = copySample('xp-outlook2003-basic');
    const r = exproxy(['diagnose', '--machine', dir], { EXPROXY_LANG: 'zh_CN.UTF-8' });
    expect(r.out).toMatch(/发现的问题/);
  });
});
