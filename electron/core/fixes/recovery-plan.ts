import {
  deserializeRegValue,
  regValuesEqual,
  type RegValue,
  type SerializedRegValue,
} from '../registry/reg-value';
import type { ChangeRecord, ChangeState, PlannedChange } from './change-plan';
import { weakensMachine } from './security-direction';

/** Where a value stands against a record: what we wrote, what was there before, or neither. */
export type ValueStanding = 'ours' | 'before' | 'foreign';

export function sameValue(a: RegValue | undefined, b: SerializedRegValue | null): boolean {
  if (b === null) return a === undefined;
  return a !== undefined && regValuesEqual(a, deserializeRegValue(b));
}

function standing(c: PlannedChange, current: RegValue | undefined): ValueStanding {
  if (sameValue(current, c.before)) return 'before';
  return sameValue(current, c.after) ? 'ours' : 'foreign';
}

export interface RecoveryWrite {
  readonly change: PlannedChange;
  readonly target: SerializedRegValue | null;
}

/** What recovery will do with one interrupted record. */
export type RecoveryDecision =
  | {
      readonly action: 'finish';
      /** Toward the applied state (`forward`) or the state before (`back`). */
      readonly direction: 'forward' | 'back';
      readonly writes: readonly RecoveryWrite[];
      /** Some write needs administrator rights: never done silently. */
      readonly elevated: boolean;
      /** Values something else changed since: left alone, the record then needs attention. */
      readonly foreign: readonly PlannedChange[];
      readonly state: ChangeState;
      readonly message: string;
    }
  | { readonly action: 'set-aside'; readonly reason: string };

/**
 * Chooses how to make an interrupted change whole again, never weakening the machine:
 * an interrupted apply is undone, an interrupted undo finished — unless that would need an
 * HKLM write that lowers LmCompatibilityLevel or adds a BackConnectionHostNames entry, in
 * which case the other direction is taken (it needs only per-user writes, or none, because
 * elevated writes go first). A record neither direction can finish safely is set aside.
 */
export function decideRecovery(
  record: ChangeRecord,
  current: readonly (RegValue | undefined)[],
): RecoveryDecision {
  const rows = record.changes.map((change, i) => ({
    change,
    now: current[i],
    at: standing(change, current[i]),
  }));
  const foreign = rows.filter((r) => r.at === 'foreign').map((r) => r.change);
  const mine = rows.filter((r) => r.at !== 'foreign');
  const plans = {
    back: mine.filter((r) => r.at === 'ours').map((r) => ({ ...r, target: r.change.before })),
    forward: mine.filter((r) => r.at === 'before').map((r) => ({ ...r, target: r.change.after })),
  };
  const order: ('back' | 'forward')[] = ['back', 'forward'];
  const why: string[] = [];
  const safe = order.filter((d) => {
    const weak = plans[d]
      .map((w) => weakensMachine(w.change, w.now, w.target ? deserializeRegValue(w.target) : null))
      .find((x) => x !== null);
    if (weak) why.push(`${d === 'back' ? 'undoing' : 'completing'} it: ${weak}`);
    return !weak;
  });
  if (safe.length === 0)
    return { action: 'set-aside', reason: `Recovery refused ${why.join('; ')}. Nothing was changed.` };
  // Prefer a direction that needs no administrator rights at all.
  const direction = safe.find((d) => !plans[d].some((w) => w.change.elevated)) ?? safe[0]!;
  const writes = plans[direction].map((w) => ({ change: w.change, target: w.target }));
  const applyRecord = record.state === 'pending';
  const state: ChangeState =
    foreign.length > 0
      ? 'needs-attention'
      : direction === 'forward'
        ? 'applied'
        : applyRecord
          ? 'failed-rolled-back'
          : 'rolled-back';
  const message =
    foreign.length > 0
      ? `${foreign.map((c) => `${c.path}\\${c.name}`).join(', ')} (changed by something else; left alone)`
      : direction === 'forward'
        ? applyRecord
          ? 'completed after an interrupted run (undoing it would have lowered a machine-wide setting)'
          : 'the undo was interrupted; the change is still applied (undo it again to finish)'
        : 'restored after an interrupted run';
  return {
    action: 'finish',
    direction,
    writes,
    elevated: writes.some((w) => w.change.elevated),
    foreign,
    state,
    message,
  };
}
