/** Decoded Outlook profile model: what the registry bytes mean, nothing more. */
export type AuthScheme = 'basic' | 'ntlm' | 'negotiate' | 'other';

/** Where a profile lives: the Windows Messaging Subsystem root (2003–2010) or an Office root. */
export type ProfileStore = 'wms' | '15.0' | '16.0';

export interface UnreadableValue {
  readonly valueName: string;
  readonly reason: string;
}

export interface RpcOverHttpSettings {
  readonly enabled: boolean;
  /** As stored (host only, or a `host:port` hack, left alone). */
  readonly proxyServer: string | null;
  readonly sslOnly: boolean;
  readonly mutualAuth: boolean;
  /** `msstd:` principal name, as stored. */
  readonly principalName: string | null;
  readonly httpFirstOnFast: boolean;
  readonly httpFirstOnSlow: boolean;
  readonly authScheme: AuthScheme | null;
  /** Raw PR_ROH_PROXY_AUTH_SCHEME, or null when absent/unreadable. */
  readonly authSchemeValue: number | null;
  /** Raw PR_ROH_FLAGS including unknown bits, or null when absent/unreadable. */
  readonly flags: number | null;
  /** Bits of `flags` outside the five documented ones (e.g. 0x10), preserved on write. */
  readonly unknownFlags: number;
}

export interface ExchangeAccount {
  /** Section key name (32 hex digits). */
  readonly section: string;
  /** Full key path of the section. */
  readonly sectionPath: string;
  readonly accountName: string | null;
  readonly homeServer: string | null;
  readonly mailbox: string | null;
  readonly rpcOverHttp: RpcOverHttpSettings;
  readonly unreadable: readonly UnreadableValue[];
  /**
   * PR_PROFILE_CONFIG_FLAGS (`00036601`, bit 0x8 = "always prompt") and PR_PROFILE_AUTH_PACKAGE
   * (`00036619`, "Logon network security") as stored, for the technician view; null when absent
   * or not a readable PT_LONG. Optional only for reports made before they existed.
   */
  readonly configFlags?: number | null;
  readonly authPackage?: number | null;
}

/**
 * Whether the installed Outlook reads this profile. Outlook 2013 and later keep profiles under
 * their own Office key, so a PC upgraded from Outlook 2003–2010 still carries the old Windows
 * Messaging Subsystem profiles, often under the same name; those are `leftover`. `unknown`: no
 * Outlook install was found (an export without the Office keys), so any root may be the live one.
 */
export type ProfileStatus = 'live' | 'leftover' | 'unknown';

export interface OutlookProfile {
  readonly name: string;
  /** Only a live (or, with no install found, an unknown) profile can be the default. */
  readonly isDefault: boolean;
  /** The installed Outlook that uses this profile store ("11.0" … "16.0"), or null if none was found. */
  readonly outlookVersion: string | null;
  readonly store: ProfileStore;
  readonly keyPath: string;
  readonly accounts: readonly ExchangeAccount[];
  /** Optional only for reports made before it existed; every scan sets it. */
  readonly status?: ProfileStatus;
}

/** Windows Installer, or Click-to-Run (Microsoft 365 Apps, Office 2013–2021 retail and volume C2R). */
export type InstallType = 'msi' | 'click-to-run';

export interface InstalledOutlook {
  readonly version: string;
  /** "Outlook 2003" etc. */
  readonly displayName: string;
  /** Folder of OUTLOOK.EXE as the registry records it; empty when only the product is known. */
  readonly installPath: string;
  readonly bitness: '32' | '64';
  /** Optional only for reports made before it existed; every scan sets it. */
  readonly installType?: InstallType;
  /** Click-to-Run's full build (`VersionToReport`, e.g. "16.0.17928.20114"), else null. */
  readonly build?: string | null;
  /** Click-to-Run product ids (`ProductReleaseIds`, e.g. "O365ProPlusRetail"). */
  readonly products?: readonly string[];
}
