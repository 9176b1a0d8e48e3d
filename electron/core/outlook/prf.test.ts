import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import { scanMachine } from '../diagnosis/scan';
import { buildPrf, encodePrf, EXCHANGE_GLOBAL_MAPPING, parsePrf } from './prf';

async function scan(sample: string): Promise<DiagnosisReport> {
  const m = SimulatedMachine.load({ machine: copySample(sample).dir });
  return (await scanMachine(m.registry, m.system)).report;
}

function renamed(report: DiagnosisReport, name: string): DiagnosisReport {
  return { ...report, profiles: report.profiles.map((p, i) => (i === 0 ? { ...p, name } : p)) };
}

describe('PRF for a managed fix', () => {
  it('matches every key to the inspected profile, with only the auth scheme changed to NTLM', async () => {
    const report = await scan('xp-outlook2003-basic');
    const profile = report.profiles[0]!;
    const account = profile.accounts[0]!;
    const prf = parsePrf(buildPrf(report, 'outlook').text);
    expect(Object.fromEntries(prf.get('General')!)).toEqual({
      Custom: '1',
      ProfileName: profile.name,
      DefaultProfile: profile.isDefault ? 'Yes' : 'No',
      OverwriteProfile: 'Append',
      ModifyDefaultProfileIfPresent: 'FALSE',
    });
    expect(prf.get('Service List')!.get('ServiceEGS')).toBe('Exchange Global Section');
    const egs = prf.get('ServiceEGS')!;
    expect(egs.get('HomeServer')).toBe(account.homeServer);
    expect(egs.get('MailboxName')).toBe(account.mailbox ?? undefined);
    expect(Number(egs.get('RPCoverHTTPflags'))).toBe(account.rpcOverHttp.flags);
    expect(egs.get('RPCProxyServer')).toBe(account.rpcOverHttp.proxyServer);
    expect(egs.get('RPCProxyPrincipalName')).toBe(account.rpcOverHttp.principalName ?? undefined);
    expect(egs.get('RPCProxyAuthScheme')).toBe('0x0002');
    expect([...prf.get('Exchange Global Section')!]).toEqual(EXCHANGE_GLOBAL_MAPPING);
    expect(prf.get('Exchange Global Section')!.get('RPCProxyAuthScheme')).toBe('PT_LONG,0x6627');
  });

  it('picks the account on Basic in a profile with two Exchange accounts', async () => {
    const report = await scan('win10-outlook2016-two-accounts');
    const profile = report.profiles.find((p) => p.accounts.length === 2)!;
    const basic = profile.accounts.find((a) => a.rpcOverHttp.authScheme === 'basic')!;
    const prf = buildPrf(report, profile.name);
    expect(prf.account).toBe(basic.section);
    expect(parsePrf(prf.text).get('ServiceEGS')!.get('RPCProxyServer')).toBe(basic.rpcOverHttp.proxyServer);
  });

  it('writes ANSI when it can, UTF-16LE with a BOM when a name needs it, CRLF lines', async () => {
    const report = await scan('xp-outlook2003-basic');
    const ansi = encodePrf(buildPrf(renamed(report, 'Café'), 'Café').text);
    expect(ansi[0]).not.toBe(0xff);
    expect(Buffer.from(ansi).toString('latin1')).toContain('ProfileName=Café\r\n');
    const wide = encodePrf(buildPrf(renamed(report, '邮件 “Zoë”'), '邮件 “Zoë”').text);
    expect([wide[0], wide[1]]).toEqual([0xff, 0xfe]);
    expect(
      parsePrf(Buffer.from(wide.subarray(2)).toString('utf16le'))
        .get('General')!
        .get('ProfileName'),
    ).toBe('邮件 “Zoë”');
  });

  it('refuses names that would break the INI structure, and profiles without Outlook Anywhere', async () => {
    const report = await scan('xp-outlook2003-basic');
    expect(() => buildPrf(renamed(report, 'a\r\n[General]'), 'a\r\n[General]')).toThrow(/line break/);
    const noRpc = await scan('xp-outlook2003-no-rpc');
    expect(() => buildPrf(noRpc, noRpc.profiles[0]!.name)).toThrow(
      /no Exchange account using Outlook Anywhere/,
    );
  });
});
