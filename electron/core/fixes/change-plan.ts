import type { CauseSkipReason, CredentialRemoval } from '../causes/cause-plan';
import type { FixId } from '../diagnosis/finding';
import type { AllowedWriteKind } from '../registry/allowlist';
import type { RegView } from '../registry/registry-port';
import type { SerializedRegValue } from '../registry/reg-value';

/** One value write: exactly what changes, before → after. `null` means "absent". */
export interface PlannedChange {
  readonly fix: FixId;
  readonly kind: AllowedWriteKind;
  readonly profile: string | null;
  readonly account: string | null;
  readonly path: string;
  readonly name: string;
  readonly view: RegView;
  readonly before: SerializedRegValue | null;
  readonly after: SerializedRegValue | null;
  readonly elevated: boolean;
}

/** A value a fix would change but leaves alone, and why (shown like `alreadyDone`). */
export interface PlanSkip {
  readonly fix: FixId;
  readonly profile: string | null;
  readonly account: string | null;
  readonly reason: CauseSkipReason;
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
}

export interface ChangePlan {
  readonly fixes: readonly FixId[];
  readonly changes: readonly PlannedChange[];
  /**
   * Saved credentials to delete (target, type and user name only). Nobody can read a password
   * back, so none of them can be undone: the person is told before agreeing.
   */
  readonly removals: readonly CredentialRemoval[];
  /** Fixes asked for that need no change on this machine (already done). */
  readonly alreadyDone: readonly FixId[];
  /** What a fix left alone, with the reason (a policy sets it, a value that does not decode…). */
  readonly skipped: readonly PlanSkip[];
  readonly needsElevation: boolean;
  readonly restartOutlook: boolean;
  readonly restartWindows: boolean;
  /** False as soon as one step cannot be undone (a credential removal). */
  readonly undoable: boolean;
}

/** A credential removal as the journal keeps it: `removed` once it is known to be gone. */
export interface RecordedRemoval {
  readonly targetName: string;
  readonly type: number;
  readonly userName: string | null;
  readonly removed: boolean;
}

export const CHANGE_STATES = [
  'pending',
  'applied',
  'rolling-back',
  'rolled-back',
  'failed-rolled-back',
  'needs-attention',
] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

/** A journal record: written and flushed before any write, updated after each step. */
export interface ChangeRecord {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly fixes: readonly FixId[];
  readonly changes: readonly PlannedChange[];
  /** How many changes were written so far (for recovery after a crash). */
  readonly written: number;
  readonly state: ChangeState;
  readonly restartOutlook: boolean;
  readonly restartWindows: boolean;
  readonly message?: string;
  /**
   * Saved credentials the change deletes (absent in records made before removals existed).
   * An undo never brings them back, and says so.
   */
  readonly removals?: readonly RecordedRemoval[];
}
