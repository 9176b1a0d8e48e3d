import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { editedSample, mapiLong as long } from '../../test-support/edit-sample';
import { copySample } from '../../test-support/sample-machines';
import { scanMachine, type ScanResult } from '../diagnosis/scan';
import type { RegTree } from '../registry/reg-tree';
import { hexToBytes } from '../registry/reg-value';
import { buildPrf, encodePrf, parsePrf, type PrfOutcome, type PrfResult } from './prf';
import { prfRefusalText } from './prf-refusal';
import texts from './prf-text.json';

const PROFILE_2016 = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook';
const FIRST = 'a345f1e1fd57fc40a98c6265aef8ebbd'; // jsmith@contoso.com, Basic in the sample
const SECOND = 'c1d2e3f4a5b60718293a4b5c6d7e8f90'; // helpdesk@fabrikam.com, NTLM in the sample
const CLIENT = '0a0d020000000000c000000000000046';

/** A sample machine, its registry edited first (the shapes each test needs). */
async function scan(sample: string, edit?: (t: RegTree) => void): Promise<ScanResult> {
  const { dir } = edit ? editedSample(sample, edit) : copySample(sample);
  const m = SimulatedMachine.load({ machine: dir });
  return scanMachine(m.registry, m.system);
}

function written(outcome: PrfOutcome): PrfResult {
  if (!outcome.ok) throw new Error(`refused: ${prfRefusalText(outcome.refusal, 'en')}`);
  return outcome.prf;
}

function refusal(outcome: PrfOutcome) {
  if (outcome.ok) throw new Error('a PRF was written');
  return outcome.refusal;
}

describe('PRF for Outlook 2003/2007 (the fixed Exchange Global Section)', () => {
  it('carries the inspected Outlook Anywhere values with only the scheme changed to NTLM', async () => {
    const s = await scan('xp-outlook2003-basic');
    const account = s.report.profiles[0]!.accounts[0]!;
    const prf = written(buildPrf(s, 'outlook'));
    expect(prf.account).toBe('13dbb0c8aa05101a9bb000aa002fc45a');
    const egs = parsePrf(prf.text).get('ServiceEGS1')!;
    expect(Object.fromEntries(egs)).toEqual({
      RPCoverHTTPflags: '0x0023',
      RPCProxyServer: account.rpcOverHttp.proxyServer,
      RPCProxyPrincipalName: account.rpcOverHttp.principalName,
      RPCProxyAuthScheme: '0x0002',
    });
    expect(prf.notCovered).toEqual([]);
  });

  it('refuses a profile already on NTLM, and one without Outlook Anywhere', async () => {
    expect(refusal(buildPrf(await scan('xp-outlook2003-fixed'), 'Outlook')).reason).toBe('already-ntlm');
    const noRpc = await scan('xp-outlook2003-no-rpc');
    const r = refusal(buildPrf(noRpc, noRpc.report.profiles[0]!.name));
    expect(r.reason).toBe('no-outlook-anywhere');
    expect(prfRefusalText(r, 'en')).toMatch(/no Exchange account that connects through Outlook Anywhere/);
  });

  it('never turns Negotiate, certificate or unknown schemes into NTLM', async () => {
    const global =
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a';
    for (const [scheme, words] of [
      [0x10, 'Negotiate'],
      [0x10000, 'certificate authentication'],
      [0x8, 'an unknown method (0x8)'],
    ] as const) {
      const s = await scan('xp-outlook2003-basic', (t) => t.setValue(global, '00036627', long(scheme)));
      const r = refusal(buildPrf(s, 'Outlook'));
      expect(r.reason).toBe('scheme-not-basic');
      expect(prfRefusalText(r, 'en')).toContain(`signs in to the Exchange proxy with ${words}, not Basic`);
      expect(prfRefusalText(r, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('PRF for Outlook 2010 and later (one section per account)', () => {
  it('writes the PRF when the account on Basic is the legacy (first) account', async () => {
    const s = await scan('win10-outlook2016-two-accounts');
    const first = s.report.profiles[0]!.accounts.find((a) => a.section === FIRST)!;
    const prf = written(buildPrf(s, 'Outlook'));
    expect(prf.account).toBe(FIRST);
    expect(parsePrf(prf.text).get('ServiceEGS1')!.get('RPCProxyServer')).toBe(first.rpcOverHttp.proxyServer);
  });

  it('refuses when only a secondary account is on Basic: the PRF would land on the first account', async () => {
    const s = await scan('win10-outlook2016-two-accounts', (t) => {
      t.setValue(`${PROFILE_2016}\\${FIRST}`, '00036627', long(2));
      t.setValue(`${PROFILE_2016}\\${SECOND}`, '00036627', long(1));
    });
    const r = refusal(buildPrf(s, 'Outlook'));
    expect(r.reason).toBe('secondary-account');
    expect(r.facts).toMatchObject({ account: 'helpdesk@fabrikam.com', legacy: 'jsmith@contoso.com' });
    const en = prfRefusalText(r, 'en');
    expect(en).toContain('Fix it for me');
    expect(en).toContain('Show me how');
    expect(prfRefusalText(r, 'zh-CN')).toContain('帮我修复');
  });

  it('follows the legacy stamp, not the account order', async () => {
    // The stamp names the second account: now that one is the PRF's, and the first is out of reach.
    const s = await scan('win10-outlook2016-two-accounts', (t) => {
      t.setValue(`${PROFILE_2016}\\${CLIENT}`, '01023d15', { type: 'REG_BINARY', data: hexToBytes(SECOND) });
    });
    expect(refusal(buildPrf(s, 'Outlook')).reason).toBe('secondary-account');
    const both = await scan('win10-outlook2016-two-accounts', (t) => {
      t.setValue(`${PROFILE_2016}\\${CLIENT}`, '01023d15', { type: 'REG_BINARY', data: hexToBytes(SECOND) });
      t.setValue(`${PROFILE_2016}\\${SECOND}`, '00036627', long(1));
    });
    const prf = written(buildPrf(both, 'Outlook'));
    expect(prf.account).toBe(SECOND);
    expect(prf.notCovered).toEqual(['jsmith@contoso.com']);
  });

  it('refuses when several accounts exist and none is stamped as the legacy one', async () => {
    const s = await scan('win10-outlook2016-two-accounts', (t) => {
      t.deleteValue(`${PROFILE_2016}\\${CLIENT}`, '01023d15');
    });
    expect(refusal(buildPrf(s, 'Outlook')).reason).toBe('legacy-unknown');
  });

  it('never feeds a leftover profile; a live profile of the same name wins', async () => {
    const s = await scan('xp-outlook2003-basic');
    const live = s.report.profiles[0]!;
    const leftover = { ...live, status: 'leftover' as const };
    const onlyLeftover = { ...s, report: { ...s.report, profiles: [leftover] } };
    expect(refusal(buildPrf(onlyLeftover, live.name)).reason).toBe('leftover-profile');
    const both = { ...s, report: { ...s.report, profiles: [leftover, live] } };
    expect(written(buildPrf(both, live.name)).profile).toBe(live.name);
  });
});

describe('PRF file encoding and INI safety', () => {
  async function renamed(name: string): Promise<ScanResult> {
    const s = await scan('xp-outlook2003-basic');
    return { ...s, report: { ...s.report, profiles: [{ ...s.report.profiles[0]!, name }] } };
  }

  it('writes ANSI when it can, UTF-16LE with a BOM when a name needs it, CRLF lines', async () => {
    const ansi = encodePrf(written(buildPrf(await renamed('Café'), 'Café')).text);
    expect(ansi[0]).not.toBe(0xff);
    expect(Buffer.from(ansi).toString('latin1')).toContain('ProfileName=Café\r\n');
    const name = '邮件 “Zoë”';
    const wide = encodePrf(written(buildPrf(await renamed(name), name)).text);
    expect([wide[0], wide[1]]).toEqual([0xff, 0xfe]);
    const text = Buffer.from(wide.subarray(2)).toString('utf16le');
    expect(parsePrf(text).get('General')!.get('ProfileName')).toBe(name);
    expect(text.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
  });

  it('refuses values that would break the INI structure', async () => {
    const r = refusal(buildPrf(await renamed('a\r\n[General]'), 'a\r\n[General]'));
    expect(r).toEqual({ reason: 'line-break', facts: { profile: 'a\r\n[General]', field: 'ProfileName' } });
  });

  it('refuses an unknown profile name', async () => {
    expect(refusal(buildPrf(await scan('xp-outlook2003-basic'), 'Nope')).reason).toBe('no-profile');
  });
});

describe('PRF refusal texts', () => {
  it('exist in both languages with the same keys and placeholders', () => {
    const leaves = (o: unknown, p = ''): [string, string][] =>
      typeof o === 'string'
        ? [[p, o]]
        : Object.entries(o as object).flatMap(([k, v]) => leaves(v, `${p}.${k}`));
    const ph = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const z = new Map(leaves(texts['zh-CN']));
    const e = leaves(texts.en);
    expect([...z.keys()].sort()).toEqual(e.map(([k]) => k).sort());
    for (const [key, text] of e) expect(ph(z.get(key)!), key).toEqual(ph(text));
  });
});
