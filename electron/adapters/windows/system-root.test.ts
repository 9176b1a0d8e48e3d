import { describe, expect, it } from 'vitest';
import { system32Path, windowsRoot } from './system-root';

describe('windowsRoot', () => {
  it.each([
    [{ SystemRoot: 'C:\\Windows' }, 'C:\\Windows'],
    [{ SYSTEMROOT: 'D:\\WINNT' }, 'D:\\WINNT'],
    [{ windir: 'C:\\WINDOWS' }, 'C:\\WINDOWS'],
    [{ SystemRoot: 'C:\\Program Files (x86)\\Win~1.OS' }, 'C:\\Program Files (x86)\\Win~1.OS'],
  ])('accepts %j', (env, root) => {
    expect(windowsRoot(env)).toBe(root);
  });

  it.each([
    {},
    { SystemRoot: '' },
    { SystemRoot: 'Windows' },
    { SystemRoot: '.\\Windows' },
    { SystemRoot: 'C:' },
    { SystemRoot: 'C:\\' },
    { SystemRoot: 'C:Windows' },
    { SystemRoot: 'C:\\Windows\\' },
    { SystemRoot: '\\\\server\\share\\Windows' },
    { SystemRoot: '\\\\?\\C:\\Windows' },
    { SystemRoot: 'C:\\Users\\me\\..\\Windows' },
    { SystemRoot: 'C:\\Win"dows' },
    { SystemRoot: "C:\\Win'dows" },
    { SystemRoot: 'C:\\%TEMP%' },
    { SystemRoot: 'C:\\Windows\r\nX' },
    { SystemRoot: 'C:/Windows' },
  ])('refuses %j', (env) => {
    expect(windowsRoot(env)).toBeUndefined();
  });
});

describe('system32Path', () => {
  it('joins with backslashes on every platform', () => {
    expect(system32Path('C:\\Windows', 'WindowsPowerShell', 'v1.0', 'powershell.exe')).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });
});
