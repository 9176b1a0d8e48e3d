import { describe, expect, it } from 'vitest';
import { unattendedArgs } from './unattended-entry';

describe('packaged app: unattended mode detection', () => {
  it('runs CLI commands without a window, packaged and unpackaged', () => {
    expect(unattendedArgs(['C:\\EPW\\epw.exe', '--silent', 'apply', '--scope', 'user'], true)).toEqual([
      '--silent',
      'apply',
      '--scope',
      'user',
    ]);
    expect(unattendedArgs(['electron', '.', 'diagnose', '--json'], false)).toEqual(['diagnose', '--json']);
  });

  it('opens the wizard for no arguments and for the wizard’s own flags', () => {
    expect(unattendedArgs(['C:\\EPW\\epw.exe'], true)).toBeNull();
    expect(unattendedArgs(['C:\\EPW\\epw.exe', '--resume-verify'], true)).toBeNull();
    expect(unattendedArgs(['electron', '.'], false)).toBeNull();
  });

  it('--silent alone still runs headless (and prints usage, exit 2)', () => {
    expect(unattendedArgs(['C:\\EPW\\epw.exe', '--silent'], true)).toEqual(['--silent']);
  });
});
