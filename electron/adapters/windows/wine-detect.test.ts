import { describe, expect, it } from 'vitest';
import { runningUnderWine } from './wine-detect';

describe('runningUnderWine', () => {
  const env = { SystemRoot: 'C:\\windows' };
  const wineSystem32 = (path: string) => path === 'C:\\windows\\System32\\wineboot.exe';

  it('is true on win32 when System32 holds wineboot.exe', () => {
    expect(runningUnderWine(env, wineSystem32, 'win32')).toBe(true);
  });

  it('is false on Windows (no wineboot.exe), on other platforms and without a trustworthy root', () => {
    expect(runningUnderWine(env, () => false, 'win32')).toBe(false);
    expect(runningUnderWine(env, wineSystem32, 'linux')).toBe(false);
    expect(runningUnderWine({}, () => true, 'win32')).toBe(false);
    expect(runningUnderWine({ SystemRoot: 'C:\\windows\\..\\evil' }, () => true, 'win32')).toBe(false);
  });
});
