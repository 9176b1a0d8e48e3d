import { toApiError } from '../api/api-error';
import type { DiagnosisReport } from '../contract';
import type { StoreKit } from './store-kit';

/** Where the proxy check of this scan stands; `failed`/`cancelled` mean the plain scan is shown. */
interface ProxyCheckState {
  readonly status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  readonly kind?: string;
  readonly message?: string;
}

interface SavedPrf {
  readonly profile: string;
  readonly path: string;
  readonly text: string;
  /** Section key of the account the PRF changes. */
  readonly account: string;
  /** Other accounts of the profile on Basic that a PRF cannot reach: they need the in-app fix. */
  readonly notCovered: readonly string[];
}

/** No PRF was written, and why, in the words of the person's language (with the alternative). */
interface PrfRefusal {
  readonly profile: string;
  readonly message: string;
}

/** The kinds a PRF refusal travels as (core/outlook/prf-refusal.ts); anything else is a failure. */
const REFUSAL_KINDS = new Set(['blocked', 'usage']);

/** Asking the Exchange proxy after a scan, and the PRF alternative to the profile fix. */
export interface ProxyState {
  /** Ask the Exchange proxy after each scan (on by default). */
  readonly proxyCheckEnabled: boolean;
  readonly proxyCheck: ProxyCheckState;
  readonly prf: SavedPrf | null;
  readonly prfRefusal: PrfRefusal | null;
}

export interface ProxyActions {
  /**
   * Asks the Exchange proxies what they offer (no password is sent) and returns the scan with
   * the proxy findings; the flow calls it after each scan. Cancelled or failed: the plain scan,
   * and `proxyCheck` says why.
   */
  checkProxy(report: DiagnosisReport): Promise<DiagnosisReport>;
  setProxyCheckEnabled(on: boolean): void;
  cancelProxyCheck(): void;
  savePrf(profile: string): Promise<void>;
}

/** What a fresh start resets in this slice. */
export const proxyFresh = {
  proxyCheck: { status: 'idle' },
  prf: null,
  prfRefusal: null,
} as const satisfies Partial<ProxyState>;

/** True when some account of the scan uses an Exchange proxy the check could ask. */
function usesProxy(report: DiagnosisReport): boolean {
  return report.profiles.some((p) =>
    p.accounts.some((a) => a.rpcOverHttp.enabled && !!a.rpcOverHttp.proxyServer),
  );
}

export function createProxySlice(kit: StoreKit): ProxyState & ProxyActions {
  const { api, set, get } = kit;
  /** Ends the wait for a running proxy check at once (the person pressed Cancel). */
  let stopProxyWait: (() => void) | null = null;
  return {
    ...proxyFresh,
    proxyCheckEnabled: true,

    async checkProxy(report) {
      // A collected PC's proxies are not asked from here: this PC's network is not that PC's.
      if (!get().proxyCheckEnabled || !usesProxy(report) || get().appInfo?.collected) {
        set({ proxyCheck: { status: 'idle' } });
        return report;
      }
      set({ busy: 'proxy', proxyCheck: { status: 'running' } });
      const cancelled = new Promise<null>((resolve) => {
        stopProxyWait = () => resolve(null);
      });
      try {
        const merged = await Promise.race([api['proxy:check'](), cancelled]);
        if (!merged) {
          set({ proxyCheck: { status: 'cancelled' } });
          return report;
        }
        set({ proxyCheck: { status: 'done' } });
        return merged;
      } catch (e) {
        const err = toApiError(e);
        set({ proxyCheck: { status: 'failed', kind: err.kind, message: err.message } });
        return report;
      } finally {
        stopProxyWait = null;
        if (get().busy === 'proxy') set({ busy: null });
      }
    },

    setProxyCheckEnabled(on) {
      set({ proxyCheckEnabled: on });
    },

    cancelProxyCheck() {
      if (!stopProxyWait) return;
      stopProxyWait();
      // Tell the service too, so its requests stop; the wizard does not wait for that.
      void api['proxy:cancel']().catch(() => undefined);
    },

    async savePrf(profile) {
      set({ prf: null, prfRefusal: null, busy: 'prf', error: null });
      try {
        const saved = await api['prf:save']({ profile, locale: get().locale });
        set({ prf: { profile, ...saved } });
      } catch (e) {
        const err = toApiError(e);
        // A refusal is an answer (which account, what to do instead), not a failure of the wizard.
        if (REFUSAL_KINDS.has(err.kind)) set({ prfRefusal: { profile, message: err.message } });
        else set({ error: { action: 'prf', kind: err.kind, message: err.message } });
      } finally {
        if (get().busy === 'prf') set({ busy: null });
      }
    },
  };
}
