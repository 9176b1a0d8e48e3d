export type OsFamily = 'xp-2000' | 'server-2003' | 'vista-or-later' | 'unknown';

export interface OsInfo {
  readonly productName: string | null;
  /** `CurrentVersion`, e.g. "5.1" (XP), "5.2" (Server 2003/XP x64), "6.3" (8.1 and later report this). */
  readonly currentVersion: string | null;
  readonly build: string | null;
  readonly family: OsFamily;
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
}
