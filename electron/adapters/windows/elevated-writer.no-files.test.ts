/**
 * The elevated writer's only side effect is the one ProcessRunner call: with every file-writing
 * and process-starting function of Node trapped, a full set → delete round still works.
 * (sudo-prompt, used before, wrote batch files to %TEMP% that ran elevated.)
 */
import { describe, expect, it, vi } from 'vitest';

const trapped = vi.hoisted(() => {
  const used: string[] = [];
  const trap = (module: string, names: string[]) => {
    const fns = Object.fromEntries(
      names.map((n) => [
        n,
        (..._args: unknown[]) => {
          used.push(`${module}.${n}`);
          throw new Error(`${module}.${n} must not be used by the elevated writer`);
        },
      ]),
    );
    return { ...fns, default: fns };
  };
  return { used, trap };
});

vi.mock('node:fs', () =>
  trapped.trap('node:fs', [
    'writeFile',
    'writeFileSync',
    'appendFile',
    'appendFileSync',
    'open',
    'openSync',
    'mkdir',
    'mkdirSync',
    'mkdtemp',
    'mkdtempSync',
    'createWriteStream',
    'copyFile',
    'copyFileSync',
    'rename',
    'renameSync',
    'symlink',
    'symlinkSync',
    'existsSync',
    'readFileSync',
    'statSync',
  ]),
);
vi.mock('node:fs/promises', () =>
  trapped.trap('node:fs/promises', [
    'writeFile',
    'appendFile',
    'open',
    'mkdir',
    'mkdtemp',
    'copyFile',
    'rename',
    'readFile',
    'unlink',
  ]),
);
vi.mock('node:child_process', () =>
  trapped.trap('node:child_process', [
    'exec',
    'execFile',
    'spawn',
    'fork',
    'execSync',
    'execFileSync',
    'spawnSync',
  ]),
);

import { LSA_KEY } from '../../core/registry/allowlist';
import { RegTree } from '../../core/registry/reg-tree';
import { PowerShellElevatedWriter } from './elevated-writer';
import { FakeElevation, FakeRegExe, MemoryFiles } from '../../test-support/windows-fakes';

describe('PowerShellElevatedWriter side effects', () => {
  it('writes no file and starts no process except through the runner', async () => {
    const tree = new RegTree();
    const powershell = new FakeElevation(new FakeRegExe(tree, new MemoryFiles()));
    const writer = new PowerShellElevatedWriter(
      powershell,
      { name: 'x', readSubtrees: async () => tree },
      'C:\\Windows',
    );
    await writer.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 });
    await writer.deleteValue(LSA_KEY, 'LmCompatibilityLevel');
    await writer.deleteValue(LSA_KEY, 'LmCompatibilityLevel'); // absent: read back, still no file
    expect(powershell.calls.map((c) => c.file)).toEqual(
      Array(3).fill('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'),
    );
    expect(tree.getValue(LSA_KEY, 'LmCompatibilityLevel')).toBeUndefined();
    expect(trapped.used).toEqual([]);
  });
});
