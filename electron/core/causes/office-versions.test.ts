import { describe, expect, it } from 'vitest';
import { RegTree } from '../registry/reg-tree';
import { readDword, readPolicySwitch } from './dword-reading';
import { outlookSecurityPolicyKey, versionsForProfile } from './office-versions';

describe('Office versions for a profile', () => {
  it('uses the matched Outlook, else every version that shares the profile store', () => {
    expect(versionsForProfile({ outlookVersion: '12.0', store: 'wms' })).toEqual(['12.0']);
    expect(versionsForProfile({ outlookVersion: null, store: 'wms' })).toEqual(['11.0', '12.0', '14.0']);
    expect(versionsForProfile({ outlookVersion: null, store: '16.0' })).toEqual(['16.0']);
    expect(versionsForProfile({ outlookVersion: '9.0', store: '15.0' })).toEqual(['15.0']);
    expect(outlookSecurityPolicyKey('14.0')).toBe(
      'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\14.0\\Outlook\\Security',
    );
  });
});

describe('DWORD switches', () => {
  it('reads absent, set and wrong-type values, case-insensitively', () => {
    const tree = new RegTree();
    tree.setValue('HKCU\\K', 'A', { type: 'REG_DWORD', data: 1 });
    tree.setValue('HKCU\\K', 'B', { type: 'REG_RAW', kind: 5, data: new Uint8Array(4) });
    expect(readDword(tree, 'HKEY_CURRENT_USER\\k', 'a')).toEqual({ state: 'set', value: 1 });
    expect(readDword(tree, 'HKCU\\K', 'B')).toEqual({ state: 'wrong-type', type: 'hex(5)' });
    expect(readDword(tree, 'HKCU\\K', 'C')).toEqual({ state: 'absent' });
  });

  it('treats even a damaged policy copy as managed, and then has no effective value', () => {
    const tree = new RegTree();
    tree.setValue('HKCU\\U', 'X', { type: 'REG_DWORD', data: 1 });
    tree.setValue('HKCU\\P', 'X', { type: 'REG_SZ', data: '0' });
    expect(readPolicySwitch(tree, 'HKCU\\U', 'HKCU\\P', 'X')).toEqual({
      user: { state: 'set', value: 1 },
      policy: { state: 'wrong-type', type: 'REG_SZ' },
      managed: true,
      effective: null,
    });
  });
});
