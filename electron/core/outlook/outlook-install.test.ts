import { describe, expect, it } from 'vitest';
import { RegTree } from '../registry/reg-tree';
import type { RegValue } from '../registry/reg-value';
import {
  C2R15_VIRTUAL_KEY,
  C2R_CONFIGURATION_KEY,
  OUTLOOK_CURVER_KEY,
  c2rBubbleOutlookKey,
} from './install-probes';
import { currentOutlook, findInstalledOutlook } from './outlook-install';

const OFFICE = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office';
const OFFICE_WOW = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office';
const sz = (data: string): RegValue => ({ type: 'REG_SZ', data });

function tree(values: [string, string, string][]): RegTree {
  const t = new RegTree();
  for (const [path, name, data] of values) t.setValue(path, name, sz(data));
  return t;
}

const C2R_CONFIG: [string, string, string][] = [
  [C2R_CONFIGURATION_KEY, 'Platform', 'x64'],
  [C2R_CONFIGURATION_KEY, 'VersionToReport', '16.0.17928.20114'],
  [C2R_CONFIGURATION_KEY, 'ProductReleaseIds', 'O365ProPlusRetail, VisioProRetail'],
  [C2R_CONFIGURATION_KEY, 'InstallationPath', 'C:\\Program Files\\Microsoft Office'],
];

describe('which Outlook is installed', () => {
  it('Click-to-Run 2016+: version, bitness, build and products from the bubble and ClickToRun\\Configuration', () => {
    const t = tree([
      ...C2R_CONFIG,
      [c2rBubbleOutlookKey('16.0', false), 'Bitness', 'x64'],
      [
        `${c2rBubbleOutlookKey('16.0', false)}\\InstallRoot`,
        'Path',
        'C:\\Program Files\\Microsoft Office\\root\\Office16\\',
      ],
    ]);
    expect(findInstalledOutlook(t)).toEqual([
      {
        version: '16.0',
        displayName: 'Outlook 2016 or later',
        installPath: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\',
        bitness: '64',
        installType: 'click-to-run',
        build: '16.0.17928.20114',
        products: ['O365ProPlusRetail', 'VisioProRetail'],
      },
    ]);
  });

  it('32-bit Click-to-Run on 64-bit Windows: the Wow6432Node branch inside the bubble', () => {
    const t = tree([
      [C2R_CONFIGURATION_KEY, 'Platform', 'x86'],
      [
        `${c2rBubbleOutlookKey('16.0', true)}\\InstallRoot`,
        'Path',
        'C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\',
      ],
    ]);
    expect(findInstalledOutlook(t).map((o) => [o.version, o.bitness, o.installType])).toEqual([
      ['16.0', '32', 'click-to-run'],
    ]);
  });

  it('Click-to-Run InstallRoot written outside the bubble is still Click-to-Run (its root folder)', () => {
    const t = tree([
      ...C2R_CONFIG,
      [
        `${OFFICE}\\16.0\\Outlook\\InstallRoot`,
        'Path',
        'C:\\Program Files\\Microsoft Office\\root\\Office16\\',
      ],
    ]);
    expect(findInstalledOutlook(t)[0]).toMatchObject({ installType: 'click-to-run', bitness: '64' });
  });

  it('MSI: 32-bit Office 2010 in the 32-bit view; 64-bit Office 2016 by its Bitness value', () => {
    const wow = tree([
      [`${OFFICE_WOW}\\14.0\\Outlook`, 'Bitness', 'x86'],
      [
        `${OFFICE_WOW}\\14.0\\Outlook\\InstallRoot`,
        'Path',
        'C:\\Program Files (x86)\\Microsoft Office\\Office14\\',
      ],
    ]);
    expect(findInstalledOutlook(wow).map((o) => [o.version, o.bitness, o.installType, o.build])).toEqual([
      ['14.0', '32', 'msi', null],
    ]);
    const x64 = tree([
      [`${OFFICE}\\16.0\\Outlook`, 'Bitness', 'x64'],
      [`${OFFICE}\\16.0\\Outlook\\InstallRoot`, 'Path', 'C:\\Program Files\\Microsoft Office\\Office16\\'],
    ]);
    expect(findInstalledOutlook(x64).map((o) => [o.version, o.bitness, o.installType])).toEqual([
      ['16.0', '64', 'msi'],
    ]);
  });

  it('Outlook 2003 and 2007 are 32-bit whatever view they are found in', () => {
    const t = tree([
      [`${OFFICE}\\11.0\\Outlook\\InstallRoot`, 'Path', 'C:\\Program Files\\Microsoft Office\\OFFICE11\\'],
    ]);
    t.ensureKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft');
    expect(findInstalledOutlook(t).map((o) => [o.version, o.bitness])).toEqual([['11.0', '32']]);
  });

  it('Outlook 2013 by Click-to-Run: VirtualOutlook in the 32-bit view', () => {
    const t = tree([[`${OFFICE_WOW}\\15.0\\Common\\InstallRoot\\Virtual`, 'VirtualOutlook', 'en-us']]);
    expect(C2R15_VIRTUAL_KEY).toBe(`${OFFICE}\\15.0\\Common\\InstallRoot\\Virtual`);
    expect(findInstalledOutlook(t)).toEqual([
      expect.objectContaining({ version: '15.0', bitness: '32', installType: 'click-to-run' }),
    ]);
  });

  it('Click-to-Run whose COM server CurVer names Outlook 16 counts even without the bubble key', () => {
    const t = tree([...C2R_CONFIG, [OUTLOOK_CURVER_KEY, '', 'Outlook.Application.16']]);
    expect(findInstalledOutlook(t)).toEqual([
      expect.objectContaining({
        version: '16.0',
        installType: 'click-to-run',
        installPath: 'C:\\Program Files\\Microsoft Office',
      }),
    ]);
    // Without CurVer, ClickToRun\Configuration alone does not prove Outlook (it may be excluded).
    expect(findInstalledOutlook(tree(C2R_CONFIG))).toEqual([]);
  });

  it('an InstallRoot without a Path, or a Path that is not text, is not an install', () => {
    const t = new RegTree();
    t.ensureKey(`${OFFICE}\\14.0\\Outlook\\InstallRoot`);
    t.setValue(`${OFFICE}\\15.0\\Outlook\\InstallRoot`, 'Path', { type: 'REG_DWORD', data: 1 });
    t.setValue(`${OFFICE}\\16.0\\Outlook`, 'Bitness', sz('x64'));
    expect(findInstalledOutlook(t)).toEqual([]);
  });

  it('the Outlook in use is the one CurVer names, else the newest found', () => {
    const t = tree([
      [`${OFFICE_WOW}\\14.0\\Outlook\\InstallRoot`, 'Path', 'C:\\Office14\\'],
      [`${OFFICE_WOW}\\16.0\\Outlook\\InstallRoot`, 'Path', 'C:\\Office16\\'],
    ]);
    const installed = findInstalledOutlook(t);
    expect(currentOutlook(t, installed)?.version).toBe('16.0');
    t.setValue(OUTLOOK_CURVER_KEY, '', sz('Outlook.Application.14'));
    expect(currentOutlook(t, installed)?.version).toBe('14.0');
    expect(currentOutlook(t, [])).toBeNull();
  });
});
