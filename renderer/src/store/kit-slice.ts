import type { Delivery, KitLogEntry, MadeKit } from '../contract';
import type { StoreKit } from './store-kit';

/** What became of a file the main process handed over (its bytes are not kept). */
export type Handed =
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'downloaded'; readonly name: string }
  | { readonly kind: 'cancelled' };

/** collect.cmd for an old PC, the fix kit for the collected PC on screen, and the kit log. */
export interface KitState {
  readonly collectScript: Handed | null;
  /** The kit just made (the Kit page, or a server guide's kit). */
  readonly kit: MadeKit | null;
  /** What became of a kit's .zip, by kit id (History can fetch an older kit again). */
  readonly kitHanded: { readonly id: string; readonly handed: Handed } | null;
  /** Kits made on this PC, newest first (History). */
  readonly kitLog: readonly KitLogEntry[];
}

export interface KitActions {
  saveCollectScript(): Promise<void>;
  /** From Choose on a collected PC: the kit for the plan shown on Settings. */
  makeKit(): Promise<void>;
  /** From the KB914137 guide on a collected server: the kit that adds this name. */
  makeBackConnectionKit(host: string): Promise<void>;
  downloadKit(id?: string): Promise<void>;
  loadKitLog(): Promise<void>;
}

/** What a fresh start resets in this slice (the log stays: it is this PC's). */
export const kitFresh = {
  collectScript: null,
  kit: null,
  kitHanded: null,
} as const satisfies Partial<KitState>;

export function createKitSlice(kit: StoreKit): KitState & KitActions {
  const { api, set, get } = kit;

  /** Saved by Electron's dialog, or downloaded by the browser now. */
  const hand = (d: Delivery): Handed => {
    if (d.kind !== 'download') return d;
    kit.download(d);
    return { kind: 'downloaded', name: d.name };
  };

  const made = async (result: MadeKit | null) => {
    if (!result) return false;
    set({ kit: result, kitHanded: null });
    await get().loadKitLog();
    return true;
  };

  return {
    ...kitFresh,
    kitLog: [],

    async saveCollectScript() {
      const d = await kit.run('collect-script', () => api['kit:collect-script']({ locale: get().locale }));
      if (d) set({ collectScript: hand(d) });
    },

    async makeKit() {
      const { plan, selectedFixes, locale } = get();
      if (!plan) return get().goTo('settings');
      const result = await kit.run('kit', () =>
        api['kit:make']({ fixes: [...selectedFixes], fingerprint: plan.fingerprint, language: locale }),
      );
      if (await made(result)) get().goTo('kit');
    },

    async makeBackConnectionKit(host) {
      await made(await kit.run('kit', () => api['kit:make']({ host, language: get().locale })));
    },

    async downloadKit(id) {
      const which = id ?? get().kit?.id;
      if (!which) return;
      const d = await kit.run('kit-download', () => api['kit:download']({ id: which, locale: get().locale }));
      if (d) set({ kitHanded: { id: which, handed: hand(d) } });
    },

    async loadKitLog() {
      const log = await kit.run('history', () => api['kit:log']());
      if (log) set({ kitLog: log });
    },
  };
}
