import { describe, expect, it } from 'vitest';
import { exproxy } from '../test-support/cli-runner';
import { copySample } from '../test-support/sample-machines';

describe('exproxy diagnose explains that Autodiscover can undo the fix (Outlook 2007+)', () => {
  it('prints why, who must act and the admin command per Exchange version for an Outlook 2016 profile', () => {
    const { dir } = copySample('win10-outlook2016-two-accounts');
    const r = exproxy(['diagnose', '--machine', dir, '--no-network']);
    expect(r.code).toBe(10);
    expect(r.out).toContain('Exchange can switch this back to Basic (Autodiscover) — "Outlook"');
    expect(r.out).toMatch(/Outlook 2016 or later asks the Exchange server's Autodiscover service/);
    expect(r.out).toMatch(/Exchange 2007 before SP1: .*-ExternalAuthenticationMethod Ntlm/);
    expect(r.out).toMatch(/Exchange 2007 SP1 to Exchange 2010: .*-ClientAuthenticationMethod Ntlm/);
    expect(r.out).toMatch(
      /Exchange 2013 and later: .*-ExternalClientAuthenticationMethod Ntlm -InternalClientAuthenticationMethod Ntlm/,
    );
    expect(r.out).toContain(`-eq 'outlook.contoso.com'`);
    expect(r.out).toContain(`-eq 'mail.fabrikam.com'`);
  });

  it('speaks Chinese when asked, and carries the notices in --json', () => {
    const { dir } = copySample('win10-outlook2016-two-accounts');
    const zh = exproxy(['diagnose', '--machine', dir, '--no-network'], { EXPROXY_LANG: 'zh-CN' });
    expect(zh.out).toContain('Exchange 可能会把它改回基本身份验证（自动发现）');
    const j = JSON.parse(exproxy(['diagnose', '--machine', dir, '--no-network', '--json']).out);
    expect(j.autodiscover).toHaveLength(1);
    expect(j.autodiscover[0].servers[0].commands.map((c: { generation: string }) => c.generation)).toEqual([
      'exchange-2007-rtm',
      'exchange-2007-2010',
      'exchange-2013',
    ]);
  });

  it('says nothing about it for Outlook 2003, which has no Autodiscover', () => {
    const { dir } = copySample('xp-outlook2003-basic');
    const r = exproxy(['diagnose', '--machine', dir, '--no-network']);
    expect(r.out).not.toContain('Autodiscover');
    expect(
      JSON.parse(exproxy(['diagnose', '--machine', dir, '--no-network', '--json']).out).autodiscover,
    ).toEqual([]);
  });
});
