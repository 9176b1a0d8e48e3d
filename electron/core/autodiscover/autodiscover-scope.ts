import { OUTLOOK_VERSIONS } from '../outlook/profile-locations';
import type { OutlookProfile } from '../outlook/profile-model';

/**
 * Whether Outlook rewrites this profile's Outlook Anywhere settings from Autodiscover. Outlook
 * 2007 and later ask Autodiscover at every start (and while running) and keep the profile in
 * line with the server's EXPR answer, authentication included; Outlook 2003 has no Autodiscover
 * client (SOURCES.md A1–A3).
 */
export type AutodiscoverScope = 'yes' | 'no' | 'unknown';

/** Outlook versions (registry major) before Autodiscover. */
const BEFORE_AUTODISCOVER = new Set(['11.0']);

export function autodiscoverScope(profile: OutlookProfile): AutodiscoverScope {
  if (profile.outlookVersion !== null) return BEFORE_AUTODISCOVER.has(profile.outlookVersion) ? 'no' : 'yes';
  // No install found: the Office 15.0/16.0 roots are only read by 2013+; the old root by 2003–2010.
  return profile.store === 'wms' ? 'unknown' : 'yes';
}

/** "Outlook 2016 or later", or null when the version is not known. */
export function outlookName(profile: OutlookProfile): string | null {
  const byVersion = OUTLOOK_VERSIONS.find((v) => v.version === profile.outlookVersion);
  if (byVersion) return byVersion.displayName;
  return (
    OUTLOOK_VERSIONS.find((v) => v.store === profile.store && profile.store !== 'wms')?.displayName ?? null
  );
}
