import { describe, expect, it } from 'vitest';
import { ExproxyError } from '../errors';
import { checkWriteAllowed, needsElevation } from '../registry/allowlist';
import { CAUSE_WRITE_KINDS, checkCauseWriteAllowed } from './cause-allowlist';

const SECTION =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook\\a345f1e1fd57fc40a98c6265aef8ebbd';
const WMS =
  'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\P\\13dbb0c8aa05101a9bb000aa002fc45a';
const bin4 = { type: 'REG_BINARY', data: new Uint8Array(4) } as const;
const dword = (data: number) => ({ type: 'REG_DWORD', data }) as const;

function refused(path: string, name: string, value: Parameters<typeof checkCauseWriteAllowed>[2]): string {
  try {
    checkCauseWriteAllowed(path, name, value);
  } catch (e) {
    expect(e).toBeInstanceOf(ExproxyError);
    expect((e as ExproxyError).kind).toBe('not-allowed');
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('cause write allowlist', () => {
  it('allows the two profile PT_LONGs in an Exchange section, 4 bytes or REG_DWORD, or deleting them', () => {
    expect(checkCauseWriteAllowed(SECTION, '00036601', bin4)).toBe('profile-config-flags');
    expect(checkCauseWriteAllowed(WMS, '00036619', dword(9))).toBe('profile-auth-package');
    expect(checkCauseWriteAllowed(SECTION, '00036619', null)).toBe('profile-auth-package');
    expect(refused(SECTION, '00036601', { type: 'REG_BINARY', data: new Uint8Array(3) })).toMatch(/4-byte/);
  });

  it('refuses the same names outside a profile section and other profile values', () => {
    refused(`${SECTION}\\sub`, '00036601', bin4);
    refused('HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook', '00036601', bin4);
    refused(SECTION, '00036623', bin4);
    refused(SECTION, '001f6622', bin4);
  });

  it('allows the modern-auth switches as REG_DWORD in HKCU only, never their policy copies', () => {
    expect(
      checkCauseWriteAllowed(
        'HKCU\\Software\\Microsoft\\Office\\15.0\\Common\\Identity',
        'EnableADAL',
        dword(1),
      ),
    ).toBe('office-identity');
    expect(
      checkCauseWriteAllowed(
        'HKCU\\Software\\Microsoft\\Office\\15.0\\Common\\Identity',
        'version',
        dword(1),
      ),
    ).toBe('office-identity');
    expect(checkCauseWriteAllowed('HKCU\\Software\\Microsoft\\Exchange', 'MapiHttpDisabled', null)).toBe(
      'exchange-client-option',
    );
    expect(
      checkCauseWriteAllowed(
        'HKEY_CURRENT_USER\\Software\\Microsoft\\Exchange',
        'AlwaysUseMSOAuthForAutoDiscover',
        dword(1),
      ),
    ).toBe('exchange-client-option');
    refused('HKCU\\Software\\Policies\\Microsoft\\Exchange', 'MapiHttpDisabled', null);
    refused('HKCU\\Software\\Policies\\Microsoft\\Office\\15.0\\Common\\Identity', 'EnableADAL', dword(1));
    refused('HKLM\\Software\\Microsoft\\Office\\16.0\\Common\\Identity', 'EnableADAL', dword(1));
    refused('HKCU\\Software\\Microsoft\\Office\\14.0\\Common\\Identity', 'EnableADAL', dword(1));
    expect(
      refused('HKCU\\Software\\Microsoft\\Exchange', 'MapiHttpDisabled', { type: 'REG_SZ', data: '0' }),
    ).toMatch(/REG_DWORD/);
    refused('HKCU\\Software\\Microsoft\\Exchange', 'Anything', dword(1));
    expect(refused('nonsense', 'x', null)).toMatch(/not a registry path/);
  });

  it('is part of the one allowlist every write passes, per-user, and folds ASCII case only', () => {
    for (const kind of CAUSE_WRITE_KINDS) expect(needsElevation(kind)).toBe(false);
    expect(checkWriteAllowed(SECTION, '00036601', bin4)).toBe('profile-config-flags');
    expect(checkWriteAllowed('hkcu\\SOFTWARE\\microsoft\\exchange', 'MAPIHTTPDISABLED', null)).toBe(
      'exchange-client-option',
    );
    // The KB820281 value in the same section is not a cause fix's to write.
    expect(refused(SECTION, '00036627', bin4)).toMatch(/not a value a cause fix changes/);
    // Look-alike letters are other names to Windows (U+0130 dotted capital I, U+017F long s).
    refused('HKCU\\Software\\Microsoft\\Exchange', 'MapiHttpDisabled'.replace('i', '\u0130'), null);
    refused('HKCU\\Software\\Microsoft\\Exchange', 'MapiHttpDi\u017fabled', null);
    refused('HKCU\\Software\\Microsoft\\Office\\16.0\\Common\\\u0130dentity', 'EnableADAL', null);
    refused('HKCU\\Software\\Microsoft\\Office\\16.0\\Common\\Identity', 'EnableADAL', {
      type: 'REG_BINARY',
      data: new Uint8Array(4),
    });
  });
});
