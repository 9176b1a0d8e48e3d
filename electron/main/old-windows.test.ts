import { describe, expect, it } from 'vitest';
import { isOlderThanWindows10 } from './old-windows';

describe('the Windows versions the app refuses to run on', () => {
  it('XP, Vista, 7, 8 and 8.1 are older than Windows 10', () => {
    for (const release of ['5.1.2600', '5.2.3790', '6.0.6002', '6.1.7601', '6.2.9200', '6.3.9600'])
      expect(isOlderThanWindows10('win32', release), release).toBe(true);
  });

  it('Windows 10 and 11 (both 10.0), other systems and unreadable versions are not', () => {
    expect(isOlderThanWindows10('win32', '10.0.19045')).toBe(false);
    expect(isOlderThanWindows10('win32', '10.0.26100')).toBe(false);
    expect(isOlderThanWindows10('linux', '5.10.0')).toBe(false);
    expect(isOlderThanWindows10('darwin', '6.1.0')).toBe(false);
    expect(isOlderThanWindows10('win32', '')).toBe(false);
  });
});
