import type { ChangePlan } from './change-plan';

export type StepName = 'journal' | 'backup' | 'write' | 'verify' | 'record';

export interface StepResult {
  readonly step: StepName;
  readonly ok: boolean;
}

export type ApplyStatus =
  'applied' | 'nothing-to-do' | 'blocked' | 'elevation-declined' | 'failed-rolled-back';

export interface ApplyOutcome {
  readonly status: ApplyStatus;
  readonly changeId: string | null;
  readonly plan: ChangePlan;
  readonly steps: readonly StepResult[];
  /** Why it stopped, in plain words (blocked / declined / failed). */
  readonly reason: string | null;
  readonly backupPath: string | null;
  readonly restartOutlook: boolean;
  readonly restartWindows: boolean;
}

export interface RollbackOutcome {
  readonly status: 'rolled-back' | 'blocked' | 'elevation-declined' | 'failed';
  readonly changeId: string;
  readonly reason: string | null;
  readonly restartOutlook: boolean;
  readonly restartWindows: boolean;
}
