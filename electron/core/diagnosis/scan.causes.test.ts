import { describe, expect, it } from 'vitest';
import { simulatedCredentialStore } from '../../adapters/simulated/simulated-credentials';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import type { CredentialStorePort } from '../causes/credential-port';
import { CAUSE_SCAN_REQUESTS } from '../causes/scan-requests';
import type { RegistryReader, SubtreeRequest } from '../registry/registry-port';
import { SCAN_REQUESTS, scanMachine } from './scan';

function load(sample: string) {
  const m = SimulatedMachine.load({ machine: copySample(sample).dir });
  const asked: SubtreeRequest[] = [];
  const reader: RegistryReader = {
    name: 'counting',
    readSubtrees: async (r) => {
      asked.push(...r);
      return m.registry.readSubtrees(r);
    },
  };
  return { m, reader, asked, credentials: simulatedCredentialStore(m.factsFile, m.facts.savedCredentials) };
}

const ids = (findings: readonly { id: string }[]) => findings.map((f) => f.id);

describe('the scan and the causes beyond KB820281', () => {
  it('reads the cause keys of the installed Outlook only, and collect.cmd gathers all of them', async () => {
    // An export without the install hints (no CurVer): every version's keys, as for the install keys.
    const xp = load('xp-outlook2003-always-prompt');
    await scanMachine(xp.reader, xp.m.system);
    const paths = (a: SubtreeRequest[]) =>
      a.map((r) => r.path).filter((p) => /Policies|Identity|\\Exchange$/.test(p));
    expect(paths(xp.asked)).toEqual(CAUSE_SCAN_REQUESTS.map((r) => r.path));
    const o15 = load('win7-outlook2013-policies');
    await scanMachine(o15.reader, o15.m.system);
    expect(paths(o15.asked)).toEqual([
      'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\15.0\\Outlook\\Security',
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\15.0\\Common\\Identity',
      'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\15.0\\Common\\Identity',
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Exchange',
      'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Exchange',
    ]);
    const o16 = load('win10-outlook2016-cloud');
    await scanMachine(o16.reader, o16.m.system);
    expect(paths(o16.asked)).toEqual([
      'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\16.0\\Outlook\\Security',
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Common\\Identity',
      'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\16.0\\Common\\Identity',
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Exchange',
      'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Exchange',
    ]);
    for (const r of [...xp.asked, ...o16.asked].filter((r) => /Policies|Identity|\\Exchange$/.test(r.path)))
      expect(r.recursive).toBe(false);
    for (const r of CAUSE_SCAN_REQUESTS) expect(SCAN_REQUESTS).toContainEqual(r);
  });

  it('finds each cause, with whether the PC is on a domain, the saved sign-ins and the modern-auth switches', async () => {
    const cases: [string, string[]][] = [
      ['xp-outlook2003-always-prompt', ['prompt-always-on']],
      [
        'xp-outlook2003-causes',
        [
          'prompt-always-on',
          'cause-value-unreadable',
          'logon-kerberos-only',
          'cause-value-unreadable',
          'exchange-online-rpc',
        ],
      ],
      [
        'win10-outlook2016-cloud',
        [
          'prompt-always-on',
          'logon-kerberos-only',
          'exchange-online-rpc',
          'modern-auth-off-2016',
          'msoauth-autodiscover-off',
          'mapi-http-disabled',
        ],
      ],
      [
        'win7-outlook2013-policies',
        [
          'prompt-always-policy',
          'prompt-always-policy',
          'logon-policy-kerberos',
          'exchange-online-rpc',
          'modern-auth-off-2013',
          'msoauth-autodiscover-off',
          'modern-auth-policy',
        ],
      ],
      ['win10-outlook2016-saved-credentials', ['saved-credentials']],
    ];
    for (const [sample, want] of cases) {
      const { m, credentials } = load(sample);
      const { report } = await scanMachine(m.registry, m.system, new Date(), undefined, { credentials });
      expect(ids(report.findings), sample).toEqual(want);
      expect(report.domainJoined, sample).toBe(m.facts.domainJoined);
    }
    const off = load('xp-outlook2003-causes');
    const { report } = await scanMachine(off.m.registry, off.m.system);
    // Off the domain, Kerberos only cannot work at all: an error, not a warning.
    expect(report.findings.find((f) => f.id === 'logon-kerberos-only')).toMatchObject({
      severity: 'error',
      profile: 'Outlook',
      fixes: ['logon-ntlm'],
      facts: { domainJoined: false, recommended: 10 },
    });
    // A Microsoft 365 account on Basic: no KB820281 finding, and no NTLM offered.
    expect(report.findings.filter((f) => f.profile === 'Travel').map((f) => f.id)).toEqual([
      'exchange-online-rpc',
    ]);
    const cloud = load('win10-outlook2016-cloud');
    const c = await scanMachine(cloud.m.registry, cloud.m.system);
    expect(c.report.modernAuth).toMatchObject({
      enableAdal2016: { user: { state: 'set', value: 0 }, managed: false, effective: 0 },
      mapiHttpDisabled: { effective: 1, managed: false },
    });
  });

  it('a store that cannot be listed is said, never a reason to stop; no store is null', async () => {
    const { m } = load('win10-outlook2016-saved-credentials');
    const broken: CredentialStorePort = {
      name: 'broken',
      list: async () => {
        throw new Error('Windows could not list the saved credentials (error 1312).');
      },
      remove: async () => 'not-found',
    };
    const a = await scanMachine(m.registry, m.system, new Date(), undefined, { credentials: broken });
    expect(a.report).toMatchObject({ savedCredentials: null, savedCredentialsError: /error 1312/ });
    expect(ids(a.report.findings)).toEqual([]);
    // Nothing actionable: what was checked (not the saved sign-ins) and what to look at next.
    expect(a.report.guidance!.checked).not.toContain('saved-credentials');
    expect(a.report.guidance!.steps.map((s) => s.key)).toEqual([
      'connection-status',
      'authn-column',
      'protocol-column',
      'proxy-not-asked',
      'credential-store-not-read',
    ]);
    const b = await scanMachine(m.registry, m.system);
    expect(b.report).toMatchObject({ savedCredentials: null, savedCredentialsError: null });
  });

  it('gives guidance only when nothing actionable was found', async () => {
    const fixed = load('xp-outlook2003-fixed');
    const r = (await scanMachine(fixed.m.registry, fixed.m.system)).report;
    expect(r.findings).toEqual([]);
    expect(r.guidance!.checked).toEqual([
      'proxy-auth',
      'lm-level',
      'prompt-setting',
      'logon-security',
      'exchange-online',
      'modern-auth',
    ]);
    const basic = load('xp-outlook2003-basic');
    expect((await scanMachine(basic.m.registry, basic.m.system)).report.guidance).toBeNull();
  });
});
