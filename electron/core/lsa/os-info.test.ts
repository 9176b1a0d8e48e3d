import { describe, expect, it } from 'vitest';
import { RegTree } from '../registry/reg-tree';
import { readOsInfo, WINDOWS_VERSION_KEY } from './os-info';

type Values = Record<string, string | number>;

function os(values: Values) {
  const t = new RegTree();
  for (const [name, v] of Object.entries(values))
    t.setValue(
      WINDOWS_VERSION_KEY,
      name,
      typeof v === 'number' ? { type: 'REG_DWORD', data: v } : { type: 'REG_SZ', data: v },
    );
  return readOsInfo(t);
}

// Value shapes as Windows writes them under HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion.
describe('readOsInfo', () => {
  it('XP and Server 2003 by CurrentVersion', () => {
    expect(
      os({ ProductName: 'Microsoft Windows XP', CurrentVersion: '5.1', CurrentBuildNumber: '2600' }),
    ).toEqual({
      productName: 'Microsoft Windows XP',
      currentVersion: '5.1',
      build: '2600',
      family: 'xp-2000',
    });
    expect(os({ ProductName: 'Microsoft Windows Server 2003', CurrentVersion: '5.2' }).family).toBe(
      'server-2003',
    );
    expect(os({ ProductName: 'Microsoft Windows XP', CurrentVersion: '5.2' }).family).toBe('xp-2000');
  });

  it('Windows 10: the major and minor numbers, not the 6.3 kept for old programs', () => {
    const win10 = os({
      ProductName: 'Windows 10 Pro',
      CurrentVersion: '6.3',
      CurrentMajorVersionNumber: 10,
      CurrentMinorVersionNumber: 0,
      CurrentBuildNumber: '19045',
    });
    expect(win10).toEqual({
      productName: 'Windows 10 Pro',
      currentVersion: '10.0',
      build: '19045',
      family: 'vista-or-later',
    });
  });

  it('Windows 11, which keeps "Windows 10" in ProductName, is named by its build', () => {
    const win11 = os({
      ProductName: 'Windows 10 Enterprise',
      CurrentVersion: '6.3',
      CurrentMajorVersionNumber: 10,
      CurrentMinorVersionNumber: 0,
      CurrentBuild: '22631',
    });
    expect(win11.productName).toBe('Windows 11 Enterprise');
    expect(win11.currentVersion).toBe('10.0');
    // A server build past 22000 keeps its own name.
    expect(
      os({
        ProductName: 'Windows Server 2022 Datacenter',
        CurrentMajorVersionNumber: 10,
        CurrentBuildNumber: '25398',
      }).productName,
    ).toBe('Windows Server 2022 Datacenter');
  });

  it('Windows 7 without the numbers keeps CurrentVersion; nothing recorded is unknown', () => {
    expect(os({ ProductName: 'Windows 7 Professional', CurrentVersion: '6.1' }).currentVersion).toBe('6.1');
    expect(os({})).toEqual({ productName: null, currentVersion: null, build: null, family: 'unknown' });
  });
});
