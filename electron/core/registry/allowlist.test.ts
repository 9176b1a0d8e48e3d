import { describe, expect, it } from 'vitest';
import { checkWriteAllowed, LSA_KEY, MSV1_0_KEY, RUN_ONCE_KEY, RESUME_VALUE_NAME } from './allowlist';
import type { RegValue } from './reg-value';

const SECTION =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a';
const OFFICE_SECTION =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a';
const LEVEL: RegValue = { type: 'REG_DWORD', data: 3 };
const HOSTS: RegValue = { type: 'REG_MULTI_SZ', data: ['mail.example.com'] };
const AUTH: RegValue = { type: 'REG_BINARY', data: Uint8Array.of(2, 0, 0, 0) };
const RESUME: RegValue = { type: 'REG_SZ', data: 'x' };

describe('write allowlist', () => {
  it('classifies the four allowed values in any ASCII case', () => {
    expect(checkWriteAllowed(LSA_KEY.toUpperCase(), 'lmcompatibilitylevel', LEVEL)).toBe(
      'lm-compatibility-level',
    );
    expect(
      checkWriteAllowed(
        'hklm\\system\\currentcontrolset\\control\\lsa\\msv1_0',
        'BACKCONNECTIONHOSTNAMES',
        HOSTS,
      ),
    ).toBe('back-connection-host-names');
    expect(checkWriteAllowed(SECTION.toLowerCase(), '00036627', AUTH)).toBe('roh-auth-scheme');
    expect(checkWriteAllowed(OFFICE_SECTION, '00036627', null)).toBe('roh-auth-scheme');
    expect(
      checkWriteAllowed(
        'hkcu\\software\\microsoft\\windows\\currentversion\\runonce',
        RESUME_VALUE_NAME,
        RESUME,
      ),
    ).toBe('resume-entry');
  });

  // Each look-alike is a different name to Windows' registry, so it is not on the list.
  const K = '\u212A'; // Kelvin sign, lower-cases to "k" in JavaScript
  const lookalikes: [string, string, string, RegValue][] = [
    ['Kelvin sign in a value name', MSV1_0_KEY, `Bac${K}ConnectionHostNames`, HOSTS],
    ['long s in a value name', MSV1_0_KEY, 'BackConnectionHo\u017FtNames', HOSTS],
    ['dotless i in a value name', LSA_KEY, 'LmCompat\u0131bilityLevel', LEVEL],
    ['dotted capital I in a value name', LSA_KEY, 'LmCompat\u0130bilityLevel', LEVEL],
    ['Kelvin sign in the hive', LSA_KEY.replace('HKEY', `H${K}EY`), 'LmCompatibilityLevel', LEVEL],
    ['dotless i in a key', LSA_KEY.replace('Control\\', 'Contro\u0131\\'), 'LmCompatibilityLevel', LEVEL],
    ['long s in a key', MSV1_0_KEY.replace('SYSTEM', '\u017FYSTEM'), 'BackConnectionHostNames', HOSTS],
    ['Kelvin sign in the profile hive', SECTION.replace('HKEY', `H${K}EY`), '00036627', AUTH],
    [
      'Kelvin sign in the Office path',
      OFFICE_SECTION.replace('Outlook\\Profiles', `Outloo${K}\\Profiles`),
      '00036627',
      AUTH,
    ],
    [
      'dotted I in the profile root',
      SECTION.replace('Windows Messaging', 'W\u0130ndows Messaging'),
      '00036627',
      AUTH,
    ],
    ['long s in the profile root', SECTION.replace('Subsystem', '\u017Fubsystem'), '00036627', AUTH],
    ['Kelvin sign in RunOnce', RUN_ONCE_KEY.replace('HKEY', `H${K}EY`), RESUME_VALUE_NAME, RESUME],
    ['dotless i in RunOnce', RUN_ONCE_KEY.replace('Windows', 'W\u0131ndows'), RESUME_VALUE_NAME, RESUME],
  ];

  it('a profile name may hold any letter: it is data, not part of the allowed pattern', () => {
    expect(
      checkWriteAllowed(SECTION.replace('Outlook\\13', `${K}ate \u0131\u0130\u017F\\13`), '00036627', AUTH),
    ).toBe('roh-auth-scheme');
  });

  it.each(lookalikes)('refuses a %s', (_label, path, name, value) => {
    expect(() => checkWriteAllowed(path, name, value)).toThrow(/Refusing to write/);
    expect(() => checkWriteAllowed(path, name, null)).toThrow(/Refusing to write/);
  });
});
