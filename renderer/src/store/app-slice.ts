import type { AppInfo, Locale } from '../contract';
import type { Audience } from './model';
import type { StoreKit } from './store-kit';

export type Busy =
  | 'init'
  | 'scan'
  | 'plan'
  | 'apply'
  | 'verify'
  | 'save'
  | 'copy'
  | 'restart-outlook'
  | 'restart-windows'
  | 'history'
  | 'undo'
  | 'demo'
  | 'proxy'
  | 'prf'
  | 'guides'
  | 'events'
  | 'backconnection'
  | 'recovery'
  | 'collect-script'
  | 'open-collected'
  | 'kit'
  | 'kit-download';

/** What went wrong, where: `kind` picks the explanation, `message` is the raw detail. */
interface WizardError {
  readonly action: Busy;
  readonly kind: string;
  readonly message: string;
}

type View = 'wizard' | 'history' | 'server' | 'another';

export const LOCALE_KEY = 'exproxy.locale';

/** The shell around every view: who is using it, in which language, what is busy or failed. */
export interface AppState {
  readonly appInfo: AppInfo | null;
  readonly audience: Audience;
  readonly locale: Locale;
  readonly view: View;
  readonly busy: Busy | null;
  readonly error: WizardError | null;
}

export interface AppActions {
  init(): Promise<void>;
  setAudience(a: Audience): void;
  setLocale(l: Locale): void;
  dismissError(): void;
  /** Puts a text (a command line) on the clipboard; false when that was refused. */
  copyText(text: string): Promise<boolean>;
}

/** What a fresh start (an undo, another demo machine) resets in this slice. */
export const appFresh = { view: 'wizard', busy: null, error: null } as const satisfies Partial<AppState>;

export function createAppSlice(kit: StoreKit): AppState & AppActions {
  const { api, set, get, storage } = kit;
  return {
    ...appFresh,
    appInfo: null,
    audience: 'endUser',
    locale: kit.deps.initialLocale ?? 'en',

    async init() {
      const info = await kit.run('init', () => api['app:info']());
      if (!info) return;
      set({ appInfo: info });
      // An interrupted change needing administrator rights is shown before anything else.
      await get().loadRecovery();
      // The demo panel shows the simulated Outlook's state from the start.
      if (info.mode === 'demo' && !info.collected) await get().checkOutlook();
      if (info.resumeAtVerify) await get().resumeAtVerify();
      // A server collected with /server is read in the Server problems view.
      else if (info.collected?.server) await get().openServer();
    },

    setAudience(audience) {
      set({ audience });
    },

    setLocale(locale) {
      set({ locale });
      // Guide texts come from the service in one language: fetch them again (now if on
      // screen, else when the server view next opens).
      if (get().view === 'server' && get().guides && get().guidesLocale !== locale) void get().loadGuides();
      try {
        storage?.setItem(LOCALE_KEY, locale);
      } catch {
        /* not persisted; still switched */
      }
    },

    dismissError() {
      set({ error: null });
    },

    async copyText(text) {
      try {
        await kit.writeClipboard(text);
        return true;
      } catch {
        return false;
      }
    },
  };
}
