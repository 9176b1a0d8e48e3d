import type { OutlookProfile } from '../outlook/profile-model';

/** Office registry versions (11.0 = 2003 … 16.0 = 2016 and later; there is no 13.0). */
export type OfficeVersion = '11.0' | '12.0' | '14.0' | '15.0' | '16.0';
export const OFFICE_VERSIONS: readonly OfficeVersion[] = ['11.0', '12.0', '14.0', '15.0', '16.0'];

/** `HKCU\Software\Policies\Microsoft\Office\<ver>\Outlook\Security` (SOURCES.md §1, §2). */
export function outlookSecurityPolicyKey(version: OfficeVersion): string {
  return `HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\${version}\\Outlook\\Security`;
}

function isOfficeVersion(v: string | null): v is OfficeVersion {
  return v !== null && (OFFICE_VERSIONS as readonly string[]).includes(v);
}

/**
 * The Outlook versions that can open this profile: the one the scan matched, else every version
 * that keeps profiles in its store (2003–2010 share the Windows Messaging Subsystem key).
 */
export function versionsForProfile(
  profile: Pick<OutlookProfile, 'outlookVersion' | 'store'>,
): OfficeVersion[] {
  if (isOfficeVersion(profile.outlookVersion)) return [profile.outlookVersion];
  if (profile.store === 'wms') return ['11.0', '12.0', '14.0'];
  return [profile.store];
}
