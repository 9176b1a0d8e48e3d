import { describe, expect, it } from 'vitest';
import { KeyPathError } from './key-path';
import { RegKey, RegTree } from './reg-tree';

const dword = (data: number) => ({ type: 'REG_DWORD', data }) as const;

describe('RegTree', () => {
  it('finds keys and values ignoring case and hive abbreviations, keeping the first spelling', () => {
    const tree = new RegTree();
    tree.setValue('HKEY_CURRENT_USER\\Software\\Outlook', 'DefaultProfile', { type: 'REG_SZ', data: 'A' });
    tree.setValue('hkcu\\SOFTWARE\\outlook', 'DEFAULTPROFILE', { type: 'REG_SZ', data: 'B' });
    const key = tree.getKey('HKCU\\software\\OUTLOOK')!;
    expect(key.name).toBe('Outlook');
    expect(key.valueNames()).toEqual(['DefaultProfile']);
    expect(tree.getValue('HKEY_CURRENT_USER\\Software\\Outlook', 'defaultprofile')).toEqual({
      type: 'REG_SZ',
      data: 'B',
    });
    expect(tree.getKey('HKEY_CURRENT_USER')!.subkeyNames()).toEqual(['Software']);
  });

  it('keeps look-alike letters apart: Kelvin sign, dotted/dotless i and long s are not ASCII letters', () => {
    const tree = new RegTree();
    const lsa = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
    tree.setValue(`${lsa}\\MSV1_0`, 'BackConnectionHostNames', dword(1));
    expect(tree.getValue(`${lsa}\\MSV1_0`, 'Bac\u212AConnectionHostNames')).toBeUndefined();
    expect(tree.getValue(`${lsa}\\MSV1_0`, 'BackConnectionHo\u017FtNames')).toBeUndefined();
    tree.setValue(lsa, 'LmCompat\u0131bilityLevel', dword(2));
    tree.setValue(lsa, 'LmCompat\u0130bilityLevel', dword(3));
    tree.setValue(lsa, 'LMCOMPATIBILITYLEVEL', dword(4));
    expect(tree.getKey(lsa)!.valueNames()).toEqual([
      'LmCompat\u0131bilityLevel',
      'LmCompat\u0130bilityLevel',
      'LMCOMPATIBILITYLEVEL',
    ]);
    expect(tree.getValue(lsa, 'lmcompatibilitylevel')).toEqual(dword(4));
    // Two profiles whose names differ by a Kelvin sign are two keys.
    tree.ensureKey('HKCU\\Profiles\\Kate');
    tree.ensureKey('HKCU\\Profiles\\\u212Aate');
    expect(tree.getKey('HKCU\\Profiles')!.subkeyNames()).toEqual(['Kate', '\u212Aate']);
  });

  it('keeps names with quotes, "=", "]" and Unicode as they are', () => {
    const tree = new RegTree();
    const path = 'HKEY_CURRENT_USER\\a "b" = ]c\\\u65e5\u672c';
    tree.setValue(path, 'x=y "z"', dword(1));
    expect(tree.getKey(path)!.name).toBe('\u65e5\u672c');
    expect(tree.getValue(path, 'X=Y "Z"')).toEqual(dword(1));
  });

  it('deletes values and subtrees, reporting whether anything was there', () => {
    const tree = new RegTree();
    tree.setValue('HKLM\\A\\B\\C', 'v', dword(1));
    tree.setValue('HKLM\\A', 'w', dword(2));
    expect(tree.deleteValue('HKLM\\a', 'W')).toBe(true);
    expect(tree.deleteValue('HKLM\\a', 'w')).toBe(false);
    expect(tree.deleteValue('HKLM\\missing', 'w')).toBe(false);
    expect(tree.deleteKey('HKLM\\A\\b')).toBe(true);
    expect(tree.hasKey('HKLM\\A\\B\\C')).toBe(false);
    expect(tree.hasKey('HKLM\\A')).toBe(true);
    expect(tree.deleteKey('HKLM\\A\\B')).toBe(false);
    expect(tree.deleteKey('HKEY_LOCAL_MACHINE')).toBe(true);
    expect(tree.hasKey('HKLM')).toBe(false);
  });

  it('walks parents before children in insertion order, from the roots or from a key', () => {
    const tree = new RegTree();
    tree.ensureKey('HKCU\\B\\Y');
    tree.ensureKey('HKCU\\A');
    tree.ensureKey('HKCU\\B\\X');
    tree.ensureKey('HKLM\\S');
    expect([...tree.walk()].map((w) => w.path)).toEqual([
      'HKEY_CURRENT_USER',
      'HKEY_CURRENT_USER\\B',
      'HKEY_CURRENT_USER\\B\\Y',
      'HKEY_CURRENT_USER\\B\\X',
      'HKEY_CURRENT_USER\\A',
      'HKEY_LOCAL_MACHINE',
      'HKEY_LOCAL_MACHINE\\S',
    ]);
    expect([...tree.walk('hkcu\\b')].map((w) => w.path)).toEqual([
      'HKEY_CURRENT_USER\\b',
      'HKEY_CURRENT_USER\\b\\Y',
      'HKEY_CURRENT_USER\\b\\X',
    ]);
    expect([...tree.walk('HKCU\\Missing')]).toEqual([]);
  });

  it('copies a subtree with its values into another tree', () => {
    const tree = new RegTree();
    tree.setValue('HKCU\\P\\Q', 'v', dword(7));
    tree.setValue('HKCU\\Other', 'o', dword(8));
    const target = new RegTree();
    tree.copySubtreeInto('HKCU\\P', target);
    expect(target.getValue('HKCU\\P\\Q', 'v')).toEqual(dword(7));
    expect(target.hasKey('HKCU\\Other')).toBe(false);
  });

  it('shows a user hive as HKEY_CURRENT_USER: both names reach the same keys, walk lists them once', () => {
    const tree = new RegTree();
    tree.setValue('HKEY_USERS\\S-1-5-21-1\\Software\\A', 'v', dword(1));
    tree.link('HKEY_CURRENT_USER', 'HKEY_USERS\\S-1-5-21-1');
    expect(tree.getValue('HKCU\\software\\a', 'V')).toEqual(dword(1));
    tree.setValue('HKEY_CURRENT_USER\\Software\\B', 'w', dword(2));
    expect(tree.getValue('HKEY_USERS\\S-1-5-21-1\\Software\\B', 'w')).toEqual(dword(2));
    expect(tree.deleteValue('HKEY_CURRENT_USER\\Software\\A', 'v')).toBe(true);
    expect(tree.getKey('HKEY_USERS\\S-1-5-21-1\\Software\\A')!.valueNames()).toEqual([]);
    expect([...tree.walk()].map((w) => w.path)).toEqual([
      'HKEY_USERS',
      'HKEY_USERS\\S-1-5-21-1',
      'HKEY_USERS\\S-1-5-21-1\\Software',
      'HKEY_USERS\\S-1-5-21-1\\Software\\A',
      'HKEY_USERS\\S-1-5-21-1\\Software\\B',
    ]);
    expect([...tree.walk('HKCU\\Software')].map((w) => w.path)).toEqual([
      'HKEY_CURRENT_USER\\Software',
      'HKEY_CURRENT_USER\\Software\\A',
      'HKEY_CURRENT_USER\\Software\\B',
    ]);
    const copy = new RegTree();
    tree.copySubtreeInto('HKCU\\Software', copy);
    expect(copy.getValue('HKEY_CURRENT_USER\\Software\\B', 'w')).toEqual(dword(2));
    expect(copy.hasKey('HKEY_USERS')).toBe(false);
  });

  it('copies and walks a chain 100,000 keys deep without recursion', () => {
    const tree = new RegTree();
    let key = tree.ensureKey('HKCU\\D');
    for (let i = 0; i < 100_000; i++) {
      const next = new RegKey('d');
      key.subkeys.set('d', next);
      key = next;
    }
    key.values.set('leaf', { name: 'leaf', value: dword(9) });
    const target = new RegTree();
    tree.copySubtreeInto('HKCU\\D', target);
    let depth = 0;
    let node = target.getKey('HKCU\\D');
    while (node && node.subkeys.size > 0) {
      node = node.subkey('d');
      depth++;
    }
    expect(depth).toBe(100_000);
    expect(node!.value('leaf')).toEqual(dword(9));
  });

  it('rejects unknown hives and empty key names', () => {
    const tree = new RegTree();
    expect(() => tree.ensureKey('HKEY_NOWHERE\\A')).toThrow(KeyPathError);
    expect(() => tree.ensureKey('HKCU\\A\\\\B')).toThrow(/empty key name/);
  });
});
