import { describe, expect, it } from 'vitest';
import { ExproxyError } from '../../core/errors';
import { RegTree } from '../../core/registry/reg-tree';
import type { RegValue } from '../../core/registry/reg-value';
import { RegExeRegistry } from './reg-exe-registry';
import {
  FakeRegExe,
  MemoryFiles,
  POLICY_MESSAGE,
  RecordingRunner,
  result,
} from '../../test-support/windows-fakes';

const PROFILES =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';
const PROFILES_SHORT =
  'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';
const SECTION = '13dbb0c8aa05101a9bb000aa002fc45a';
const HOSTILE = 'Pro"file & |^%!<>\'`x';
const CHINESE = '张三的邮件配置';
const NEWLINE = 'first line\r\nsecond line';
const AUTH: RegValue = { type: 'REG_BINARY', data: Uint8Array.of(1, 0, 0, 0) };

function setup(seed?: (tree: RegTree) => void) {
  const tree = new RegTree();
  seed?.(tree);
  const files = new MemoryFiles();
  const reg = new FakeRegExe(tree, files);
  let n = 0;
  const registry = new RegExeRegistry(reg, {
    tempDir: 'C:\\tmp',
    files,
    tempPath: () => `C:\\tmp\\x${++n}.reg`,
  });
  return { tree, files, reg, registry };
}

describe('RegExeRegistry reads', () => {
  it('exports each request with an exact argument array and deletes the temp file', async () => {
    const { reg, registry, files } = setup((t) => {
      t.setValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627', AUTH);
      t.setValue(`${PROFILES}\\${CHINESE}\\${SECTION}`, '001f6622', {
        type: 'REG_SZ',
        data: 'exchange.example.com',
      });
    });
    const tree = await registry.readSubtrees([{ path: PROFILES }]);
    expect(reg.calls).toEqual([
      {
        file: 'reg.exe',
        args: ['export', PROFILES_SHORT, 'C:\\tmp\\x1.reg', '/y'],
        timeoutMs: expect.any(Number),
      },
    ]);
    expect(tree.getValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627')).toEqual(AUTH);
    expect(tree.getValue(`${PROFILES}\\${CHINESE}\\${SECTION}`, '001F6622')).toEqual({
      type: 'REG_SZ',
      data: 'exchange.example.com',
    });
    expect(files.unlinked).toEqual(['C:\\tmp\\x1.reg']);
    expect(files.files.size).toBe(0);
  });

  it('passes a hostile key path as one verbatim argument', async () => {
    const { reg, registry } = setup((t) =>
      t.setValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627', AUTH),
    );
    await registry.readSubtrees([{ path: `${PROFILES}\\${HOSTILE}` }, { path: `${PROFILES}\\${CHINESE}` }]);
    expect(reg.calls.map((c) => c.args)).toEqual([
      ['export', `${PROFILES_SHORT}\\${HOSTILE}`, 'C:\\tmp\\x1.reg', '/y'],
      ['export', `${PROFILES_SHORT}\\${CHINESE}`, 'C:\\tmp\\x2.reg', '/y'],
    ]);
  });

  it('treats a missing key (exit code 1) as absent, and still cleans up', async () => {
    const { registry, files } = setup();
    const tree = await registry.readSubtrees([{ path: PROFILES }]);
    expect(tree.hasKey(PROFILES)).toBe(false);
    expect(files.unlinked).toEqual(['C:\\tmp\\x1.reg']);
  });

  it('adds /reg:32 and lands the 32-bit view under WOW6432Node; /reg:64 stays in place', async () => {
    const { reg, registry } = setup((t) => {
      t.setValue('HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot', 'Path', {
        type: 'REG_SZ',
        data: 'C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\',
      });
      t.setValue('HKLM\\SOFTWARE\\Microsoft\\Office\\15.0\\Outlook\\InstallRoot', 'Path', {
        type: 'REG_SZ',
        data: 'C:\\O15\\',
      });
    });
    const tree = await registry.readSubtrees([
      { path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office', view: '32' },
      { path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office', view: '64' },
    ]);
    expect(reg.calls.map((c) => c.args)).toEqual([
      ['export', 'HKLM\\SOFTWARE\\Microsoft\\Office', 'C:\\tmp\\x1.reg', '/y', '/reg:32'],
      ['export', 'HKLM\\SOFTWARE\\Microsoft\\Office', 'C:\\tmp\\x2.reg', '/y', '/reg:64'],
    ]);
    expect(
      tree.getValue(
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot',
        'Path',
      ),
    ).toMatchObject({ type: 'REG_SZ' });
    expect(tree.hasKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\16.0')).toBe(false);
    expect(
      tree.getValue('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\15.0\\Outlook\\InstallRoot', 'Path'),
    ).toEqual({
      type: 'REG_SZ',
      data: 'C:\\O15\\',
    });
  });

  it('non-recursive reads keep values and child names but drop grandchildren', async () => {
    const { registry } = setup((t) => {
      t.setValue(PROFILES, 'DefaultProfile', { type: 'REG_SZ', data: 'Outlook' });
      t.setValue(`${PROFILES}\\Outlook\\${SECTION}`, '00036627', AUTH);
    });
    const tree = await registry.readSubtrees([{ path: PROFILES, recursive: false }]);
    expect(tree.getValue(PROFILES, 'DefaultProfile')).toEqual({ type: 'REG_SZ', data: 'Outlook' });
    expect(tree.getKey(PROFILES)!.subkeyNames()).toEqual(['Outlook']);
    expect(tree.getKey(`${PROFILES}\\Outlook`)!.subkeyNames()).toEqual([]);
  });

  it('reports the registry-tools policy as blocked', async () => {
    const { reg, registry, files } = setup();
    reg.blocked = true;
    await expect(registry.readSubtrees([{ path: PROFILES }])).rejects.toMatchObject({ kind: 'blocked' });
    expect(files.unlinked).toEqual(['C:\\tmp\\x1.reg']);
  });

  /** Keys K0…K(n-1), and a runner over the fake reg.exe that records how many exports run at once. */
  function exportBatch(n: number, delayMs: (i: number) => number) {
    const { reg, files } = setup((t) => {
      for (let i = 0; i < n; i++) t.setValue(`HKCU\\Software\\K${i}`, 'v', { type: 'REG_DWORD', data: i });
    });
    const seen = { running: 0, peak: 0 };
    const runner = {
      run: async (file: string, args: readonly string[]) => {
        seen.peak = Math.max(seen.peak, ++seen.running);
        const i = Number(/K(\d)$/.exec(args[1] ?? '')?.[1] ?? 0);
        await new Promise((r) => setTimeout(r, delayMs(i)));
        seen.running--;
        return reg.run(file, args);
      },
    };
    const keys = Array.from({ length: n }, (_, i) => ({ path: `HKEY_CURRENT_USER\\Software\\K${i}` }));
    const expected = keys.map((_, i) => ({ type: 'REG_DWORD', data: i }));
    return { reg, files, runner, seen, keys, expected };
  }

  it('runs a batch a few exports at a time, merges in request order and reports the first failure in that order', async () => {
    // Later requests finish first, so order can only come from the adapter.
    const { reg, files, runner, seen, keys, expected } = exportBatch(9, (i) => (9 - i) * 2);
    const parallel = new RegExeRegistry(runner, { tempDir: 'C:\\tmp', files });
    const tree = await parallel.readSubtrees(keys);
    expect(seen.peak).toBe(4);
    expect(keys.map((k) => tree.getValue(k.path, 'v'))).toEqual(expected);
    expect(files.files.size).toBe(0);

    // A policy block fails every export: the batch stops starting new ones.
    reg.blocked = true;
    const before = reg.calls.length;
    await expect(parallel.readSubtrees(keys)).rejects.toMatchObject({ kind: 'blocked' });
    expect(reg.calls.length - before).toBeLessThanOrEqual(4);
    expect(files.files.size).toBe(0);
  });

  it('runs the exports one at a time when told to (as under Wine)', async () => {
    const { files, runner, seen, keys, expected } = exportBatch(5, () => 2);
    const serial = new RegExeRegistry(runner, { tempDir: 'C:\\tmp', files, readConcurrency: 1 });
    const tree = await serial.readSubtrees(keys);
    expect(seen.peak).toBe(1);
    expect(keys.map((k) => tree.getValue(k.path, 'v'))).toEqual(expected);
  });

  it('probe: reg query HKCU\\Software; any failure is blocked', async () => {
    const ok = new RecordingRunner(() => result(0));
    await new RegExeRegistry(ok, { tempDir: 'C:\\tmp', regExe: 'C:\\Windows\\System32\\reg.exe' }).probe();
    expect(ok.calls[0]).toMatchObject({
      file: 'C:\\Windows\\System32\\reg.exe',
      args: ['query', 'HKCU\\Software'],
    });
    const policy = new RecordingRunner(() => result(1, '', POLICY_MESSAGE));
    await expect(new RegExeRegistry(policy, { tempDir: 'C:\\tmp' }).probe()).rejects.toMatchObject({
      kind: 'blocked',
    });
    // A localized message we cannot read: HKCU\Software never misses, so this is blocked too.
    const localized = new RecordingRunner(() =>
      result(1, '', 'FEHLER: Die Registrierungsbearbeitung wurde deaktiviert.'),
    );
    await expect(new RegExeRegistry(localized, { tempDir: 'C:\\tmp' }).probe()).rejects.toMatchObject({
      kind: 'blocked',
    });
  });

  it('fails loudly (not "absent") on other exit codes and unreadable exports', async () => {
    const files = new MemoryFiles();
    const runner = new RecordingRunner((c) => {
      if (c.args[0] === 'export') files.files.set(c.args[2]!, Uint8Array.of(0xff, 0xfe, 0x41, 0));
      return result(0);
    });
    const registry = new RegExeRegistry(runner, {
      tempDir: 'C:\\tmp',
      files,
      tempPath: () => 'C:\\tmp\\bad.reg',
    });
    await expect(registry.readSubtrees([{ path: PROFILES }])).rejects.toMatchObject({
      kind: 'unreadable-input',
    });
    expect(files.files.size).toBe(0);
    const crash = new RegExeRegistry(new RecordingRunner(() => result(5)), { tempDir: 'C:\\tmp', files });
    await expect(crash.readSubtrees([{ path: PROFILES }])).rejects.toMatchObject({ kind: 'unexpected' });
  });
});

describe('RegExeRegistry writes', () => {
  const hostileSection = `${PROFILES}\\${HOSTILE}\\${SECTION}`;

  it('reg add REG_BINARY with /f and the hostile path as one argument', async () => {
    const { reg, registry, tree } = setup();
    await registry.setValue(hostileSection, '00036627', {
      type: 'REG_BINARY',
      data: Uint8Array.of(2, 0, 0, 0),
    });
    expect(reg.calls.map((c) => c.args)).toEqual([
      [
        'add',
        `${PROFILES_SHORT}\\${HOSTILE}\\${SECTION}`,
        '/v',
        '00036627',
        '/t',
        'REG_BINARY',
        '/d',
        '02000000',
        '/f',
      ],
    ]);
    expect(tree.getValue(hostileSection, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: Uint8Array.of(2, 0, 0, 0),
    });
  });

  it('keeps Chinese names and newlines verbatim in one argument', async () => {
    const { reg, registry } = setup();
    await registry.setValue(`${PROFILES}\\${CHINESE}\\${SECTION}`, '00036627', AUTH);
    await registry.setValue(`${PROFILES}\\${NEWLINE}\\${SECTION}`, '00036627', {
      type: 'REG_DWORD',
      data: 2,
    });
    expect(reg.calls[0]!.args[1]).toBe(`${PROFILES_SHORT}\\${CHINESE}\\${SECTION}`);
    expect(reg.calls[1]!.args).toEqual([
      'add',
      `${PROFILES_SHORT}\\${NEWLINE}\\${SECTION}`,
      '/v',
      '00036627',
      '/t',
      'REG_DWORD',
      '/d',
      '2',
      '/f',
    ]);
  });

  it('formats every type for reg add (checked below the allowlist)', async () => {
    const { regAddDataArgs } = await import('./reg-exe-registry');
    expect(regAddDataArgs({ type: 'REG_DWORD', data: 0xffffffff })).toEqual([
      '/t',
      'REG_DWORD',
      '/d',
      '4294967295',
    ]);
    expect(regAddDataArgs({ type: 'REG_QWORD', data: 2n ** 63n })).toEqual([
      '/t',
      'REG_QWORD',
      '/d',
      '9223372036854775808',
    ]);
    expect(regAddDataArgs({ type: 'REG_SZ', data: '%PATH% & "x"' })).toEqual([
      '/t',
      'REG_SZ',
      '/d',
      '%PATH% & "x"',
    ]);
    expect(regAddDataArgs({ type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\x' })).toEqual([
      '/t',
      'REG_EXPAND_SZ',
      '/d',
      '%SystemRoot%\\x',
    ]);
    expect(regAddDataArgs({ type: 'REG_MULTI_SZ', data: ['mail.example.com', 'owa.example.com'] })).toEqual([
      '/t',
      'REG_MULTI_SZ',
      '/d',
      'mail.example.com\\0owa.example.com',
    ]);
    expect(() => regAddDataArgs({ type: 'REG_MULTI_SZ', data: ['a\\0b'] })).toThrow(ExproxyError);
    expect(() => regAddDataArgs({ type: 'REG_MULTI_SZ', data: ['a', ''] })).toThrow(ExproxyError);
    expect(() => regAddDataArgs({ type: 'REG_DWORD', data: -1 })).toThrow(ExproxyError);
    expect(() => regAddDataArgs({ type: 'REG_NONE', data: Uint8Array.of(1) })).toThrow(ExproxyError);
  });

  it('views: /reg:32 and /reg:64 after /f; HKLM LSA DWORD in decimal', async () => {
    const { reg, registry } = setup();
    await registry.setValue(
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
      'LmCompatibilityLevel',
      {
        type: 'REG_DWORD',
        data: 3,
      },
    );
    await registry.deleteValue('HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa', 'LmCompatibilityLevel', '64');
    expect(reg.calls.map((c) => c.args)).toEqual([
      [
        'add',
        'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
        '/v',
        'LmCompatibilityLevel',
        '/t',
        'REG_DWORD',
        '/d',
        '3',
        '/f',
      ],
      [
        'delete',
        'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
        '/v',
        'LmCompatibilityLevel',
        '/f',
        '/reg:64',
      ],
    ]);
  });

  it('deletes with /f; an absent value is success after a query confirms it is gone', async () => {
    const { reg, registry, tree } = setup((t) => t.setValue(hostileSection, '00036627', AUTH));
    await registry.deleteValue(hostileSection, '00036627');
    expect(tree.getValue(hostileSection, '00036627')).toBeUndefined();
    await registry.deleteValue(hostileSection, '00036627');
    expect(reg.calls.map((c) => c.args)).toEqual([
      ['delete', `${PROFILES_SHORT}\\${HOSTILE}\\${SECTION}`, '/v', '00036627', '/f'],
      ['delete', `${PROFILES_SHORT}\\${HOSTILE}\\${SECTION}`, '/v', '00036627', '/f'],
      ['query', `${PROFILES_SHORT}\\${HOSTILE}\\${SECTION}`, '/v', '00036627'],
    ]);
  });

  it('a failed delete whose value is still there is apply-failed', async () => {
    const runner = new RecordingRunner((c) =>
      c.args[0] === 'delete' ? result(1, '', 'ERROR: Access is denied.') : result(0),
    );
    const registry = new RegExeRegistry(runner, { tempDir: 'C:\\tmp' });
    await expect(registry.deleteValue(hostileSection, '00036627')).rejects.toMatchObject({
      kind: 'apply-failed',
    });
  });

  it('checks the allowlist before running anything', async () => {
    const { reg, registry } = setup();
    await expect(
      registry.setValue('HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run', 'evil', {
        type: 'REG_SZ',
        data: 'calc',
      }),
    ).rejects.toMatchObject({ kind: 'not-allowed' });
    await expect(
      registry.setValue(hostileSection, '00036627', { type: 'REG_SZ', data: 'x' }),
    ).rejects.toMatchObject({
      kind: 'not-allowed',
    });
    await expect(registry.deleteValue(`${PROFILES}\\${HOSTILE}`, 'DefaultProfile')).rejects.toMatchObject({
      kind: 'not-allowed',
    });
    expect(reg.calls).toEqual([]);
  });

  it('reports blocked writes and other failures', async () => {
    const { reg, registry } = setup();
    reg.blocked = true;
    await expect(registry.setValue(hostileSection, '00036627', AUTH)).rejects.toMatchObject({
      kind: 'blocked',
    });
    await expect(registry.deleteValue(hostileSection, '00036627')).rejects.toMatchObject({ kind: 'blocked' });
    const failing = new RegExeRegistry(new RecordingRunner(() => result(1, '', 'ERROR: Access is denied.')), {
      tempDir: 'C:\\tmp',
    });
    await expect(failing.setValue(hostileSection, '00036627', AUTH)).rejects.toMatchObject({
      kind: 'apply-failed',
    });
  });

  it('round-trips through the fake reg.exe: write, read back, delete', async () => {
    const { registry } = setup();
    await registry.setValue(`${PROFILES}\\${CHINESE}\\${SECTION}`, '00036627', AUTH);
    let tree = await registry.readSubtrees([{ path: PROFILES }]);
    expect(tree.getValue(`${PROFILES}\\${CHINESE}\\${SECTION}`, '00036627')).toEqual(AUTH);
    await registry.deleteValue(`${PROFILES}\\${CHINESE}\\${SECTION}`, '00036627');
    tree = await registry.readSubtrees([{ path: PROFILES }]);
    expect(tree.hasKey(`${PROFILES}\\${CHINESE}\\${SECTION}`)).toBe(true);
    expect(tree.getValue(`${PROFILES}\\${CHINESE}\\${SECTION}`, '00036627')).toBeUndefined();
  });
});
