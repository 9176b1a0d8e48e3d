import { toApiError } from '../api/api-error';
import type { ChangeRecord, RollbackOutcome } from '../contract';
import { RESUME_KEY } from './resume-snapshot';
import type { StoreKit } from './store-kit';

type HistoryResult =
  | { readonly changeId: string; readonly ok: true; readonly outcome: RollbackOutcome }
  | { readonly changeId: string; readonly ok: false; readonly kind: string; readonly message: string };

/** The journal's changes and one-click undo. */
export interface HistoryState {
  readonly history: readonly ChangeRecord[];
  readonly historyLoaded: boolean;
  readonly historyResult: HistoryResult | null;
  /** Where "back" from History leads. */
  readonly returnView: 'wizard' | 'server' | 'another';
}

export interface HistoryActions {
  openHistory(): Promise<void>;
  closeHistory(): void;
  loadHistory(): Promise<void>;
  undo(changeId: string): Promise<void>;
}

/** What a fresh start resets in this slice (the list itself stays: it is the machine's). */
export const historyFresh = { historyResult: null } as const satisfies Partial<HistoryState>;

export function createHistorySlice(kit: StoreKit): HistoryState & HistoryActions {
  const { api, set, get } = kit;
  return {
    ...historyFresh,
    history: [],
    historyLoaded: false,
    returnView: 'wizard',

    async openHistory() {
      kit.stopPoll();
      const from = get().view;
      set({
        view: 'history',
        historyResult: null,
        ...(from !== 'history' ? { returnView: from } : {}),
      });
      await get().loadHistory();
    },

    closeHistory() {
      const back = get().returnView;
      if (back !== 'wizard') {
        set({ view: back });
        return;
      }
      set({ view: 'wizard' });
      if (get().step === 'prepare' && get().outlookRunning) get().waitForOutlookClosed();
    },

    async loadHistory() {
      const list = await kit.run('history', () => api['history:list']());
      if (list) set({ history: list, historyLoaded: true });
      // Beside the changes: the fix kits made here for other PCs.
      await get().loadKitLog();
    },

    async undo(changeId) {
      set({ busy: 'undo', historyResult: null, error: null });
      try {
        const outcome = await api['fix:rollback']({ changeId });
        // Stopped before any write (Outlook open, a prompt declined): what the wizard shows still holds.
        if (outcome.status === 'blocked' || outcome.status === 'elevation-declined') {
          set({ busy: null, historyResult: { changeId, ok: true, outcome } });
          await get().loadHistory();
          return;
        }
        // The machine changed under the wizard: what it showed is stale, so it starts over.
        kit.stopPoll();
        kit.storage?.removeItem(RESUME_KEY);
        set({
          ...kit.fresh(),
          view: 'history',
          busy: null,
          historyResult: { changeId, ok: true, outcome },
        });
      } catch (e) {
        const err = toApiError(e);
        set({ busy: null, historyResult: { changeId, ok: false, kind: err.kind, message: err.message } });
      }
      await get().loadHistory();
    },
  };
}
