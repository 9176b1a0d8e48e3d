import { describe, expect, it } from 'vitest';
import { RegTree } from '../../core/registry/reg-tree';
import type { RegValue } from '../../core/registry/reg-value';
import { fromRegeditValue, isScriptHostUnavailable, RegeditRegistry } from './regedit-registry';
import { FakeRegedit } from '../../test-support/windows-fakes';

const PROFILES =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';
const PROFILES_SHORT =
  'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';
const OFFICE_PROFILES = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles';
const SECTION = '13dbb0c8aa05101a9bb000aa002fc45a';
const HOSTILE = 'Pro"file & |^%!<>\'`x';
const AUTH: RegValue = { type: 'REG_BINARY', data: Uint8Array.of(1, 0, 0, 0) };

/** A machine with `n` profiles, each with the same depth (profile → 3 sections). */
function machineWith(n: number): RegTree {
  const tree = new RegTree();
  tree.setValue(PROFILES, 'DefaultProfile', { type: 'REG_SZ', data: 'Profile 0' });
  for (let i = 0; i < n; i++) {
    const name = i === 1 ? HOSTILE : i === 2 ? '张三' : `Profile ${i}`;
    tree.setValue(`${PROFILES}\\${name}\\${SECTION}`, '00036627', AUTH);
    tree.setValue(`${PROFILES}\\${name}\\${SECTION}`, '001f6622', {
      type: 'REG_SZ',
      data: `mail${i}.example.com`,
    });
    tree.setValue(`${PROFILES}\\${name}\\9207f3e0a3b11019908b08002b2a56c2`, '01023d01', {
      type: 'REG_BINARY',
      data: Uint8Array.of(i & 255),
    });
    tree.ensureKey(`${PROFILES}\\${name}\\0a0d020000000000c000000000000046`);
  }
  tree.setValue(`${OFFICE_PROFILES}\\Outlook\\${SECTION}`, '00036627', AUTH);
  tree.setValue('HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot', 'Path', {
    type: 'REG_SZ',
    data: 'C:\\x86\\',
  });
  tree.setValue('HKLM\\SOFTWARE\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot', 'Path', {
    type: 'REG_SZ',
    data: 'C:\\x64\\',
  });
  return tree;
}

const SCAN = [
  { path: PROFILES },
  { path: OFFICE_PROFILES },
  { path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office', view: '64' as const },
  { path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office', view: '32' as const },
];

describe('RegeditRegistry reads', () => {
  it('reads whole subtrees, with views landing where snapshotPathFor says', async () => {
    const source = machineWith(3);
    const registry = new RegeditRegistry(new FakeRegedit(source));
    const tree = await registry.readSubtrees(SCAN);
    for (const { path, key } of source.walk(PROFILES)) {
      expect(tree.getKey(path)?.subkeyNames().sort()).toEqual(key.subkeyNames().sort());
      for (const { name, value } of key.values.values()) expect(tree.getValue(path, name)).toEqual(value);
    }
    expect(tree.getValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627')).toEqual(AUTH);
    expect(
      tree.getValue('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot', 'Path'),
    ).toEqual({
      type: 'REG_SZ',
      data: 'C:\\x64\\',
    });
    expect(
      tree.getValue(
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot',
        'Path',
      ),
    ).toEqual({ type: 'REG_SZ', data: 'C:\\x86\\' });
  });

  it('makes the same number of list calls for 1 and for 1000 profiles (one per depth level and view)', async () => {
    const counts: number[] = [];
    for (const n of [1, 1000]) {
      const fake = new FakeRegedit(machineWith(n));
      const tree = await new RegeditRegistry(fake).readSubtrees(SCAN);
      expect(tree.getKey(PROFILES)!.subkeyNames()).toHaveLength(n);
      counts.push(fake.listCalls.length);
      // Level 0 lists every root of a view together.
      expect(fake.listCalls[0]).toEqual({
        keys: [PROFILES_SHORT, OFFICE_PROFILES.replace('HKEY_CURRENT_USER', 'HKCU')],
        arch: 'A',
      });
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(3 * 6);
  });

  it('non-recursive requests list one level only', async () => {
    const fake = new FakeRegedit(machineWith(2));
    const tree = await new RegeditRegistry(fake).readSubtrees([{ path: PROFILES, recursive: false }]);
    expect(fake.listCalls).toEqual([{ keys: [PROFILES_SHORT], arch: 'A' }]);
    expect(tree.getValue(PROFILES, 'DefaultProfile')).toEqual({ type: 'REG_SZ', data: 'Profile 0' });
    expect(tree.getKey(PROFILES)!.subkeyNames()).toEqual(['Profile 0', HOSTILE]);
    expect(tree.getKey(`${PROFILES}\\${HOSTILE}`)!.subkeyNames()).toEqual([]);
  });

  it('missing keys are absent', async () => {
    const tree = await new RegeditRegistry(new FakeRegedit(new RegTree())).readSubtrees(SCAN);
    expect([...tree.walk()]).toEqual([]);
  });

  it('maps regedit value shapes', () => {
    expect(fromRegeditValue({ type: 'REG_BINARY', value: [1, 0, 255] })).toEqual({
      type: 'REG_BINARY',
      data: Uint8Array.of(1, 0, 255),
    });
    expect(fromRegeditValue({ type: 'REG_DWORD', value: 3 })).toEqual({ type: 'REG_DWORD', data: 3 });
    expect(fromRegeditValue({ type: 'REG_DWORD', value: -1 })).toEqual({
      type: 'REG_DWORD',
      data: 0xffffffff,
    });
    expect(fromRegeditValue({ type: 'REG_QWORD', value: 2 ** 40 })).toEqual({
      type: 'REG_QWORD',
      data: 2n ** 40n,
    });
    expect(fromRegeditValue({ type: 'REG_MULTI_SZ', value: ['a', 'b'] })).toEqual({
      type: 'REG_MULTI_SZ',
      data: ['a', 'b'],
    });
    expect(fromRegeditValue({ type: 'REG_EXPAND_SZ', value: '%x%' })).toEqual({
      type: 'REG_EXPAND_SZ',
      data: '%x%',
    });
    expect(fromRegeditValue({ type: 'REG_SZ', value: 'é' })).toEqual({ type: 'REG_SZ', data: 'é' });
    expect(fromRegeditValue({ type: 'REG_DEFAULT', value: 'd' })).toEqual({ type: 'REG_SZ', data: 'd' });
    expect(fromRegeditValue({ type: 'REG_NONE', value: 0 })).toEqual({
      type: 'REG_NONE',
      data: new Uint8Array(),
    });
    expect(fromRegeditValue({ type: 'REG_UNKNOWN', value: 0 })).toBeUndefined();
    expect(fromRegeditValue({ type: 'REG_BINARY', value: 'oops' })).toBeUndefined();
  });

  it('Windows Script Host disabled or VBScript missing → blocked', async () => {
    for (const message of [
      'cscript not found',
      'Windows Script Host access is disabled on this machine. Contact your administrator for details.',
      'CScript Error: Can\'t find script engine "VBScript" for script "C:\\x\\regList.wsf".',
    ]) {
      const fake = new FakeRegedit(new RegTree());
      fake.failWith = new Error(message);
      const registry = new RegeditRegistry(fake);
      await expect(registry.readSubtrees(SCAN)).rejects.toMatchObject({ kind: 'blocked' });
      await expect(registry.probe()).rejects.toMatchObject({ kind: 'blocked' });
    }
    expect(isScriptHostUnavailable(Object.assign(new Error('spawn'), { code: 'ENOENT' }))).toBe(true);
    expect(isScriptHostUnavailable(new Error('unsupported hive'))).toBe(false);
  });

  it('probe succeeds when HKCU\\Software lists', async () => {
    const tree = new RegTree();
    tree.ensureKey('HKCU\\Software\\Microsoft');
    const fake = new FakeRegedit(tree);
    await new RegeditRegistry(fake).probe();
    expect(fake.listCalls).toEqual([{ keys: ['HKCU\\Software'], arch: 'A' }]);
  });
});

describe('RegeditRegistry writes', () => {
  const section = `${PROFILES}\\${HOSTILE}\\${SECTION}`;

  it('putValue / deleteValue with the right shapes and views; absent delete is success', async () => {
    const tree = new RegTree();
    const fake = new FakeRegedit(tree);
    const registry = new RegeditRegistry(fake);
    await registry.setValue(section, '00036627', { type: 'REG_BINARY', data: Uint8Array.of(2, 0, 0, 0) });
    expect(fake.putCalls).toEqual([
      {
        map: {
          [`${PROFILES_SHORT}\\${HOSTILE}\\${SECTION}`]: {
            '00036627': { type: 'REG_BINARY', value: [2, 0, 0, 0] },
          },
        },
        arch: 'A',
      },
    ]);
    expect(tree.getValue(section, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: Uint8Array.of(2, 0, 0, 0),
    });
    await registry.setValue(
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
      'LmCompatibilityLevel',
      { type: 'REG_DWORD', data: 3 },
      '64',
    );
    expect(fake.putCalls[1]).toEqual({
      map: {
        'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa': {
          LmCompatibilityLevel: { type: 'REG_DWORD', value: 3 },
        },
      },
      arch: '64',
    });
    await registry.deleteValue(section, '00036627');
    await registry.deleteValue(section, '00036627');
    expect(fake.deleteCalls.map((c) => c.keys)).toEqual([
      [`${PROFILES_SHORT}\\${HOSTILE}\\${SECTION}\\00036627`],
      [`${PROFILES_SHORT}\\${HOSTILE}\\${SECTION}\\00036627`],
    ]);
    expect(tree.getValue(section, '00036627')).toBeUndefined();
  });

  it('refuses what is not allowed, or what regedit would mangle, before calling it', async () => {
    const fake = new FakeRegedit(new RegTree());
    const registry = new RegeditRegistry(fake);
    await expect(
      registry.setValue('HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run', 'x', {
        type: 'REG_SZ',
        data: 'calc',
      }),
    ).rejects.toMatchObject({ kind: 'not-allowed' });
    await expect(
      registry.setValue('HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0', 'BackConnectionHostNames', {
        type: 'REG_MULTI_SZ',
        data: [],
      }),
    ).rejects.toMatchObject({ kind: 'not-allowed' });
    expect(fake.putCalls).toEqual([]);
  });

  it('write failures are apply-failed (or blocked)', async () => {
    const fake = new FakeRegedit(new RegTree());
    const registry = new RegeditRegistry(fake);
    fake.failWith = Object.assign(new Error('access is denied'), { code: 5 });
    await expect(registry.setValue(section, '00036627', AUTH)).rejects.toMatchObject({
      kind: 'apply-failed',
    });
    await expect(registry.deleteValue(section, '00036627')).rejects.toMatchObject({ kind: 'apply-failed' });
    fake.failWith = new Error('cscript not found');
    await expect(registry.setValue(section, '00036627', AUTH)).rejects.toMatchObject({ kind: 'blocked' });
  });
});
