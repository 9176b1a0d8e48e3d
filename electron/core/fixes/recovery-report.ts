import type { SerializedRegValue } from '../registry/reg-value';
import type { ChangeState, PlannedChange } from './change-plan';

/** One interrupted change and the writes that would make it whole. */
export interface RecoveryItem {
  readonly id: string;
  readonly direction: 'forward' | 'back';
  /** Needs administrator rights: shown and agreed to first, never silent. */
  readonly elevated: boolean;
  readonly writes: readonly (PlannedChange & { readonly target: SerializedRegValue | null })[];
}

export interface RecoveryOptions {
  /**
   * Asked before a recovery that writes HKLM: the wizard shows it and waits for the person,
   * the CLI prints it first, an unattended machine-scope run logs it. Absent: never.
   */
  readonly consent?: (item: RecoveryItem) => Promise<boolean>;
}

export interface RecoveryReport {
  readonly recovered: readonly {
    readonly id: string;
    readonly state: ChangeState;
    readonly message: string;
  }[];
  /** Journal files moved out of the way (damaged, not ours, or unsafe to finish), with why. */
  readonly setAside: readonly {
    readonly id: string | null;
    readonly file: string;
    readonly reason: string;
  }[];
  readonly awaitingConsent: readonly RecoveryItem[];
}

export const EMPTY_RECOVERY: RecoveryReport = { recovered: [], setAside: [], awaitingConsent: [] };
