import type { StoreApi } from 'zustand/vanilla';
import type { Locale, WizardApi } from '../contract';
import { toApiError } from '../api/api-error';
import type { Busy } from './app-slice';
import { writeClipboard } from './clipboard';
import { downloadFile, type DownloadFile } from './download';
import type { WizardActions, WizardState } from './wizard-store';

type Full = WizardState & WizardActions;
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface WizardDeps {
  readonly api: WizardApi;
  /** Where the locale choice and the resume snapshot live (localStorage in the app). */
  readonly storage?: StorageLike | null;
  /** Reloads the page after a simulated Windows restart (browser demo). */
  readonly reload?: () => void;
  readonly writeClipboard?: (text: string) => Promise<void>;
  /** Hands bytes from the browser host to the browser's download (tests capture them). */
  readonly download?: (file: DownloadFile) => void;
  readonly initialLocale?: Locale;
  /** Shortest time the scan progress stays on screen, so people see it happen (0 in tests). */
  readonly minScanMs?: number;
}

/**
 * What every slice of one store shares: the API, the store's own set/get, and the helpers that
 * cross slices (a call with `busy` and `error`, the Outlook poll, a fresh start). Slices reach
 * each other's actions through `get()`, never through imports.
 */
export interface StoreKit {
  readonly api: WizardApi;
  readonly deps: WizardDeps;
  readonly storage: StorageLike | null;
  readonly writeClipboard: (text: string) => Promise<void>;
  readonly download: (file: DownloadFile) => void;
  readonly set: StoreApi<Full>['setState'];
  readonly get: StoreApi<Full>['getState'];
  /** Runs one call with `busy` set; failures land in `error` and resolve to null. */
  run<T>(action: Busy, fn: () => Promise<T>): Promise<T | null>;
  /** The Outlook poll of the Prepare step: started by the flow, stopped by any view change. */
  readonly poll: { timer: ReturnType<typeof setInterval> | null; inFlight: boolean };
  stopPoll(): void;
  /** The state of a fresh start (after an undo, on another demo machine): every slice's reset part. */
  fresh(): Partial<WizardState>;
}

export function createStoreKit(
  deps: WizardDeps,
  set: StoreKit['set'],
  get: StoreKit['get'],
  fresh: Partial<WizardState>,
): StoreKit {
  const poll: StoreKit['poll'] = { timer: null, inFlight: false };
  return {
    api: deps.api,
    deps,
    storage: deps.storage ?? null,
    writeClipboard: deps.writeClipboard ?? writeClipboard,
    download: deps.download ?? downloadFile,
    set,
    get,
    poll,
    async run(action, fn) {
      set({ busy: action, error: null });
      try {
        const r = await fn();
        if (get().busy === action) set({ busy: null });
        return r;
      } catch (e) {
        const err = toApiError(e);
        set({ busy: null, error: { action, kind: err.kind, message: err.message } });
        return null;
      }
    },
    fresh: () => fresh,
    stopPoll() {
      if (poll.timer !== null) clearInterval(poll.timer);
      poll.timer = null;
      if (get().waitingForOutlook) set({ waitingForOutlook: false });
    },
  };
}
