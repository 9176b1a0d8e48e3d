import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanMachine } from '../../core/diagnosis/scan';
import { LSA_KEY, RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../../core/registry/allowlist';
import { copySample, tempDir } from '../../test-support/sample-machines';
import { SimulatedMachine } from './simulated-machine';

const SID = 'S-1-5-21-1177238915-682003330-725345543-1004';
const PROFILES = 'Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';
const SECTION = `${PROFILES}\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a`;
const NTLM = { type: 'REG_BINARY', data: new Uint8Array([2, 0, 0, 0]) } as const;
const BASIC = { type: 'REG_BINARY', data: new Uint8Array([1, 0, 0, 0]) } as const;

const utf16 = (s: string): Buffer => Buffer.from(`\ufeff${s}`, 'utf16le');
const text16 = (b: Buffer): string => b.subarray(2).toString('utf16le');

function hive(...keys: string[]): string {
  const file = join(tempDir(), 'registry.reg');
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (const k of keys) lines.push(`[${k}]`, '"x"=dword:00000001', '');
  writeFileSync(file, utf16(lines.join('\r\n')));
  return file;
}

describe("an export of another user's hive (HKEY_USERS\\<SID>, no HKEY_CURRENT_USER)", () => {
  it("the sample is read as that user's HKEY_CURRENT_USER: profiles found, the SID named, the joins reported", async () => {
    const m = SimulatedMachine.load({ machine: copySample('xp-outlook2003-hku-export').dir });
    expect(m.userHive).toEqual({ sid: SID });
    expect(m.userHiveCandidates).toEqual([SID]);
    expect(m.loadWarnings.map((w) => [w.kind, w.line])).toEqual([
      ['joined-export', expect.any(Number)],
      ['joined-export', expect.any(Number)],
      ['joined-export', expect.any(Number)],
    ]);
    const { report } = await scanMachine(m.registry, m.system);
    expect(report.profiles.map((p) => [p.name, p.isDefault, p.accounts[0]?.rpcOverHttp?.authScheme])).toEqual(
      [['Outlook', true, 'basic']],
    );
    expect(report.findings.length).toBeGreaterThan(0);
    // Windows' own view: both names reach the same keys.
    expect(m.tree.getValue(`HKEY_CURRENT_USER\\${SECTION}`, '00036627')).toEqual(BASIC);
    expect(m.tree.getValue(`HKEY_USERS\\${SID}\\${SECTION}`, '00036627')).toEqual(BASIC);
  });

  it('a write to HKEY_CURRENT_USER changes the HKEY_USERS\\<SID> line in the file, and its undo gives the original bytes', async () => {
    const sample = copySample('xp-outlook2003-hku-export');
    const m = SimulatedMachine.load({ machine: sample.dir });
    await m.registry.setValue(`HKEY_CURRENT_USER\\${SECTION}`, '00036627', NTLM);
    const after = readFileSync(sample.registryFile);
    expect(text16(after)).toBe(
      text16(sample.originalBytes).replace('"00036627"=hex:01,00,00,00', '"00036627"=hex:02,00,00,00'),
    );
    expect(text16(after)).not.toContain('HKEY_CURRENT_USER');
    const fresh = SimulatedMachine.load({ machine: sample.dir });
    expect(fresh.tree.getValue(`HKCU\\${SECTION}`, '00036627')).toEqual(NTLM);
    await fresh.registry.setValue(`HKEY_CURRENT_USER\\${SECTION}`, '00036627', BASIC);
    expect(readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(true);
  });

  it('a new HKCU key (the resume entry) goes into a new HKEY_USERS\\<SID> block; HKLM writes are not mapped', async () => {
    const sample = copySample('xp-outlook2003-hku-export');
    const m = SimulatedMachine.load({ machine: sample.dir });
    await m.registry.writeMany!([
      { path: RUN_ONCE_KEY, name: RESUME_VALUE_NAME, value: { type: 'REG_SZ', data: 'x' } },
    ]);
    await m.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 });
    const text = text16(readFileSync(sample.registryFile));
    expect(text).toContain(
      `[HKEY_USERS\\${SID}\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce]\r\n"${RESUME_VALUE_NAME}"="x"\r\n`,
    );
    expect(text).toContain('"LmCompatibilityLevel"=dword:00000003');
    expect(text).not.toContain('HKEY_CURRENT_USER');
    const tree = await m.registry.readSubtrees([{ path: RUN_ONCE_KEY }]);
    expect(tree.getValue(RUN_ONCE_KEY, RESUME_VALUE_NAME)).toEqual({ type: 'REG_SZ', data: 'x' });
  });

  it('ignores .DEFAULT, the service accounts and the _Classes hives when counting users', () => {
    const m = SimulatedMachine.load({
      hive: hive(
        'HKEY_USERS\\.DEFAULT\\Software',
        'HKEY_USERS\\S-1-5-18\\Software',
        'HKEY_USERS\\S-1-5-19\\Software',
        'HKEY_USERS\\S-1-5-20\\Software',
        `HKEY_USERS\\${SID}_Classes\\CLSID`,
        `HKEY_USERS\\${SID}\\Software`,
      ),
    });
    expect(m.userHive).toEqual({ sid: SID });
    expect(m.tree.getValue('HKCU\\Software', 'x')).toEqual({ type: 'REG_DWORD', data: 1 });
  });

  it('counts Microsoft Entra ID users (S-1-12-1-…) as users too', () => {
    const entra = 'S-1-12-1-3543446282-1189419399-2183349653-2312208337';
    expect(SimulatedMachine.load({ hive: hive(`HKEY_USERS\\${entra}\\Software`) }).userHive).toEqual({
      sid: entra,
    });
  });

  it('with two users picks none and lists both; HKEY_CURRENT_USER writes stay HKEY_CURRENT_USER', async () => {
    const other = 'S-1-5-21-1177238915-682003330-725345543-1005';
    const file = hive(`HKEY_USERS\\${SID}\\Software`, `HKEY_USERS\\${other}\\Software`);
    const m = SimulatedMachine.load({ hive: file });
    expect(m.userHive).toBeNull();
    expect(m.userHiveCandidates).toEqual([SID, other]);
    expect(m.tree.hasKey('HKEY_CURRENT_USER')).toBe(false);
    await m.registry.setValue(RUN_ONCE_KEY, RESUME_VALUE_NAME, { type: 'REG_SZ', data: 'x' });
    expect(text16(readFileSync(file))).toContain(
      '[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce]',
    );
  });

  it('a file that has HKEY_CURRENT_USER keys is read as it is, whatever HKEY_USERS holds', () => {
    const m = SimulatedMachine.load({
      hive: hive('HKEY_CURRENT_USER\\Software', `HKEY_USERS\\${SID}\\Software`),
    });
    expect(m.userHive).toBeNull();
    expect(m.userHiveCandidates).toEqual([]);
  });
});
