import { toApiError } from '../api/api-error';
import type {
  ApplyOutcome,
  GuideId,
  IisAuthReading,
  Locale,
  MatchedServerEvent,
  ServerGuide,
} from '../contract';
import type { StoreKit } from './store-kit';

/** The names typed into a server guide, as last sent to `server:guides`. */
export interface GuideParams {
  readonly server?: string;
  readonly fqdn?: string;
}

type BackConnectionResult =
  | { readonly host: string; readonly ok: true; readonly outcome: ApplyOutcome }
  | { readonly host: string; readonly ok: false; readonly kind: string; readonly message: string };

/** The server troubleshooter: guides, this machine's events and IIS, the BackConnectionHostNames fix. */
export interface ServerState {
  /** The guides in `guidesLocale`, filled in with `guideParams`. */
  readonly guides: readonly ServerGuide[] | null;
  readonly guidesLocale: Locale | null;
  readonly guideParams: GuideParams;
  /** A `server:guides` call is under way (kept apart from `busy`, which the wizard's steps use). */
  readonly guidesLoading: boolean;
  /** The service refused the typed names (shown next to the fields). */
  readonly guideParamsError: { readonly kind: string; readonly message: string } | null;
  readonly serverEvents: readonly MatchedServerEvent[] | null;
  /** IIS Windows-authentication providers read on this server (empty on a client PC). */
  readonly iisReadings: readonly IisAuthReading[] | null;
  readonly guide: GuideId | null;
  readonly backConnection: BackConnectionResult | null;
}

export interface ServerActions {
  openServer(): Promise<void>;
  closeServer(): void;
  loadGuides(params?: GuideParams): Promise<boolean>;
  loadServerEvents(): Promise<void>;
  openGuide(id: GuideId | null): void;
  addBackConnection(host: string): Promise<void>;
}

/** What a fresh start resets in this slice. */
export const serverFresh = { backConnection: null } as const satisfies Partial<ServerState>;

export function createServerSlice(kit: StoreKit): ServerState & ServerActions {
  const { api, set, get } = kit;
  return {
    ...serverFresh,
    guides: null,
    guidesLocale: null,
    guideParams: {},
    guidesLoading: false,
    guideParamsError: null,
    serverEvents: null,
    iisReadings: null,
    guide: null,

    async openServer() {
      kit.stopPoll();
      set({ view: 'server', error: null });
      await Promise.all([
        get().guides && get().guidesLocale === get().locale ? Promise.resolve(true) : get().loadGuides(),
        get().loadServerEvents(),
      ]);
    },

    closeServer() {
      set({ view: 'wizard', guide: null });
      if (get().step === 'prepare' && get().outlookRunning) get().waitForOutlookClosed();
    },

    async loadGuides(params) {
      const next = params ?? get().guideParams;
      const locale = get().locale;
      const req = {
        locale,
        ...(next.server ? { server: next.server } : {}),
        ...(next.fqdn ? { fqdn: next.fqdn } : {}),
      };
      set({ guidesLoading: true, guideParamsError: null });
      try {
        const guides = await api['server:guides'](req);
        set({ guides, guidesLocale: locale, guideParams: { server: req.server, fqdn: req.fqdn } });
        return true;
      } catch (e) {
        const err = toApiError(e);
        // Refused names are the person's to correct, not an error of the wizard.
        if (params && (err.kind === 'invalid-request' || err.kind === 'usage')) {
          set({ guideParamsError: { kind: err.kind, message: err.message } });
        } else {
          set({ error: { action: 'guides', kind: err.kind, message: err.message } });
        }
        return false;
      } finally {
        set({ guidesLoading: false });
      }
    },

    async loadServerEvents() {
      try {
        const [events, iisReadings] = await Promise.all([api['server:events'](), api['server:iis']()]);
        set({ serverEvents: events, iisReadings });
      } catch (e) {
        const err = toApiError(e);
        set({
          serverEvents: [],
          iisReadings: [],
          error: { action: 'events', kind: err.kind, message: err.message },
        });
      }
    },

    openGuide(id) {
      set({ guide: id, backConnection: null });
    },

    async addBackConnection(host) {
      set({ busy: 'backconnection', backConnection: null, error: null });
      try {
        const outcome = await api['server:add-backconnection']({ host });
        set({ backConnection: { host, ok: true, outcome } });
      } catch (e) {
        const err = toApiError(e);
        set({ backConnection: { host, ok: false, kind: err.kind, message: err.message } });
      } finally {
        if (get().busy === 'backconnection') set({ busy: null });
      }
      // History shows the change; keep its list current.
      if (get().historyLoaded) await get().loadHistory();
    },
  };
}
