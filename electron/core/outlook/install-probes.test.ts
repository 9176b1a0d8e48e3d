import { describe, expect, it } from 'vitest';
import { RegTree } from '../registry/reg-tree';
import { snapshotPathFor } from '../registry/registry-port';
import {
  ALL_INSTALL_REQUESTS,
  C2R_CONFIGURATION_KEY,
  OUTLOOK_CURVER_KEY,
  installRequests,
  readInstallHints,
} from './install-probes';

const paths = (rs: ReturnType<typeof installRequests>) => rs.map((r) => snapshotPathFor(r.path, r.view));

describe('install hints and the keys read for them', () => {
  it('reads the version CurVer names, and whether Click-to-Run is there', () => {
    const t = new RegTree();
    expect(readInstallHints(t)).toEqual({ version: null, clickToRun: false });
    t.setValue(OUTLOOK_CURVER_KEY, '', { type: 'REG_SZ', data: 'Outlook.Application.16' });
    t.ensureKey(C2R_CONFIGURATION_KEY);
    expect(readInstallHints(t)).toEqual({ version: '16.0', clickToRun: true });
    for (const junk of ['Outlook.Application.13', 'Outlook.Application.16.3', 'Word.Application.16', '16']) {
      t.setValue(OUTLOOK_CURVER_KEY, '', { type: 'REG_SZ', data: junk });
      expect(readInstallHints(t).version).toBeNull();
    }
  });

  it('MSI Outlook: only its own Outlook key, in both views', () => {
    expect(paths(installRequests({ version: '14.0', clickToRun: false }))).toEqual([
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\14.0\\Outlook',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\14.0\\Outlook',
    ]);
  });

  it('Click-to-Run 2016+: the two Outlook keys in the bubble, never the bubble itself', () => {
    const rs = installRequests({ version: '16.0', clickToRun: true });
    expect(paths(rs)).toEqual([
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\ClickToRun\\REGISTRY\\MACHINE\\Software\\Microsoft\\Office\\16.0\\Outlook',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\ClickToRun\\REGISTRY\\MACHINE\\Software\\Wow6432Node\\Microsoft\\Office\\16.0\\Outlook',
    ]);
    expect(installRequests({ version: null, clickToRun: true })).toEqual(rs);
  });

  it('2013 adds its Click-to-Run keys; with no hint at all every version is read', () => {
    expect(installRequests({ version: '15.0', clickToRun: false })).toHaveLength(5);
    const all = installRequests({ version: null, clickToRun: false });
    expect(all).toHaveLength(13);
    expect(ALL_INSTALL_REQUESTS).toHaveLength(17);
    // Nothing reads Office's whole key or the bubble's root.
    for (const r of ALL_INSTALL_REQUESTS) {
      expect(r.path).not.toMatch(/\\Office$|\\ClickToRun$|\\REGISTRY(\\MACHINE)?(\\Software)?$/);
    }
  });
});
