import type { AppInfo } from '../contract';
import { RESUME_KEY } from './resume-snapshot';
import type { StoreKit } from './store-kit';
import { selectUpload, toUploadFiles, type UploadProblem } from './upload-files';

/** "Another PC": opening the folder collect.cmd wrote on a PC the app cannot run on. */
export interface CollectedState {
  /** What the page did not send of a picked folder, and why it sent nothing (if it did not). */
  readonly uploadNote: { readonly problem: UploadProblem | null; readonly skipped: readonly string[] } | null;
}

export interface CollectedActions {
  openAnother(): void;
  closeAnother(): void;
  /** Electron: the main process shows its folder picker. */
  pickCollected(): Promise<void>;
  /** Browser host: the files of the folder the person picked. */
  uploadCollected(files: readonly File[]): Promise<void>;
  /** Back to the PC the wizard started on. */
  closeCollected(): Promise<void>;
}

export const collectedFresh = { uploadNote: null } as const satisfies Partial<CollectedState>;

export function createCollectedSlice(kit: StoreKit): CollectedState & CollectedActions {
  const { api, set, get } = kit;

  /** Another machine is on screen: nothing the wizard knew applies to it. */
  const switched = async (info: AppInfo, note: CollectedState['uploadNote']) => {
    kit.stopPoll();
    kit.storage?.removeItem(RESUME_KEY);
    set({
      ...kit.fresh(),
      appInfo: info,
      uploadNote: note,
      history: [],
      historyLoaded: false,
      serverEvents: null,
      iisReadings: null,
      guide: null,
      // Reading a collected PC is a technician's work: registry paths and raw values are shown.
      ...(info.collected ? { audience: 'technician' as const } : {}),
    });
    if (info.collected?.server) await get().openServer();
    else if (info.collected) await get().start();
  };

  return {
    ...collectedFresh,

    openAnother() {
      kit.stopPoll();
      set({ view: 'another', error: null });
    },

    closeAnother() {
      set({ view: 'wizard' });
      if (get().step === 'prepare' && get().outlookRunning) get().waitForOutlookClosed();
    },

    async pickCollected() {
      const info = await kit.run('open-collected', () => api['collected:open']({ locale: get().locale }));
      if (info) await switched(info, null);
    },

    async uploadCollected(files) {
      const selection = selectUpload(files);
      if (selection.problem) {
        set({ uploadNote: { problem: selection.problem, skipped: selection.skipped } });
        return;
      }
      set({ uploadNote: null });
      const info = await kit.run('open-collected', async () =>
        api['collected:upload']({ files: await toUploadFiles(selection.send) }),
      );
      if (info)
        await switched(
          info,
          selection.skipped.length > 0 ? { problem: null, skipped: selection.skipped } : null,
        );
    },

    async closeCollected() {
      const info = await kit.run('open-collected', () => api['collected:close']());
      if (info) await switched(info, null);
    },
  };
}
