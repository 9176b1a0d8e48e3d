import type { RecoveryReport } from '../contract';
import type { StoreKit } from './store-kit';

/**
 * A change an earlier run left half done. Per-user values were put right at start-up; one that
 * needs administrator rights waits here until the person has seen it and agreed.
 */
export interface RecoveryState {
  readonly recovery: RecoveryReport | null;
  readonly recoveryDismissed: boolean;
}

export interface RecoveryActions {
  loadRecovery(): Promise<void>;
  finishRecovery(id: string): Promise<void>;
  dismissRecovery(): void;
}

export function createRecoverySlice(kit: StoreKit): RecoveryState & RecoveryActions {
  const { api, set } = kit;
  return {
    recovery: null,
    recoveryDismissed: false,

    async loadRecovery() {
      const recovery = await kit.run('recovery', () => api['recovery:status']());
      if (recovery) set({ recovery, recoveryDismissed: false });
    },

    async finishRecovery(id) {
      const recovery = await kit.run('recovery', () => api['recovery:finish']({ id }));
      if (recovery) set({ recovery });
    },

    dismissRecovery() {
      set({ recoveryDismissed: true });
    },
  };
}
