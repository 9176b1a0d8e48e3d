export type OsFamily = 'xp-2000' | 'server-2003' | 'vista-or-later' | 'unknown';

export interface OsInfo {
  readonly productName: string | null;
  /**
   * e.g. "5.1" (XP), "5.2" (Server 2003/XP x64), "6.1" (7): `CurrentVersion`, or on Windows 10
   * and later (which keep that at "6.3") `CurrentMajorVersionNumber.CurrentMinorVersionNumber`.
   */
  readonly currentVersion: string | null;
  readonly build: string | null;
  readonly family: OsFamily;
}

/**
 * Where the level in effect comes from. `unknown`: the stored value is invalid, the LSA key is
 * not in the export, or the value is absent and the Windows version (which sets the default) is
 * not in the export; `effectiveLmCompatibilityLevel` then holds the Windows default only as a
 * placeholder, and nothing may be concluded from it.
 */
export type LmLevelSource = 'stored' | 'windows-default' | 'policy' | 'unknown';

/** LmCompatibilityLevel stored as something other than a REG_DWORD from 0 to 5, shown as stored. */
export interface InvalidLmLevel {
  /** Registry type, e.g. "REG_SZ". */
  readonly type: string;
  /** The data as text ("3", "7", "03 00 00 00"). */
  readonly data: string;
  /** An undo could put it back exactly, so lmcompat-3 may replace it (allowlist.ts). */
  readonly replaceable: boolean;
}

export interface LsaState {
  /** The stored value, or null when absent. */
  readonly lmCompatibilityLevel: number | null;
  /** What Windows uses: the stored value, else the OS default. */
  readonly effectiveLmCompatibilityLevel: number;
  readonly defaultLmCompatibilityLevel: number;
  readonly policyManaged: boolean;
  readonly policyLevel: number | null;
  readonly backConnectionHostNames: readonly string[] | null;
  readonly disableLoopbackCheck: number | null;
  readonly ntlmMinClientSec: number | null;
  /** Set when LmCompatibilityLevel exists but is not a DWORD 0–5. */
  readonly lmCompatibilityLevelProblem: string | null;
  /** Optional only for reports made before it existed; every scan sets it. */
  readonly lmLevelSource?: LmLevelSource;
  /** The stored value when it is not a REG_DWORD 0–5; null otherwise. */
  readonly invalidLmCompatibilityLevel?: InvalidLmLevel | null;
  /** The LSA key was read (false: an export without it). */
  readonly seen?: boolean;
}
