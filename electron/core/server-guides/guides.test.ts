import { describe, expect, it } from 'vitest';
import { GUIDE_IDS, guideEventQuery, guideForEvent, serverGuides } from './guides';
import { parseAdsutilProviders, parseAppcmdProviders } from './iis-providers';
import en from './text/en.json';
import zh from './text/zh-CN.json';

function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}.${k}`));
}

describe('server guides', () => {
  it('has every guide in both languages with the same structure', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    for (const id of GUIDE_IDS) expect(zh[id].checks.length).toBe(en[id].checks.length);
  });

  it('fills commands only with validated names, placeholders otherwise', () => {
    const plain = serverGuides('en').find((g) => g.id === 'kb914137')!;
    expect(plain.commands.map((c) => c.command)).toContain('setspn -S SMTPSVC/<FQDN> <SERVER>');
    const filled = serverGuides('en', { server: 'EXCH01', fqdn: 'smtp.contoso.com' });
    const owa = filled.find((g) => g.id === 'owa-71')!;
    expect(owa.commands.map((c) => c.command)).toEqual(
      expect.arrayContaining([
        'Set-OwaVirtualDirectory -Identity "EXCH01\\owa (Default Web Site)" -InternalUrl "https://smtp.contoso.com/owa"',
        'setspn -S HTTP/smtp.contoso.com EXCH01',
      ]),
    );
    expect(() => serverGuides('en', { server: 'EXCH01 & calc' })).toThrow(/not a computer name/);
    expect(() => serverGuides('en', { fqdn: 'x";Remove-Item' })).toThrow(/not a DNS host name/);
  });

  it('only KB914137 offers the product fix (BackConnectionHostNames)', () => {
    const g = serverGuides('zh-CN');
    expect(g.filter((x) => x.productFix).map((x) => x.id)).toEqual(['kb914137']);
    expect(g[0]!.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('maps events to guides and builds one XPath for all of them', () => {
    expect(guideForEvent({ source: 'EXPROX', id: 1000 })).toBe('exprox-1000');
    expect(guideForEvent({ source: 'msexchange owa', id: 71 })).toBe('owa-71');
    expect(guideForEvent({ source: 'EXPROX', id: 71 })).toBeNull();
    expect(guideEventQuery()).toBe(
      "*[System[(Provider[@Name='EXPROX'] and EventID=1000) or (Provider[@Name='MSExchange OWA'] and EventID=71)]]",
    );
  });
});

describe('IIS authentication providers', () => {
  it('reads adsutil output', () => {
    expect(parseAdsutilProviders('NTAuthenticationProviders       : (STRING) "NTLM"')).toEqual({
      providers: ['NTLM'],
      kerberosPossible: false,
    });
    expect(
      parseAdsutilProviders('NTAuthenticationProviders : (STRING) "Negotiate,NTLM"')?.kerberosPossible,
    ).toBe(true);
    expect(parseAdsutilProviders('The path requested could not be found.')).toBeNull();
  });

  it('reads appcmd XML', () => {
    const xml = `<system.webServer><security><authentication><windowsAuthentication enabled="true">
      <providers><add value="Negotiate" /><add value="NTLM" /></providers></windowsAuthentication></authentication></security></system.webServer>`;
    expect(parseAppcmdProviders(xml)).toEqual({ providers: ['Negotiate', 'NTLM'], kerberosPossible: true });
    expect(parseAppcmdProviders('<providers><add value="NTLM" /></providers>')?.kerberosPossible).toBe(false);
    expect(parseAppcmdProviders('ERROR ( message:Cannot find SITE object )')).toBeNull();
  });
});
