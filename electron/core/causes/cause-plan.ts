import type { RegView } from '../registry/registry-port';
import type { SerializedRegValue } from '../registry/reg-value';
import type { CauseWriteKind } from './cause-allowlist';
import type { CauseFixId } from './cause-finding';

/** One value write, before → after (`null` = absent), like fixes/change-plan.ts PlannedChange. */
export interface CauseChange {
  readonly fix: CauseFixId;
  readonly kind: CauseWriteKind;
  readonly profile: string | null;
  readonly account: string | null;
  readonly path: string;
  readonly name: string;
  readonly view: RegView;
  readonly before: SerializedRegValue | null;
  readonly after: SerializedRegValue | null;
  /** Every cause value lives under HKCU: no administrator prompt. */
  readonly elevated: false;
}

/** A saved credential to delete. Nobody can read its password back, so it cannot be undone. */
export interface CredentialRemoval {
  readonly fix: 'remove-saved-credentials';
  readonly targetName: string;
  readonly type: number;
  readonly userName: string | null;
  readonly undoable: false;
}

export type CauseSkipReason =
  /** A Group Policy value decides this; a local change would be overruled. */
  | 'policy-sets-value'
  /** The value does not decode; we never rewrite bytes we cannot read. */
  | 'value-unreadable'
  /** Nothing on this machine needs the fix (e.g. no Outlook 2013). */
  | 'not-applicable'
  /** The account reaches Microsoft 365: switching it to NTLM would not help (exchange-online.ts). */
  | 'exchange-online'
  /** remove-saved-credentials without a pick: nothing is ever removed that was not named. */
  | 'none-picked';

export interface CauseSkip {
  readonly fix: CauseFixId;
  readonly profile: string | null;
  readonly account: string | null;
  readonly reason: CauseSkipReason;
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
}

/** What one planner contributes; `mergeCausePlans` puts them together. */
export interface CausePlanPart {
  readonly fix: CauseFixId;
  readonly changes: readonly CauseChange[];
  readonly removals: readonly CredentialRemoval[];
  readonly skipped: readonly CauseSkip[];
}

export interface CausePlan {
  readonly fixes: readonly CauseFixId[];
  readonly changes: readonly CauseChange[];
  readonly removals: readonly CredentialRemoval[];
  readonly skipped: readonly CauseSkip[];
  /** Fixes asked for that need nothing here and were not blocked either. */
  readonly alreadyDone: readonly CauseFixId[];
  /** False as soon as one step cannot be undone: the confirmation must say so first. */
  readonly undoable: boolean;
  readonly restartOutlook: boolean;
}

export function mergeCausePlans(parts: readonly CausePlanPart[]): CausePlan {
  const changes = parts.flatMap((p) => p.changes);
  const removals = parts.flatMap((p) => p.removals);
  return {
    fixes: [...new Set(parts.map((p) => p.fix))],
    changes,
    removals,
    skipped: parts.flatMap((p) => p.skipped),
    alreadyDone: [
      ...new Set(
        parts.filter((p) => p.changes.length + p.removals.length + p.skipped.length === 0).map((p) => p.fix),
      ),
    ],
    undoable: removals.length === 0,
    restartOutlook: changes.length + removals.length > 0,
  };
}
