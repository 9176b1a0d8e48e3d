import type { ApplyOutcome, DiagnosisReport, FixId } from '../contract';
import type { ShownPlan } from './flow-slice';
import type { Audience } from './model';
import type { StorageLike } from './store-kit';

export const RESUME_KEY = 'exproxy.resume';

/** What survives a restart, so Verify can still show before → after. */
interface ResumeSnapshot {
  readonly audience: Audience;
  readonly report: DiagnosisReport | null;
  readonly selectedFixes: readonly FixId[];
  readonly plan: ShownPlan | null;
  readonly outcome: ApplyOutcome | null;
}

/** Keeps the snapshot's fields of `state` (the whole store state may be passed). */
export function saveSnapshot(storage: StorageLike | null, state: ResumeSnapshot): void {
  const { audience, report, selectedFixes, plan, outcome } = state;
  const snap: ResumeSnapshot = { audience, report, selectedFixes, plan, outcome };
  try {
    storage?.setItem(RESUME_KEY, JSON.stringify(snap));
  } catch {
    /* storage full or off: Verify then shows "after" only */
  }
}

/** Reads the snapshot once: it is removed as it is taken. */
export function takeSnapshot(storage: StorageLike | null): ResumeSnapshot | null {
  try {
    const raw = storage?.getItem(RESUME_KEY);
    storage?.removeItem(RESUME_KEY);
    return raw ? (JSON.parse(raw) as ResumeSnapshot) : null;
  } catch {
    return null;
  }
}
