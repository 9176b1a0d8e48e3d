import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exproxy } from '../test-support/cli-runner';
import { editedSample, mapiLong } from '../test-support/edit-sample';
import { copySample, tempDir } from '../test-support/sample-machines';

const PROFILE = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook';
const FIRST = 'a345f1e1fd57fc40a98c6265aef8ebbd';
const SECOND = 'c1d2e3f4a5b60718293a4b5c6d7e8f90';

describe('exproxy prf on Outlook 2016 with two Exchange accounts', () => {
  it('writes the PRF for the first (legacy) account when it is the one on Basic', () => {
    const { dir } = copySample('win10-outlook2016-two-accounts');
    const out = join(tempDir(), 'fix.prf');
    const r = exproxy(['prf', '--profile', 'Outlook', '--out', out, '--machine', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(FIRST);
    const text = readFileSync(out, 'latin1');
    expect(text).toContain('RPCProxyServer=outlook.contoso.com');
    expect(text).not.toContain('mail.fabrikam.com');
  });

  it('refuses (exit 5, nothing written) when only the second account is on Basic, in both languages', () => {
    const { dir } = editedSample('win10-outlook2016-two-accounts', (t) => {
      t.setValue(`${PROFILE}\\${FIRST}`, '00036627', mapiLong(2));
      t.setValue(`${PROFILE}\\${SECOND}`, '00036627', mapiLong(1));
    });
    const out = join(tempDir(), 'fix.prf');
    const en = exproxy(['prf', '--profile', 'Outlook', '--out', out, '--machine', dir]);
    expect(en.code).toBe(5);
    expect(en.err).toMatch(/helpdesk@fabrikam\.com\) is not the first Exchange account/);
    expect(en.err).toMatch(/Fix it for me/);
    expect(existsSync(out)).toBe(false);
    const zh = exproxy(['prf', '--profile', 'Outlook', '--out', out, '--machine', dir], {
      EXPROXY_LANG: 'zh-CN',
    });
    expect(zh.code).toBe(5);
    expect(zh.err).toContain('不是配置文件“Outlook”中的第一个 Exchange 帐户');
    expect(existsSync(out)).toBe(false);
  });

  it('never writes NTLM over Negotiate (exit 5)', () => {
    const { dir } = editedSample('win10-outlook2016-two-accounts', (t) => {
      t.setValue(`${PROFILE}\\${FIRST}`, '00036627', mapiLong(0x10));
    });
    const out = join(tempDir(), 'fix.prf');
    const r = exproxy(['prf', '--profile', 'Outlook', '--out', out, '--machine', dir]);
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/with Negotiate, not Basic/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('exproxy prf when there is nothing to change', () => {
  it('says so, exits 0 and writes no file', () => {
    const { dir } = copySample('xp-outlook2003-fixed');
    const out = join(tempDir(), 'fix.prf');
    const r = exproxy(['prf', '--profile', 'Outlook', '--out', out, '--machine', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/already signs in to the Exchange proxy with NTLM/);
    expect(existsSync(out)).toBe(false);
  });
});
