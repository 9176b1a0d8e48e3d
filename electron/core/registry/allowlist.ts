import { ExproxyError } from '../errors';
import { isValidHostName } from '../lsa/host-name';
import { asciiLower } from './ascii-case';
import { canonicalKeyPath } from './key-path';
import type { RegValue } from './reg-value';

/** Everything the product may ever write. Any other write fails before touching anything. */
export const ALLOWED_WRITE_KINDS = [
  'roh-auth-scheme',
  'lm-compatibility-level',
  'back-connection-host-names',
  'resume-entry',
  // The causes beyond KB820281 (core/causes/SOURCES.md): per-user values only.
  'profile-config-flags',
  'profile-auth-package',
  'office-identity',
  'exchange-client-option',
] as const;
export type AllowedWriteKind = (typeof ALLOWED_WRITE_KINDS)[number];

export const LSA_KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
export const MSV1_0_KEY = `${LSA_KEY}\\MSV1_0`;
export const RUN_ONCE_KEY = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce';
/** `!` makes Windows delete the entry only after the program it starts has run. */
export const RESUME_VALUE_NAME = '!ExchangeProxyWizardResume';

// `i` without `u` folds ASCII letters only here (ECMAScript keeps non-ASCII letters whose
// capital is ASCII, such as U+212A and U+017F, distinct); tests pin that down.
const PROFILE_SECTION =
  /^HKEY_CURRENT_USER\\Software\\Microsoft\\(?:Windows NT\\CurrentVersion\\Windows Messaging Subsystem|Office\\1[56]\.0\\Outlook)\\Profiles\\[^\\]+\\[0-9a-f]{32}$/i;

/** Outlook 2013+ modern-auth switches (`EnableADAL`, `Version`); never their policy copy. */
const OFFICE_IDENTITY = /^HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\1[56]\.0\\Common\\Identity$/i;
export const EXCHANGE_CLIENT_KEY = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Exchange';

const PROFILE_LONGS: Readonly<Record<string, AllowedWriteKind>> = {
  '00036627': 'roh-auth-scheme',
  '00036601': 'profile-config-flags',
  '00036619': 'profile-auth-package',
};
const IDENTITY_NAMES: readonly string[] = ['enableadal', 'version'];
const EXCHANGE_NAMES: readonly string[] = ['alwaysusemsoauthforautodiscover', 'mapihttpdisabled'];

/**
 * An LmCompatibilityLevel that was not a level (text, or a REG_DWORD above 5), which an undo must
 * be able to put back byte for byte. Text is kept short: a level written as text is a digit or
 * two, and anything longer is not ours to write. record-check.ts accepts such a value only as
 * the "before" of a change whose "after" is REG_DWORD 3.
 */
export function isRestorableInvalidLevel(value: RegValue): boolean {
  if (value.type === 'REG_DWORD')
    return Number.isInteger(value.data) && value.data > 5 && value.data <= 0xffffffff;
  if (value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ')
    return value.data.length <= 16 && !/[\0\r\n]/.test(value.data);
  return false;
}

function fail(path: string, name: string, why: string): never {
  throw new ExproxyError('not-allowed', `Refusing to write ${path}\\${name}: ${why}`, { path, name });
}

/** HKLM writes need elevation; everything else the product writes is per-user. */
export function needsElevation(kind: AllowedWriteKind): boolean {
  return kind === 'lm-compatibility-level' || kind === 'back-connection-host-names';
}

/**
 * Classifies a write (value `null` = delete the value, used to restore "was absent")
 * or throws `not-allowed`.
 */
export function checkWriteAllowed(path: string, name: string, value: RegValue | null): AllowedWriteKind {
  let key: string;
  try {
    key = canonicalKeyPath(path);
  } catch {
    fail(path, name, 'not a registry path');
  }
  const lname = asciiLower(name);
  const lkey = asciiLower(key);
  const profileKind = PROFILE_LONGS[lname];
  if (profileKind && PROFILE_SECTION.test(key)) {
    // A profile PT_LONG: 4 bytes as REG_BINARY (how MAPI stores it), REG_DWORD tolerated.
    if (value === null) return profileKind;
    if (value.type === 'REG_BINARY' && value.data.length === 4) return profileKind;
    if (value.type === 'REG_DWORD') return profileKind;
    fail(
      path,
      name,
      profileKind === 'roh-auth-scheme'
        ? 'the proxy authentication scheme must be a 4-byte value'
        : 'a profile PT_LONG must be a 4-byte value',
    );
  }
  if (lkey === asciiLower(LSA_KEY) && lname === 'lmcompatibilitylevel') {
    if (value === null) return 'lm-compatibility-level';
    if (value.type === 'REG_DWORD' && Number.isInteger(value.data) && value.data >= 0 && value.data <= 5)
      return 'lm-compatibility-level';
    if (isRestorableInvalidLevel(value)) return 'lm-compatibility-level';
    fail(path, name, 'LmCompatibilityLevel must be a REG_DWORD from 0 to 5');
  }
  if (lkey === asciiLower(MSV1_0_KEY) && lname === 'backconnectionhostnames') {
    if (value === null) return 'back-connection-host-names';
    if (value.type === 'REG_MULTI_SZ' && value.data.every(isValidHostName))
      return 'back-connection-host-names';
    fail(path, name, 'BackConnectionHostNames must be a REG_MULTI_SZ of host names');
  }
  if (lkey === asciiLower(RUN_ONCE_KEY) && name === RESUME_VALUE_NAME) {
    if (value === null || value.type === 'REG_SZ') return 'resume-entry';
    fail(path, name, 'the resume entry must be a string');
  }
  if (OFFICE_IDENTITY.test(key) && IDENTITY_NAMES.includes(lname)) {
    if (value === null || value.type === 'REG_DWORD') return 'office-identity';
    fail(path, name, 'Office identity switches are REG_DWORD');
  }
  if (lkey === asciiLower(EXCHANGE_CLIENT_KEY) && EXCHANGE_NAMES.includes(lname)) {
    if (value === null || value.type === 'REG_DWORD') return 'exchange-client-option';
    fail(path, name, 'Exchange client switches are REG_DWORD');
  }
  fail(path, name, 'not on the list of values this product may change');
}
