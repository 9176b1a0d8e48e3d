import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import { scanMachine } from '../diagnosis/scan';
import { withGuidance } from '../diagnosis/guidance';
import type { ProbeResult, ProxyCheck } from '../proxy-check/probe-result';
import { causeFindingsAfterProxy } from './cause-proxy';
import { readMapiEndpoint } from './mapi-endpoint';

async function scan(sample: string) {
  const m = SimulatedMachine.load({ machine: copySample(sample).dir });
  return (await scanMachine(m.registry, m.system)).report;
}

function answer(url: string, status: number | null, schemes: string[]): ProbeResult {
  return {
    url,
    status,
    schemes,
    certificate: null,
    failure: status === null ? { stage: 'tcp', code: 'ECONNREFUSED', message: 'refused' } : null,
    elapsedMs: 1,
  };
}

function check(
  proxy: string,
  usedBy: ProxyCheck['usedBy'],
  rpc: string[],
  mapi: [number | null, string[]] | null,
): ProxyCheck {
  return {
    proxyServer: proxy,
    usedBy,
    result: answer(`https://${proxy}/rpc/rpcproxy.dll`, 401, rpc),
    skipped: null,
    mapi: mapi ? readMapiEndpoint(answer(`https://${proxy}/mapi/emsmdb/`, mapi[0], mapi[1])) : null,
  };
}

describe('the causes judged with what the mail servers answered', () => {
  it('offers NTLM for Kerberos-only where the proxy offers NTLM without Negotiate', async () => {
    const report = await scan('win10-outlook2016-cloud');
    const onPrem = { profile: 'Outlook', account: 'a345f1e1fd57fc40a98c6265aef8ebbd' };
    const before = report.findings.find((f) => f.id === 'logon-kerberos-only')!;
    expect(before.fixes).toEqual(['logon-negotiate']);
    const after = causeFindingsAfterProxy(report, [check('mail.contoso.com', [onPrem], ['ntlm'], null)]);
    expect(after.find((f) => f.id === 'logon-kerberos-only')).toMatchObject({
      fixes: ['logon-ntlm'],
      facts: { recommended: 10, proxySchemes: 'ntlm' },
    });
    const nego = causeFindingsAfterProxy(report, [
      check('mail.contoso.com', [onPrem], ['negotiate', 'ntlm'], null),
    ]);
    expect(nego.find((f) => f.id === 'logon-kerberos-only')!.fixes).toEqual(['logon-negotiate']);
  });

  it('reports the MAPI over HTTP answer of 2013+ profiles: Basic only, or not published', async () => {
    const report = await scan('win10-outlook2016-saved-credentials');
    const user = { profile: 'Outlook', account: 'a345f1e1fd57fc40a98c6265aef8ebbd' };
    const basic = causeFindingsAfterProxy(report, [
      check('outlook.contoso.com', [user], ['ntlm'], [401, ['basic']]),
    ]);
    expect(basic.filter((f) => f.id.startsWith('mapi-endpoint'))).toEqual([
      expect.objectContaining({
        id: 'mapi-endpoint-basic-only',
        severity: 'warning',
        facts: expect.objectContaining({ url: 'https://outlook.contoso.com/mapi/emsmdb/', schemes: 'basic' }),
      }),
    ]);
    const missing = causeFindingsAfterProxy(report, [
      check('outlook.contoso.com', [user], ['ntlm'], [404, []]),
    ]);
    expect(missing.map((f) => f.id)).toEqual(['mapi-endpoint-missing']);
    const windows = causeFindingsAfterProxy(report, [
      check('outlook.contoso.com', [user], ['ntlm'], [401, ['negotiate', 'ntlm']]),
    ]);
    expect(windows).toEqual([]);
  });

  it('a Bearer challenge makes Outlook 2013 modern auth matter on premises too', async () => {
    const report = await scan('win7-outlook2013-policies');
    // As the scan sees it without the Microsoft 365 profile: no cloud, so no modern-auth finding.
    const onPremOnly = {
      ...report,
      profiles: report.profiles.filter((p) => p.name === 'Work'),
      findings: report.findings.filter((f) => f.profile === 'Work'),
    };
    const work = { profile: 'Work', account: 'fedcba9876543210fedcba9876543210' };
    const without = causeFindingsAfterProxy(onPremOnly, [
      check('mail.fabrikam.com', [work], ['ntlm'], [401, ['negotiate']]),
    ]);
    expect(without.map((f) => f.id)).toEqual(['prompt-always-policy', 'logon-policy-kerberos']);
    const withBearer = causeFindingsAfterProxy(onPremOnly, [
      check('mail.fabrikam.com', [work], ['ntlm'], [401, ['bearer', 'negotiate']]),
    ]);
    expect(withBearer.map((f) => f.id)).toEqual([
      'prompt-always-policy',
      'logon-policy-kerberos',
      'modern-auth-off-2013',
      // The MapiHttpDisabled policy copy matters wherever MAPI over HTTP can be used.
      'modern-auth-policy',
    ]);
    expect(withBearer.find((f) => f.id === 'modern-auth-off-2013')).toMatchObject({
      severity: 'warning',
      fixes: ['modern-auth-2013-on'],
    });
  });

  it('the guidance names what the proxies and MAPI endpoints answered', async () => {
    const report = await scan('xp-outlook2003-fixed');
    const user = { profile: 'Outlook', account: '13dbb0c8aa05101a9bb000aa002fc45a' };
    const checks = [check('mail.contoso.com', [user], ['ntlm', 'negotiate'], [401, ['ntlm']])];
    const g = withGuidance({ ...report, proxyChecks: checks }).guidance!;
    expect(g.checked).toEqual(expect.arrayContaining(['proxy-answer', 'mapi-endpoint']));
    expect(g.steps).toContainEqual({
      key: 'proxy-answer',
      proxyServer: 'mail.contoso.com',
      status: 401,
      schemes: 'ntlm, negotiate',
    });
    expect(g.steps.map((s) => s.key)).not.toContain('proxy-not-asked');
  });
});
