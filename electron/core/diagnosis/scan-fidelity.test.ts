/**
 * Issue 12's real-world shapes, one sample machine each (scripts/samples/fidelity-samples.ts
 * says where each shape comes from).
 */
import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import type { RegistryReader, SubtreeRequest } from '../registry/registry-port';
import { LIVE_SOURCE, type ScanSource } from './coverage';
import { BASE_SCAN_REQUESTS, scanMachine } from './scan';

function load(id: string) {
  const m = SimulatedMachine.load({ machine: copySample(id).dir });
  const source: ScanSource = { export: true, policyKnown: m.facts.lmPolicy !== undefined };
  return { m, source };
}

async function scan(id: string) {
  const { m, source } = load(id);
  return (await scanMachine(m.registry, m.system, new Date(), source)).report;
}

/** A reader that records what it was asked. */
function recording(inner: RegistryReader): RegistryReader & { asked: SubtreeRequest[] } {
  const asked: SubtreeRequest[] = [];
  return {
    name: inner.name,
    asked,
    readSubtrees: (rs) => {
      asked.push(...rs);
      return inner.readSubtrees(rs);
    },
  };
}

describe('Click-to-Run Microsoft 365 with a leftover Windows Messaging Subsystem profile', () => {
  it('detects 64-bit Click-to-Run, the live Office 16 profile, and the leftover one', async () => {
    const r = await scan('win10-m365-c2r-leftover-wms');
    expect(r.machine.outlook).toEqual([
      expect.objectContaining({
        version: '16.0',
        bitness: '64',
        installType: 'click-to-run',
        build: '16.0.17928.20114',
        products: ['O365ProPlusRetail'],
      }),
    ]);
    expect(r.profiles.map((p) => [p.store, p.name, p.status, p.isDefault, p.outlookVersion])).toEqual([
      ['wms', 'Outlook', 'leftover', false, null],
      ['16.0', 'Outlook', 'live', true, '16.0'],
    ]);
    // The leftover profile is on Basic, yet it is not a finding: the installed Outlook never opens it.
    expect(r.findings).toEqual([]);
    expect(r.coverage).toMatchObject({ source: 'export', complete: true, missing: [] });
  });

  it('reads two hint keys and the Outlook keys in the bubble, nothing else of Office', async () => {
    const { m, source } = load('win10-m365-c2r-leftover-wms');
    const reader = recording(m.registry);
    const { tree, requests } = await scanMachine(reader, m.system, new Date(), source);
    expect(requests).toEqual(reader.asked);
    expect(requests.slice(0, BASE_SCAN_REQUESTS.length)).toEqual(BASE_SCAN_REQUESTS);
    expect(requests.filter((r) => /ClickToRun\\REGISTRY/.test(r.path)).map((r) => r.path)).toEqual([
      expect.stringMatching(/\\Software\\Microsoft\\Office\\16\.0\\Outlook$/),
      expect.stringMatching(/\\Software\\Wow6432Node\\Microsoft\\Office\\16\.0\\Outlook$/),
    ]);
    const bubble = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\ClickToRun\\REGISTRY\\MACHINE\\Software';
    expect(m.tree.hasKey(`${bubble}\\Classes\\CLSID`)).toBe(true);
    expect(tree.hasKey(`${bubble}\\Classes`)).toBe(false);
    expect(tree.hasKey(`${bubble}\\Microsoft\\Office\\16.0\\Common`)).toBe(false);
  });
});

describe('partial exports never claim what they cannot show', () => {
  it('HKCU only: profiles read, every other part missing, no install so every root is shown', async () => {
    const r = await scan('xp-outlook2003-hkcu-only');
    expect(r.coverage).toMatchObject({
      complete: false,
      installUnknown: true,
      missing: ['officeInstall', 'lsa', 'osVersion', 'policy'],
    });
    expect(r.profiles.map((p) => [p.name, p.status, p.isDefault])).toEqual([['Outlook', 'unknown', true]]);
    expect(r.lsa).toMatchObject({ seen: false, lmLevelSource: 'unknown', lmCompatibilityLevel: null });
    // Basic is shown, but nothing is claimed about the LAN Manager level the export lacks.
    expect(r.findings.map((f) => f.id)).toEqual(['proxy-auth-basic']);
    expect(r.coverage!.commands).toContain(
      'reg export "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa" lsa.reg /y',
    );
    expect(r.coverage!.commands.at(-1)).toBe('gpresult /scope computer /z');
  });

  it('LSA only: the stored level is read, profiles and Windows version are not in the export', async () => {
    const r = await scan('xp-lsa-only-export');
    expect(r.lsa).toMatchObject({ seen: true, lmCompatibilityLevel: 0, lmLevelSource: 'stored' });
    expect(r.coverage).toMatchObject({
      complete: false,
      installUnknown: false,
      missing: ['profiles', 'officeInstall', 'osVersion', 'policy'],
    });
    // No profile was seen, so "no Outlook profiles" would be a claim the file cannot make.
    expect(r.findings).toEqual([]);
    expect(r.coverage!.commands.filter((c) => c.includes('HKCU'))).toHaveLength(3);
  });

  it('the same registry read live is complete: a missing key there is simply missing', async () => {
    const { m } = load('xp-lsa-only-export');
    const r = (await scanMachine(m.registry, m.system, new Date(), LIVE_SOURCE)).report;
    expect(r.coverage).toMatchObject({ source: 'live', complete: true, missing: [] });
    expect(r.findings.map((f) => f.id)).toEqual(['no-outlook-profiles']);
  });

  it('an export of another user (HKEY_USERS\\<SID>) says whose it is and exports from that hive', async () => {
    const { m } = load('xp-outlook2003-hkcu-only');
    const sid = 'S-1-5-21-1177238915-682003330-725345543-1004';
    const r = (
      await scanMachine(m.registry, m.system, new Date(), { export: true, policyKnown: false, userSid: sid })
    ).report;
    expect(r.coverage!.userSid).toBe(sid);
    expect(r.coverage!.commands.some((c) => c.startsWith(`reg export "HKU\\${sid}\\`))).toBe(false);
    const lsaOnly = load('xp-lsa-only-export');
    const r2 = (
      await scanMachine(lsaOnly.m.registry, lsaOnly.m.system, new Date(), {
        export: true,
        policyKnown: true,
        userSid: sid,
      })
    ).report;
    expect(r2.coverage!.commands).toContain(
      `reg export "HKU\\${sid}\\Software\\Microsoft\\Office\\16.0\\Outlook" outlook-16.0.reg /y`,
    );
    // A SID that is not one is never put into a command.
    const r3 = (
      await scanMachine(lsaOnly.m.registry, lsaOnly.m.system, new Date(), {
        export: true,
        policyKnown: true,
        userSid: 'S-1-5-21" & del /q *',
      })
    ).report;
    expect(r3.coverage!.userSid).toBeNull();
    expect(r3.coverage!.commands.join('\n')).not.toMatch(/del|HKU/);
  });
});

describe('values', () => {
  it('LmCompatibilityLevel as REG_SZ is reported as it is, never as "not set"', async () => {
    const r = await scan('xp-outlook2003-lm-string');
    expect(r.lsa).toMatchObject({
      lmCompatibilityLevel: null,
      lmLevelSource: 'unknown',
      invalidLmCompatibilityLevel: { type: 'REG_SZ', data: '2' },
    });
    expect(r.findings.map((f) => [f.id, f.severity, f.fixes, f.facts])).toEqual([
      ['lm-level-invalid', 'warning', ['lmcompat-3'], { type: 'REG_SZ', data: '2', defaultLevel: 0 }],
    ]);
  });

  it('Outlook 2010 32-bit on Windows 7 x64: WOW6432Node MSI, per-account profile on Basic', async () => {
    const r = await scan('win7-outlook2010-wow64');
    expect(r.machine.os).toMatchObject({ family: 'vista-or-later', currentVersion: '6.1' });
    expect(r.machine.outlook.map((o) => [o.version, o.bitness, o.installType])).toEqual([
      ['14.0', '32', 'msi'],
    ]);
    expect(r.profiles.map((p) => [p.status, p.outlookVersion, p.accounts.map((a) => a.accountName)])).toEqual(
      [['live', '14.0', ['jsmith@contoso.com']]],
    );
    expect(r.findings.map((f) => f.id)).toEqual(['proxy-auth-basic']);
  });

  it('reads the home server and mailbox from their Unicode (001f) forms', async () => {
    const r = await scan('win10-outlook2016-unicode-strings');
    const a = r.profiles[0]!.accounts[0]!;
    expect([a.homeServer, a.mailbox]).toEqual(['EXCH-北京01', 'zhang.wei']);
  });
});
