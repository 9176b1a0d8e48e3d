import type { PlannedChange } from '../fixes/change-plan';
import { backupRegFile } from '../fixes/fix-engine';
import { REGEDIT5_FORMAT, writeRegFile, type RegKeyEntry } from '../registry/reg-file';
import { deserializeRegValue, type SerializedRegValue } from '../registry/reg-value';
import { rootOf, scratchPath, type KitPart } from './kit-roots';

interface ValueAt {
  readonly path: string;
  readonly name: string;
  readonly value: SerializedRegValue | null;
}

/** UTF-16LE `Windows Registry Editor Version 5.00`, as reg export writes and XP's reg import reads. */
function regFileOf(values: readonly ValueAt[]): Uint8Array {
  const keys: RegKeyEntry[] = [];
  for (const v of values) {
    let key = keys.find((k) => k.path.toLowerCase() === v.path.toLowerCase());
    if (!key) {
      key = { path: v.path, deleteKey: false, line: 0, values: [] };
      keys.push(key);
    }
    key.values.push({ name: v.name, value: v.value ? deserializeRegValue(v.value) : null, line: 0 });
  }
  return writeRegFile({ format: REGEDIT5_FORMAT, keys });
}

export interface PartRegFiles {
  /** The new values (`fix-user.reg`, `fix-machine.reg`). */
  readonly fix: Uint8Array;
  /** The exact prior state, `"v"=-` where a value was absent (the fix engine's backup file). */
  readonly undo: Uint8Array;
  /** The new and the prior values under the checks' scratch copy of their roots. */
  readonly checkAfter: Uint8Array;
  readonly checkBefore: Uint8Array;
}

export function partChanges(changes: readonly PlannedChange[], part: KitPart): PlannedChange[] {
  return changes.filter((c) => rootOf(c).part === part);
}

/** The `.reg` files of one part of a kit, or null when the plan has nothing for it. */
export function partRegFiles(changes: readonly PlannedChange[], part: KitPart): PartRegFiles | null {
  const mine = partChanges(changes, part);
  if (mine.length === 0) return null;
  const scratch = (c: PlannedChange) => scratchPath(rootOf(c), c.path);
  return {
    fix: regFileOf(mine.map((c) => ({ path: c.path, name: c.name, value: c.after }))),
    undo: backupRegFile(mine),
    checkAfter: regFileOf(mine.map((c) => ({ path: scratch(c), name: c.name, value: c.after }))),
    checkBefore: regFileOf(mine.map((c) => ({ path: scratch(c), name: c.name, value: c.before }))),
  };
}
