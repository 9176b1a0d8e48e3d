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

export interface ChangePlan {
  readonly fixes: readonly FixId[];
  readonly changes: readonly PlannedChange[];
  /** Fixes asked for that need no change on this machine (already done). */
  readonly alreadyDone: readonly FixId[];
  readonly needsElevation: boolean;
  readonly restartOutlook: boolean;
  readonly restartWindows: boolean;
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
}
