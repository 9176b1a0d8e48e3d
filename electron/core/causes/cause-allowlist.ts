/**
 * The values the cause fixes may write (the lead merges these into registry/allowlist.ts). The
 * same check classifies an undo, so a write may also restore an earlier value or its absence
 * (`null`). Policy keys (`Software\Policies`) are never on the list.
 */
import { ExproxyError } from '../errors';
import { canonicalKeyPath } from '../registry/key-path';
import type { RegValue } from '../registry/reg-value';

export type CauseWriteKind =
  'profile-config-flags' | 'profile-auth-package' | 'office-identity' | 'exchange-client-option';

/** An Exchange account section of a profile, exactly as registry/allowlist.ts PROFILE_SECTION. */
export const PROFILE_SECTION_PATTERN =
  /^HKEY_CURRENT_USER\\Software\\Microsoft\\(?:Windows NT\\CurrentVersion\\Windows Messaging Subsystem|Office\\1[56]\.0\\Outlook)\\Profiles\\[^\\]+\\[0-9a-f]{32}$/i;
export const OFFICE_IDENTITY_PATTERN =
  /^HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\1[56]\.0\\Common\\Identity$/i;
export const EXCHANGE_CLIENT_KEY = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Exchange';

const PROFILE_NAMES: Readonly<Record<string, CauseWriteKind>> = {
  '00036601': 'profile-config-flags',
  '00036619': 'profile-auth-package',
};
const IDENTITY_NAMES = ['enableadal', 'version'];
const EXCHANGE_NAMES = ['alwaysusemsoauthforautodiscover', 'mapihttpdisabled'];

function fail(path: string, name: string, why: string): never {
  throw new ExproxyError('not-allowed', `Refusing to write ${path}\\${name}: ${why}`, { path, name });
}

const isLong = (v: RegValue) => (v.type === 'REG_BINARY' && v.data.length === 4) || v.type === 'REG_DWORD';

/** Classifies a write (value `null` = delete the value) or throws `not-allowed`. */
export function checkCauseWriteAllowed(path: string, name: string, value: RegValue | null): CauseWriteKind {
  let key: string;
  try {
    key = canonicalKeyPath(path);
  } catch {
    fail(path, name, 'not a registry path');
  }
  const lname = name.toLowerCase();
  const profileKind = PROFILE_NAMES[lname];
  if (profileKind && PROFILE_SECTION_PATTERN.test(key)) {
    if (value === null || isLong(value)) return profileKind;
    fail(path, name, 'a profile PT_LONG must be a 4-byte value');
  }
  if (OFFICE_IDENTITY_PATTERN.test(key) && IDENTITY_NAMES.includes(lname)) {
    if (value === null || value.type === 'REG_DWORD') return 'office-identity';
    fail(path, name, 'Office identity switches are REG_DWORD');
  }
  if (key.toLowerCase() === EXCHANGE_CLIENT_KEY.toLowerCase() && EXCHANGE_NAMES.includes(lname)) {
    if (value === null || value.type === 'REG_DWORD') return 'exchange-client-option';
    fail(path, name, 'Exchange client switches are REG_DWORD');
  }
  fail(path, name, 'not on the list of values the cause fixes may change');
}
