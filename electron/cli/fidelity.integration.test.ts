/**
 * Issue 12 through the real CLI, one sample machine per class of real-world input
 * (scripts/samples/fidelity-samples.ts says where each shape comes from).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import { encodeMapiValue } from '../core/outlook/mapi-property';
import { LSA_KEY } from '../core/registry/allowlist';
import { REGEDIT5_FORMAT, regFileFromTree, writeRegFile } from '../core/registry/reg-file';
import { exproxy } from '../test-support/cli-runner';
import { copySample, tempDir } from '../test-support/sample-machines';

const WMS_OUTLOOK =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook';
const diagnose = (dir: string, ...more: string[]) =>
  exproxy(['diagnose', '--machine', dir, '--no-network', ...more]);
const json = (dir: string) => JSON.parse(diagnose(dir, '--json').out);

describe('Click-to-Run with a leftover profile', () => {
  it('shows the leftover profile as such; it never makes the exit code 10', () => {
    const { dir } = copySample('win10-m365-c2r-leftover-wms');
    const r = diagnose(dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Outlook: Outlook 2016 or later 64-bit, Click-to-Run 16.0.17928.20114');
    expect(r.out).toContain(
      `Profile "Outlook" — left over from Outlook 2003–2010, not used by the installed Outlook (${WMS_OUTLOOK})`,
    );
    expect(r.out).toMatch(/Profile "Outlook" \(default\) — Outlook 2016 or later/);
    expect(
      json(dir).profiles.map((p: { status: string; isDefault: boolean }) => [p.status, p.isDefault]),
    ).toEqual([
      ['leftover', false],
      ['live', true],
    ]);
    expect(diagnose(dir, '--json').code).toBe(0);
  });

  it('--profile NAME means the live profile; the leftover one only by its registry path', () => {
    const { dir, registryFile, originalBytes } = copySample('win10-m365-c2r-leftover-wms');
    const state = tempDir();
    const byName = exproxy([
      'apply',
      'proxy-auth-ntlm',
      '--profile',
      'Outlook',
      '--machine',
      dir,
      '--yes',
      '--state',
      state,
      '--no-network',
    ]);
    expect(byName.code, byName.err).toBe(0);
    expect(byName.out).toMatch(/Nothing to change/);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
    const byPath = exproxy([
      'apply',
      'proxy-auth-ntlm',
      '--profile',
      WMS_OUTLOOK,
      '--machine',
      dir,
      '--yes',
      '--state',
      state,
      '--no-network',
    ]);
    expect(byPath.code, byPath.err).toBe(0);
    expect(byPath.out).toContain(`${WMS_OUTLOOK}\\a1b2c3d4e5f60718293a4b5c6d7e8f90\\00036627`);
  });

  it('a PRF is never built from the leftover profile', () => {
    const { dir } = copySample('win10-m365-c2r-leftover-wms');
    const out = `${tempDir()}/fix.prf`;
    const r = exproxy(['prf', '--profile', 'Outlook', '--out', out, '--machine', dir]);
    expect(r.code, r.err).toBe(0);
    // "Outlook" means the profile in use, which is on NTLM already: nothing to write. The
    // leftover "Outlook" on Basic (mail.contoso.com) is never what a PRF is built from.
    expect(r.out).toMatch(/already signs in to the Exchange proxy with NTLM/);
    expect(existsSync(out)).toBe(false);
    expect(r.out).not.toContain('mail.contoso.com');
  });
});

describe('partial exports', () => {
  it('HKCU only: says what it cannot show, how to complete it, and exits 10 for the Basic profile', () => {
    const { dir } = copySample('xp-outlook2003-hkcu-only');
    const r = diagnose(dir);
    expect(r.code).toBe(10);
    expect(r.out).toContain('LAN Manager authentication level: not in this export');
    expect(r.out).not.toMatch(/not set|in effect/);
    expect(r.out).toContain(
      'This diagnosis is incomplete: the export does not show which Outlook is installed, the LAN Manager settings (the LSA key), the Windows version, whether a policy sets the LAN Manager level.',
    );
    expect(r.out).toMatch(/No Outlook install was found/);
    expect(r.out).toContain('  reg export "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa" lsa.reg /y');
    expect(r.out).toContain('  exproxy diagnose --hive export-complete.reg');
    expect(json(dir).coverage).toMatchObject({
      source: 'export',
      complete: false,
      missing: ['officeInstall', 'lsa', 'osVersion', 'policy'],
      seen: { profiles: true, officeInstall: false, lsa: false, osVersion: false, policy: false },
    });
  });

  it('HKCU only, once nothing is wrong in it: exit 11, never 0, and no LAN Manager write', () => {
    const { dir } = copySample('xp-outlook2003-hkcu-only');
    const state = tempDir();
    const lm = exproxy([
      'apply',
      'proxy-auth-ntlm',
      'lmcompat-3',
      '--machine',
      dir,
      '--yes',
      '--state',
      state,
      '--no-network',
    ]);
    expect(lm.code).toBe(5);
    expect(lm.err).toMatch(/not in this export/);
    expect(
      exproxy(['apply', 'proxy-auth-ntlm', '--machine', dir, '--yes', '--state', state, '--no-network']).code,
    ).toBe(0);
    const r = diagnose(dir);
    expect(r.code).toBe(11);
    expect(r.out).toContain('Nothing to fix in what this export shows, but it does not show everything');
  });

  it('LSA only: exit 11, the stored level shown, profiles and Windows version not in the export', () => {
    const { dir } = copySample('xp-lsa-only-export');
    const r = diagnose(dir);
    expect(r.code).toBe(11);
    expect(r.out).toContain('Machine: not in this export');
    expect(r.out).toContain('LAN Manager authentication level: 0 → in effect 0');
    expect(r.out).not.toMatch(/No Outlook profiles were found/);
    expect(r.out).toContain(
      '  reg export "HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook" outlook-16.0.reg /y',
    );
  });

  it('a complete PC given as --hive alone: a file cannot show the policy, so exit 11', () => {
    const { registryFile, dir } = copySample('xp-outlook2003-fixed');
    expect(diagnose(dir).code).toBe(0);
    const r = exproxy(['diagnose', '--hive', registryFile, '--no-network']);
    expect(r.code).toBe(11);
    expect(r.out).toMatch(/whether a policy sets the LAN Manager level\./);
    expect(r.out).toContain('gpresult /scope computer /z');
  });

  it('says it in Simplified Chinese too', () => {
    const { dir } = copySample('xp-outlook2003-hkcu-only');
    const r = exproxy(['diagnose', '--machine', dir, '--no-network'], { EXPROXY_LANG: 'zh_CN.UTF-8' });
    expect(r.out).toContain('此诊断不完整');
    expect(r.out).toContain('LAN Manager 身份验证级别：此导出文件中没有');
  });
});

describe('an invalid LmCompatibilityLevel', () => {
  it('REG_SZ: reported as stored; lmcompat-3 writes REG_DWORD 3; the undo gives back the original bytes', () => {
    const { dir, registryFile, originalBytes } = copySample('xp-outlook2003-lm-string');
    const d = diagnose(dir);
    expect(d.code).toBe(10);
    expect(d.out).toContain('stored as REG_SZ 2, which is not a level');
    expect(d.out).not.toMatch(/not set/);
    const state = tempDir();
    const a = exproxy(['apply', 'lmcompat-3', '--machine', dir, '--yes', '--state', state, '--no-network']);
    expect(a.code, a.err).toBe(0);
    expect(a.out).toContain('REG_SZ "2" → REG_DWORD 0x00000003 (3)');
    expect(json(dir).lsa).toMatchObject({ lmCompatibilityLevel: 3, invalidLmCompatibilityLevel: null });
    expect(exproxy(['rollback', '--last', '--machine', dir, '--state', state]).code).toBe(0);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
  });

  it('REG_DWORD 7: the same, and lmcompat-2 refuses', async () => {
    const { dir, registryFile } = copySample('xp-outlook2003-lm-string');
    await SimulatedMachine.load({ machine: dir }).elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', {
      type: 'REG_DWORD',
      data: 7,
    });
    const seven = readFileSync(registryFile);
    const state = tempDir();
    expect(
      exproxy(['apply', 'lmcompat-2', '--machine', dir, '--yes', '--state', state, '--no-network']).code,
    ).toBe(2);
    expect(
      exproxy(['apply', 'lmcompat-3', '--machine', dir, '--yes', '--state', state, '--no-network']).code,
    ).toBe(0);
    expect(exproxy(['rollback', '--last', '--machine', dir, '--state', state]).code).toBe(0);
    expect(readFileSync(registryFile).equals(seven)).toBe(true);
  });
});

describe('Outlook installs and values', () => {
  it('Outlook 2010 32-bit on Windows 7 x64 (WOW6432Node)', () => {
    const { dir } = copySample('win7-outlook2010-wow64');
    const j = json(dir);
    expect(j.machine.outlook).toEqual([
      expect.objectContaining({
        version: '14.0',
        bitness: '32',
        installType: 'msi',
        installPath: expect.stringContaining('(x86)'),
      }),
    ]);
    expect(diagnose(dir).out).toContain('Outlook: Outlook 2010 32-bit, MSI');
  });

  it('prints a Unicode (001f) home server', () => {
    const { dir } = copySample('win10-outlook2016-unicode-strings');
    expect(diagnose(dir).out).toContain('home server EXCH-北京01');
  });

  it('flags and sign-in values with every bit set are unsigned 32-bit, never negative', () => {
    const { dir, registryFile } = copySample('xp-outlook2003-basic');
    const tree = SimulatedMachine.load({ machine: dir }).tree;
    const allBits = encodeMapiValue({ kind: 'long', value: 0xffffffff });
    tree.setValue(`${WMS_OUTLOOK}\\13dbb0c8aa05101a9bb000aa002fc45a`, '00036623', allBits);
    tree.setValue(`${WMS_OUTLOOK}\\13dbb0c8aa05101a9bb000aa002fc45a`, '00036627', allBits);
    writeFileSync(registryFile, writeRegFile(regFileFromTree(tree, REGEDIT5_FORMAT)));
    const r = diagnose(dir, '--json');
    const roh = JSON.parse(r.out).profiles[0].accounts[0].rpcOverHttp;
    expect(roh).toMatchObject({ flags: 4294967295, unknownFlags: 4294967248, authSchemeValue: 4294967295 });
    expect(r.out).not.toMatch(/": -\d/);
    expect(diagnose(dir).out).toContain('proxy sign-in other (0xffffffff)');
  });
});

describe('usage text', () => {
  it('lists exit code 11', () => {
    expect(exproxy(['help']).out).toMatch(/11 incomplete/);
  });
});
