import type { ProfileStore } from './profile-model';

/**
 * Where things live per Outlook version, as data (reference §1.1–1.2). Only the install
 * probes under HKLM\SOFTWARE need both registry views (install-probes.ts).
 */
export interface OutlookVersionInfo {
  readonly version: string;
  readonly displayName: string;
  readonly store: ProfileStore;
  /** 2003/2007 keep Exchange settings in one fixed section; 2010+ have one section per account. */
  readonly sectionModel: 'global' | 'per-account';
}

export const OUTLOOK_VERSIONS: readonly OutlookVersionInfo[] = [
  { version: '11.0', displayName: 'Outlook 2003', store: 'wms', sectionModel: 'global' },
  { version: '12.0', displayName: 'Outlook 2007', store: 'wms', sectionModel: 'global' },
  { version: '14.0', displayName: 'Outlook 2010', store: 'wms', sectionModel: 'per-account' },
  { version: '15.0', displayName: 'Outlook 2013', store: '15.0', sectionModel: 'per-account' },
  { version: '16.0', displayName: 'Outlook 2016 or later', store: '16.0', sectionModel: 'per-account' },
];

export interface ProfileRoot {
  readonly store: ProfileStore;
  readonly profilesKey: string;
  /** Key holding the `DefaultProfile` REG_SZ. */
  readonly defaultProfileKey: string;
}

const WMS_PROFILES =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';

export const PROFILE_ROOTS: readonly ProfileRoot[] = [
  { store: 'wms', profilesKey: WMS_PROFILES, defaultProfileKey: WMS_PROFILES },
  {
    store: '15.0',
    profilesKey: 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\15.0\\Outlook\\Profiles',
    defaultProfileKey: 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\15.0\\Outlook',
  },
  {
    store: '16.0',
    profilesKey: 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles',
    defaultProfileKey: 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook',
  },
];

/** Office's machine key; its 32-bit view is `HKLM\SOFTWARE\WOW6432Node\Microsoft\Office`. */
export const OFFICE_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office';
