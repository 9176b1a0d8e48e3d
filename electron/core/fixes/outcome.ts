import type { ChangePlan, RecordedRemoval } from './change-plan';

/** `remove`: the saved credentials of the plan deleted and listed again (only when it has some). */
export type StepName = 'journal' | 'backup' | 'write' | 'verify' | 'remove' | 'record';

export interface StepResult {
  readonly step: StepName;
  readonly ok: boolean;
}

/** `plan-changed`: the machine moved since the person approved the plan; nothing was written. */
export type ApplyStatus =
  'applied' | 'nothing-to-do' | 'blocked' | 'elevation-declined' | 'failed-rolled-back' | 'plan-changed';

export interface ApplyOutcome {
  readonly status: ApplyStatus;
  readonly changeId: string | null;
  /** What was applied; with `plan-changed`, the fresh plan to show and approve instead. */
  readonly plan: ChangePlan;
  /** With `plan-changed`: the fresh plan's fingerprint, to approve it. */
  readonly fingerprint?: string;
  readonly steps: readonly StepResult[];
  /** Why it stopped, in plain words (blocked / declined / failed). */
  readonly reason: string | null;
  readonly backupPath: string | null;
  readonly restartOutlook: boolean;
  readonly restartWindows: boolean;
  /**
   * The plan's credential removals as they ended (`removed`: gone now). Present only when the
   * plan had some; after a failure, those removed stay removed (they cannot be put back).
   */
  readonly removals?: readonly RecordedRemoval[];
}

export interface RollbackOutcome {
  readonly status: 'rolled-back' | 'blocked' | 'elevation-declined' | 'failed';
  readonly changeId: string;
  readonly reason: string | null;
  readonly restartOutlook: boolean;
  readonly restartWindows: boolean;
  /** Saved credentials the change removed: an undo cannot bring them back (said, not hidden). */
  readonly notUndone?: readonly RecordedRemoval[];
}
