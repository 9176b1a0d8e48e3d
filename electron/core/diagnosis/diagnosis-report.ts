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
}
