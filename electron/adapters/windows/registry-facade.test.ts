import { describe, expect, it } from 'vitest';
import { ExproxyError } from '../../core/errors';
import { RegTree } from '../../core/registry/reg-tree';
import { ProgramNotFoundError } from './process-runner';
import { RegExeRegistry } from './reg-exe-registry';
import { RegeditRegistry } from './regedit-registry';
import { createWindowsRegistry } from './registry-facade';
import { FakeRegedit, FakeRegExe, MemoryFiles, RecordingRunner } from '../../test-support/windows-fakes';

const SECTION =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a';
const AUTH = { type: 'REG_BINARY', data: Uint8Array.of(1, 0, 0, 0) } as const;

function machine() {
  const tree = new RegTree();
  tree.setValue(SECTION, '00036627', AUTH);
  const files = new MemoryFiles();
  const reg = new FakeRegExe(tree, files);
  const regedit = new FakeRegedit(tree);
  const windows = createWindowsRegistry({
    regExe: new RegExeRegistry(reg, { tempDir: 'C:\\tmp', files }),
    regedit: new RegeditRegistry(regedit),
  });
  return { tree, reg, regedit, windows };
}

describe('createWindowsRegistry', () => {
  it('uses reg.exe when it works, probing only once', async () => {
    const { reg, regedit, windows } = machine();
    expect(windows.name).toBe('reg.exe');
    const tree = await windows.readSubtrees([{ path: SECTION }]);
    expect(tree.getValue(SECTION, '00036627')).toEqual(AUTH);
    await windows.readSubtrees([{ path: SECTION }]);
    expect(reg.calls.filter((c) => c.args[0] === 'query')).toHaveLength(1);
    expect(reg.calls[0]!.args).toEqual(['query', 'HKCU\\Software']);
    expect(regedit.listCalls).toEqual([]);
    expect(windows.name).toBe('reg.exe');
    expect(windows.fallbackReason).toBeUndefined();
  });

  it('falls back to regedit when the policy blocks reg.exe, and says why', async () => {
    const { reg, regedit, windows, tree } = machine();
    reg.blocked = true;
    const snapshot = await windows.readSubtrees([{ path: SECTION }]);
    expect(snapshot.getValue(SECTION, '00036627')).toEqual(AUTH);
    expect(windows.name).toBe('regedit');
    expect(windows.fallbackReason).toMatch(/Prevent access to registry editing tools/);
    expect(reg.calls).toHaveLength(1); // the probe only
    await windows.setValue(SECTION, '00036627', { type: 'REG_BINARY', data: Uint8Array.of(2, 0, 0, 0) });
    expect(tree.getValue(SECTION, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: Uint8Array.of(2, 0, 0, 0),
    });
    await windows.deleteValue(SECTION, '00036627');
    expect(tree.getValue(SECTION, '00036627')).toBeUndefined();
    expect(regedit.putCalls).toHaveLength(1);
    expect(reg.calls).toHaveLength(1);
  });

  it('falls back when reg.exe is missing (ENOENT)', async () => {
    const tree = new RegTree();
    tree.ensureKey('HKCU\\Software\\Microsoft');
    const missing = new RecordingRunner(() => {
      throw new ProgramNotFoundError('reg.exe');
    });
    const windows = createWindowsRegistry({
      regExe: new RegExeRegistry(missing, { tempDir: 'C:\\tmp' }),
      regedit: new RegeditRegistry(new FakeRegedit(tree)),
    });
    await windows.resolve();
    expect(windows.name).toBe('regedit');
    expect(windows.fallbackReason).toMatch(/not found/);
  });

  it('both blocked → one blocked error naming both, and a later call probes again', async () => {
    const { reg, regedit, windows } = machine();
    reg.blocked = true;
    regedit.failWith = new Error('Windows Script Host access is disabled on this machine.');
    const error = await windows.readSubtrees([{ path: SECTION }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExproxyError);
    expect(error).toMatchObject({ kind: 'blocked' });
    expect((error as Error).message).toMatch(/reg\.exe.*Windows Script Host/s);
    reg.blocked = false;
    await windows.readSubtrees([{ path: SECTION }]);
    expect(windows.name).toBe('reg.exe');
  });

  it('does not hide unexpected reg.exe errors behind the fallback', async () => {
    const broken = new RecordingRunner(() => {
      throw new TypeError('bug');
    });
    const regedit = new FakeRegedit(new RegTree());
    const windows = createWindowsRegistry({
      regExe: new RegExeRegistry(broken, { tempDir: 'C:\\tmp' }),
      regedit: new RegeditRegistry(regedit),
    });
    await expect(windows.resolve()).rejects.toThrow(TypeError);
    expect(regedit.listCalls).toEqual([]);
  });
});
