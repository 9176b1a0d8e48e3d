import type { ModernAuthState } from '../causes/modern-auth';
import type { NoCauseGuidance } from '../causes/no-cause-guidance';
import type { CredentialMatch } from '../causes/saved-credentials';
import type { LsaState, OsInfo } from '../lsa/lsa-model';
import type { InstalledOutlook, OutlookProfile } from '../outlook/profile-model';
import type { ProxyCheck } from '../proxy-check/probe-result';
import type { Coverage } from './coverage';
import type { Finding } from './finding';

/** Everything one scan learned; JSON-safe (it is the `diagnose --json` output and the IPC payload). */
export interface DiagnosisReport {
  readonly scannedAt: string;
  /** Which registry adapter answered ("simulated", "reg.exe", "regedit"). */
  readonly adapter: string;
  readonly machine: {
    readonly os: OsInfo;
    readonly outlook: readonly InstalledOutlook[];
    readonly outlookRunning: boolean;
  };
  readonly profiles: readonly OutlookProfile[];
  readonly lsa: LsaState;
  /**
   * Which parts of the diagnosis the registry showed (an export may lack some). Optional only
   * for reports made before it existed; every scan sets it.
   */
  readonly coverage?: Coverage;
  readonly findings: readonly Finding[];
  /** What each Exchange proxy answered, when the network check ran (see services/proxy-checks). */
  readonly proxyChecks?: readonly ProxyCheck[];
  /**
   * The saved credentials that concern Outlook (target, type, user name; never a secret), for
   * the pick list of remove-saved-credentials; null when they could not be listed here (not
   * Windows, a collected PC, a simulated PC that does not state them). Optional only for
   * reports made before it existed.
   */
  readonly savedCredentials?: readonly CredentialMatch[] | null;
  /** Why the listing failed, when it did on a machine that has a store. */
  readonly savedCredentialsError?: string | null;
  /** The modern-auth switches as read (user value, policy copy, which wins). */
  readonly modernAuth?: ModernAuthState;
  /** The PC is joined to a domain (null: not known); Kerberos-only sign-in depends on it. */
  readonly domainJoined?: boolean | null;
  /**
   * When nothing actionable was found: what was checked and what to look at next (Outlook's
   * Connection Status, the proxy's answer) instead of a bare "nothing to fix"; else null.
   */
  readonly guidance?: NoCauseGuidance | null;
}
