import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import { scanMachine } from './scan';

async function scan(id: string) {
  const m = SimulatedMachine.load({ machine: copySample(id).dir });
  return (await scanMachine(m.registry, m.system)).report;
}

describe('scan of the sample machines', () => {
  it('XP + Outlook 2003 with Basic auth and no LmCompatibilityLevel: both KB820281 findings', async () => {
    const r = await scan('xp-outlook2003-basic');
    expect(r.machine.os.family).toBe('xp-2000');
    expect(r.machine.outlook.map((o) => o.version)).toEqual(['11.0']);
    expect(r.profiles).toHaveLength(1);
    const p = r.profiles[0]!;
    expect(p).toMatchObject({ name: 'Outlook', isDefault: true, outlookVersion: '11.0', store: 'wms' });
    expect(p.accounts).toHaveLength(1);
    const a = p.accounts[0]!;
    expect(a.section).toBe('13dbb0c8aa05101a9bb000aa002fc45a');
    expect(a.homeServer).toBe('EXCH01');
    expect(a.mailbox).toBe('jsmith');
    expect(a.rpcOverHttp).toEqual({
      enabled: true,
      proxyServer: 'mail.contoso.com',
      sslOnly: true,
      mutualAuth: false,
      principalName: 'msstd:mail.contoso.com',
      httpFirstOnFast: false,
      httpFirstOnSlow: true,
      authScheme: 'basic',
      authSchemeValue: 1,
      flags: 0x23,
      unknownFlags: 0,
    });
    expect(r.lsa).toMatchObject({
      lmCompatibilityLevel: null,
      effectiveLmCompatibilityLevel: 0,
      policyManaged: false,
    });
    expect(r.findings.map((f) => [f.id, f.severity, f.fixes])).toEqual([
      ['proxy-auth-basic', 'error', ['proxy-auth-ntlm']],
      ['lm-response-sent', 'warning', ['lmcompat-3', 'lmcompat-2']],
    ]);
    expect(r.findings.every((f) => f.kb === 'KB820281' && f.profile === 'Outlook')).toBe(true);
  });

  it('the fixed machine has nothing to report', async () => {
    const r = await scan('xp-outlook2003-fixed');
    expect(r.profiles[0]!.accounts[0]!.rpcOverHttp.authScheme).toBe('ntlm');
    expect(r.lsa.effectiveLmCompatibilityLevel).toBe(3);
    expect(r.findings).toEqual([]);
  });

  it('RPC over HTTP off: no proxy findings, and the address-book section 0x66xx values are ignored', async () => {
    const r = await scan('xp-outlook2003-no-rpc');
    expect(r.profiles[0]!.accounts).toHaveLength(1);
    expect(r.profiles[0]!.accounts[0]!.rpcOverHttp.enabled).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('NTLM with level 0 is an error; a policy-managed level offers no fix', async () => {
    const r = await scan('xp-outlook2003-ntlm-lm0');
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual([['lm-response-sent', 'error']]);
    const p = await scan('xp-outlook2003-lm-policy');
    expect(p.lsa).toMatchObject({ policyManaged: true, policyLevel: 1, effectiveLmCompatibilityLevel: 1 });
    expect(p.findings.map((f) => [f.id, f.fixes])).toEqual([['lm-policy-managed', []]]);
  });

  it('Windows 10 + Outlook 2016: follows account manager → service → emsmdb section for both accounts', async () => {
    const r = await scan('win10-outlook2016-two-accounts');
    expect(r.machine.os.family).toBe('vista-or-later');
    expect(r.machine.outlook).toEqual([
      expect.objectContaining({
        version: '16.0',
        bitness: '32',
        installPath: expect.stringContaining('Office16'),
      }),
    ]);
    const outlook = r.profiles.find((p) => p.name === 'Outlook')!;
    expect(outlook.isDefault).toBe(true);
    expect(outlook.store).toBe('16.0');
    expect(
      outlook.accounts.map((a) => [
        a.section,
        a.accountName,
        a.rpcOverHttp.authScheme,
        a.rpcOverHttp.proxyServer,
      ]),
    ).toEqual([
      ['a345f1e1fd57fc40a98c6265aef8ebbd', 'jsmith@contoso.com', 'basic', 'outlook.contoso.com'],
      ['c1d2e3f4a5b60718293a4b5c6d7e8f90', 'helpdesk@fabrikam.com', 'ntlm', 'mail.fabrikam.com'],
    ]);
    expect(r.profiles.some((p) => p.name.startsWith('Büro "Alt" & <Test>') && p.accounts.length === 0)).toBe(
      true,
    );
    expect(r.lsa.effectiveLmCompatibilityLevel).toBe(3);
    expect(r.findings.map((f) => [f.id, f.account])).toEqual([
      ['proxy-auth-basic', 'a345f1e1fd57fc40a98c6265aef8ebbd'],
    ]);
  });

  it('corrupt values are reported as unreadable and never guessed', async () => {
    const r = await scan('xp-outlook2003-corrupt');
    const a = r.profiles[0]!.accounts[0]!;
    expect(a.unreadable.map((u) => u.valueName).sort()).toEqual(['00036627', '001f6622']);
    expect(a.rpcOverHttp.authScheme).toBeNull();
    expect(a.rpcOverHttp.proxyServer).toBeNull();
    expect(r.findings.filter((f) => f.id === 'profile-unreadable')).toHaveLength(2);
    expect(r.findings.some((f) => f.id === 'proxy-auth-basic')).toBe(false);
  });

  it('Outlook running is reported next to a profile fix', async () => {
    const r = await scan('xp-outlook2003-outlook-running');
    expect(r.machine.outlookRunning).toBe(true);
    expect(r.findings.map((f) => f.id)).toContain('outlook-running');
  });
});
