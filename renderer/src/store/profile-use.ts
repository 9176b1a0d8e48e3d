import { profilesInUse } from '../../../electron/core/outlook/profile-selection';
import type { DiagnosisReport, OutlookProfile } from '../contract';

/**
 * Profiles the installed Outlook does not read (a PC upgraded from Outlook 2003–2010 keeps its
 * old Windows Messaging Subsystem profiles). Shown apart; never offered for a fix.
 */
export function leftoverProfiles(report: Pick<DiagnosisReport, 'profiles'>): OutlookProfile[] {
  return report.profiles.filter((p) => p.status === 'leftover');
}

/** The profiles that count: live ones, or every one when no Outlook install was found. */
export function usedProfiles(report: Pick<DiagnosisReport, 'profiles'>): OutlookProfile[] {
  return profilesInUse(report.profiles);
}

/** i18n keys cannot hold the dots of "15.0"/"16.0": the store as a key part. */
export function storeKey(store: OutlookProfile['store']): 'wms' | 'o15' | 'o16' {
  return store === 'wms' ? 'wms' : store === '15.0' ? 'o15' : 'o16';
}
