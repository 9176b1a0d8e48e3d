import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import { placeholders } from '../causes/cause-text';
import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import { scanMachine } from '../diagnosis/scan';
import type { OutlookProfile } from '../outlook/profile-model';
import { EXCHANGE_GENERATIONS, exchangeAdminCommands, HOST_PLACEHOLDER } from './admin-commands';
import { autodiscoverNotices } from './autodiscover-notice';
import { autodiscoverScope } from './autodiscover-scope';
import { noticeText } from './autodiscover-text';
import en from './text/en.json';
import zh from './text/zh-CN.json';

async function report(sample: string): Promise<DiagnosisReport> {
  const m = SimulatedMachine.load({ machine: copySample(sample).dir });
  return (await scanMachine(m.registry, m.system)).report;
}

function leaves(o: unknown, prefix = ''): [string, string][] {
  if (typeof o === 'string') return [[prefix, o]];
  return Object.entries(o as object).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
}

const profile = (p: Partial<OutlookProfile>): OutlookProfile => ({
  name: 'P',
  isDefault: true,
  outlookVersion: null,
  store: 'wms',
  keyPath: 'HKEY_CURRENT_USER\\X',
  accounts: [],
  ...p,
});

describe('which profiles Autodiscover rewrites', () => {
  it('Outlook 2007 and later yes, 2003 no; without an install, by the profile root', () => {
    expect(autodiscoverScope(profile({ outlookVersion: '11.0' }))).toBe('no');
    for (const v of ['12.0', '14.0', '15.0', '16.0'])
      expect(autodiscoverScope(profile({ outlookVersion: v }))).toBe('yes');
    expect(autodiscoverScope(profile({ store: '16.0' }))).toBe('yes');
    expect(autodiscoverScope(profile({ store: '15.0' }))).toBe('yes');
    expect(autodiscoverScope(profile({ store: 'wms' }))).toBe('unknown');
  });

  it('gives a notice for a 2016 profile with Outlook Anywhere, one server entry per proxy name', async () => {
    const notices = autodiscoverNotices(await report('win10-outlook2016-two-accounts'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.outlook).toBe('Outlook 2016 or later');
    expect(notices[0]!.accounts.map((a) => [a.label, a.authScheme])).toEqual([
      ['jsmith@contoso.com', 'basic'],
      ['helpdesk@fabrikam.com', 'ntlm'],
    ]);
    expect(notices[0]!.servers.map((s) => s.proxyHost)).toEqual(['outlook.contoso.com', 'mail.fabrikam.com']);
  });

  it('gives none for Outlook 2003, for profiles without Outlook Anywhere, or left over', async () => {
    expect(autodiscoverNotices(await report('xp-outlook2003-basic'))).toEqual([]);
    const r = await report('win10-outlook2016-two-accounts');
    const leftover = { ...r.profiles[0]!, status: 'leftover' as const };
    expect(autodiscoverNotices({ profiles: [leftover] })).toEqual([]);
    const off = {
      ...r.profiles[0]!,
      accounts: r.profiles[0]!.accounts.map((a) => ({
        ...a,
        rpcOverHttp: { ...a.rpcOverHttp, enabled: false },
      })),
    };
    expect(autodiscoverNotices({ profiles: [off] })).toEqual([]);
    const negotiate = {
      ...r.profiles[0]!,
      accounts: r.profiles[0]!.accounts.map((a) => ({
        ...a,
        rpcOverHttp: { ...a.rpcOverHttp, authScheme: 'negotiate' as const, authSchemeValue: 0x10 },
      })),
    };
    expect(autodiscoverNotices({ profiles: [negotiate] })).toEqual([]);
  });
});

describe("the Exchange admin's commands", () => {
  it('use the right parameter per Exchange version', () => {
    const cmds = exchangeAdminCommands('Mail.Contoso.com');
    expect(cmds.map((c) => c.generation)).toEqual(EXCHANGE_GENERATIONS);
    const set = Object.fromEntries(cmds.map((c) => [c.generation, c.set]));
    expect(set['exchange-2007-rtm']).toMatch(/\| Set-OutlookAnywhere -ExternalAuthenticationMethod Ntlm$/);
    expect(set['exchange-2007-2010']).toMatch(/\| Set-OutlookAnywhere -ClientAuthenticationMethod Ntlm$/);
    expect(set['exchange-2013']).toMatch(
      /\| Set-OutlookAnywhere -ExternalClientAuthenticationMethod Ntlm -InternalClientAuthenticationMethod Ntlm$/,
    );
    for (const c of cmds) {
      expect(c.set).toContain(`-eq 'mail.contoso.com'`);
      expect(c.check).toMatch(/^Get-OutlookAnywhere \| Where-Object .* \| Format-List /);
      expect(c.sources.length).toBeGreaterThan(0);
    }
  });

  it('never put anything but a validated host name into a command', () => {
    for (const hostile of [
      "mail.contoso.com'; Remove-Item C:\\ -Recurse; '",
      'mail.contoso.com:8443',
      '$(calc)',
      'ma il.contoso.com',
      '',
    ]) {
      for (const c of exchangeAdminCommands(hostile)) {
        expect(c.set).toContain(`'${HOST_PLACEHOLDER}'`);
        expect(c.set).not.toContain('Remove-Item');
        expect(c.set).not.toContain('calc');
      }
    }
    expect(exchangeAdminCommands(null)[0]!.check).toContain(HOST_PLACEHOLDER);
  });
});

describe('texts', () => {
  it('exist in both languages with the same keys and placeholders', () => {
    const e = leaves(en);
    const z = new Map(leaves(zh));
    expect([...z.keys()].sort()).toEqual(e.map(([k]) => k).sort());
    for (const [key, text] of e)
      expect(placeholders(z.get(key)!).sort(), key).toEqual(placeholders(text).sort());
    expect(z.get('.notice.title')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('fill the Outlook version, or say it was not detected', async () => {
    const n = autodiscoverNotices(await report('win10-outlook2016-two-accounts'))[0]!;
    expect(noticeText(n, 'en').why).toMatch(/^Outlook 2016 or later asks the Exchange server's Autodiscover/);
    expect(noticeText({ ...n, outlook: null }, 'en').why).toMatch(/^The Outlook version was not detected/);
    expect(noticeText(n, 'zh-CN').accounts).toBe('涉及的帐户：jsmith@contoso.com, helpdesk@fabrikam.com');
  });
});
