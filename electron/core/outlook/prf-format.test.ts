import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import { scanMachine } from '../diagnosis/scan';
import { buildPrf, parsePrf } from './prf';

/**
 * The structure of PRFs made by Microsoft's Office Customization Tool / Custom Installation
 * Wizard with an Exchange account and Outlook Anywhere, as recorded in PRF-SOURCES.md (key
 * names, allowed values and the section-6 property mappings are facts of the format; the
 * sample text below is ours, laid out the way those files are).
 */
const OCT_GENERAL: Record<string, RegExp> = {
  Custom: /^1$/,
  ProfileName: /^.+$/,
  DefaultProfile: /^(Yes|No)$/i,
  OverwriteProfile: /^(Yes|No|Append)$/i,
  ModifyDefaultProfileIfPresent: /^(TRUE|FALSE)$/i,
  BackupProfile: /^(Yes|No|True|False)$/i,
};
const OCT_EXCHANGE_GLOBAL_SECTION: Record<string, string> = {
  SectionGUID: '13dbb0c8aa05101a9bb000aa002fc45a',
  MailboxName: 'PT_STRING8,0x6607',
  HomeServer: 'PT_STRING8,0x6608',
  ConfigFlags: 'PT_LONG,0x6601',
  RPCoverHTTPflags: 'PT_LONG,0x6623',
  RPCProxyServer: 'PT_UNICODE,0x6622',
  RPCProxyPrincipalName: 'PT_UNICODE,0x6625',
  RPCProxyAuthScheme: 'PT_LONG,0x6627',
  AccountName: 'PT_UNICODE,0x6620',
  CachedExchangeConfigFlags: 'PT_LONG,0x6629',
};
const OCT_MICROSOFT_EXCHANGE_SERVER: Record<string, string> = {
  ServiceName: 'MSEMS',
  MDBGUID: '5494A1C0297F101BA58708002B2A2517',
  MailboxName: 'PT_STRING8,0x6607',
  HomeServer: 'PT_STRING8,0x6608',
  OfflineAddressBookPath: 'PT_STRING8,0x660E',
  OfflineFolderPath: 'PT_STRING8,0x6610',
};
const OCT_SERVICE_KEYS = /^(UniqueService|OverwriteExistingService|MailboxName|HomeServer|AccountName)$/;

/** An OCT-shaped PRF with Outlook Anywhere, as a technician would receive one. */
const OCT_SHAPED = [
  ';Automatically generated PRF file',
  '; Section 1 - Profile Defaults',
  '[General]',
  'Custom=1',
  'ProfileName=Outlook',
  'DefaultProfile=Yes',
  'OverwriteProfile=Append',
  'ModifyDefaultProfileIfPresent=FALSE',
  '',
  '[Service List]',
  ';ServiceX=Microsoft Outlook Client',
  'ServiceEGS1=Exchange Global Section',
  'Service1=Microsoft Exchange Server',
  '',
  '[Internet Account List]',
  '',
  '[ServiceEGS1]',
  'CachedExchangeConfigFlags=0x00000100',
  'RPCoverHTTPflags=0x002f',
  'RPCProxyServer=mail.contoso.com',
  'RPCProxyPrincipalName=msstd:mail.contoso.com',
  'RPCProxyAuthScheme=0x0001',
  '',
  '[Service1]',
  'OverwriteExistingService=No',
  'UniqueService=Yes',
  'MailboxName=%UserName%',
  'HomeServer=EXCH01',
  '',
  '[Microsoft Exchange Server]',
  ...Object.entries(OCT_MICROSOFT_EXCHANGE_SERVER).map(([k, v]) => `${k}=${v}`),
  '',
  '[Exchange Global Section]',
  ...Object.entries(OCT_EXCHANGE_GLOBAL_SECTION).map(([k, v]) => `${k}=${v}`),
].join('\r\n');

describe('parsePrf on an OCT-shaped file', () => {
  it('reads sections in order, keys and values, and skips comments', () => {
    const prf = parsePrf(OCT_SHAPED);
    expect([...prf.keys()]).toEqual([
      'General',
      'Service List',
      'Internet Account List',
      'ServiceEGS1',
      'Service1',
      'Microsoft Exchange Server',
      'Exchange Global Section',
    ]);
    expect([...prf.get('Service List')!]).toEqual([
      ['ServiceEGS1', 'Exchange Global Section'],
      ['Service1', 'Microsoft Exchange Server'],
    ]);
    expect(prf.get('ServiceEGS1')!.get('RPCProxyPrincipalName')).toBe('msstd:mail.contoso.com');
    expect(prf.get('Internet Account List')!.size).toBe(0);
  });
});

/** The checks an OCT-made PRF passes; ours must pass them too. */
function octStructureProblems(text: string): string[] {
  const problems: string[] = [];
  for (const line of text.split('\r\n')) {
    if (line !== '' && !line.startsWith(';') && !/^\[[^\]]+\]$/.test(line) && !/^[A-Za-z0-9]+=/.test(line))
      problems.push(`not an INI line: ${line}`);
  }
  const prf = parsePrf(text);
  for (const [key, value] of prf.get('General') ?? []) {
    if (!OCT_GENERAL[key]?.test(value)) problems.push(`[General] ${key}=${value}`);
  }
  for (const [entry, service] of prf.get('Service List') ?? []) {
    if (!prf.has(entry)) problems.push(`[Service List] ${entry} has no [${entry}] section`);
    if (!prf.has(service)) problems.push(`[Service List] ${entry} maps to a missing [${service}]`);
  }
  const egsMap = prf.get('Exchange Global Section') ?? new Map<string, string>();
  for (const [key, value] of egsMap) {
    if (OCT_EXCHANGE_GLOBAL_SECTION[key] !== value)
      problems.push(`[Exchange Global Section] ${key}=${value}`);
  }
  for (const [key, value] of prf.get('Microsoft Exchange Server') ?? []) {
    if (OCT_MICROSOFT_EXCHANGE_SERVER[key] !== value)
      problems.push(`[Microsoft Exchange Server] ${key}=${value}`);
  }
  for (const [key, value] of prf.get('ServiceEGS1') ?? []) {
    const type = egsMap.get(key)?.split(',')[0];
    if (type === 'PT_LONG' && !/^0x[0-9a-f]{4,8}$/i.test(value))
      problems.push(`${key}=${value} is not a PT_LONG`);
    else if (type === 'PT_UNICODE' && value === '') problems.push(`${key} is empty`);
    else if (type === undefined) problems.push(`[ServiceEGS1] ${key} has no mapping`);
  }
  for (const [key, value] of prf.get('Service1') ?? []) {
    if (!OCT_SERVICE_KEYS.test(key)) problems.push(`[Service1] ${key}`);
    if (/Service$/.test(key) && !/^(Yes|No)$/.test(value)) problems.push(`[Service1] ${key}=${value}`);
  }
  return problems;
}

describe('our PRF against the OCT structure', () => {
  it('the OCT-shaped sample passes the checks (so they can tell)', () => {
    expect(octStructureProblems(OCT_SHAPED)).toEqual([]);
    expect(octStructureProblems(OCT_SHAPED.replace('PT_LONG,0x6627', 'PT_LONG,0x6628'))).toEqual([
      '[Exchange Global Section] RPCProxyAuthScheme=PT_LONG,0x6628',
    ]);
    expect(
      octStructureProblems(OCT_SHAPED.replace('RPCProxyAuthScheme=0x0001', 'RPCProxyAuthScheme=Negotiate')),
    ).toEqual(['RPCProxyAuthScheme=Negotiate is not a PT_LONG']);
  });

  for (const sample of ['xp-outlook2003-basic', 'win10-outlook2016-two-accounts']) {
    it(`${sample}: same sections, order, keys and mappings as an OCT-made PRF`, async () => {
      const m = SimulatedMachine.load({ machine: copySample(sample).dir });
      const outcome = buildPrf(await scanMachine(m.registry, m.system), 'Outlook');
      if (!outcome.ok) throw new Error(outcome.refusal.reason);
      const text = outcome.prf.text;
      expect(octStructureProblems(text)).toEqual([]);
      const prf = parsePrf(text);
      expect([...prf.keys()]).toEqual([...parsePrf(OCT_SHAPED).keys()]);
      expect(Object.fromEntries(prf.get('General')!)).toMatchObject({
        OverwriteProfile: 'Append',
        BackupProfile: 'False',
      });
      expect(Object.fromEntries(prf.get('Service1')!)).toEqual({
        UniqueService: 'Yes',
        OverwriteExistingService: 'No',
      });
      expect(prf.get('ServiceEGS1')!.get('RPCProxyAuthScheme')).toBe('0x0002');
      expect(text.endsWith('\r\n')).toBe(true);
    });
  }
});
