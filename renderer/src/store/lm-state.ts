import { isLmLevel, type LmLevel } from '../../../electron/core/lsa/lm-compatibility';
import type { LsaState, PlannedChange, SerializedRegValue } from '../contract';

/**
 * What the wizard may say about the LAN Manager level: a level it knows (and where it comes
 * from), a stored value that is not a level, or nothing known. Never "not set → default" for a
 * value the export does not show, and never a level for a value Windows does not document.
 */
export type LmView =
  | {
      readonly kind: 'level';
      readonly level: LmLevel;
      readonly source: 'stored' | 'windows-default' | 'policy';
    }
  | { readonly kind: 'invalid'; readonly type: string; readonly data: string; readonly replaceable: boolean }
  | { readonly kind: 'not-in-export' }
  /** Absent, and the Windows version that sets the default is not in the export. */
  | { readonly kind: 'unknown-default' };

export function lmView(lsa: LsaState): LmView {
  const level = lsa.effectiveLmCompatibilityLevel;
  // A policy's level wins over whatever is stored locally (or missing from the export).
  if (lsa.lmLevelSource === 'policy' && isLmLevel(level)) return { kind: 'level', level, source: 'policy' };
  if (lsa.seen === false) return { kind: 'not-in-export' };
  const invalid = lsa.invalidLmCompatibilityLevel;
  if (invalid) return { kind: 'invalid', ...invalid };
  if (lsa.lmLevelSource === 'unknown') return { kind: 'unknown-default' };
  // Reports made before lmLevelSource existed: the stored value, else the Windows default.
  const source = lsa.lmLevelSource ?? (lsa.lmCompatibilityLevel === null ? 'windows-default' : 'stored');
  if (!isLmLevel(level)) return { kind: 'unknown-default' };
  return { kind: 'level', level, source };
}

/** The level in effect, or null when it is not known. */
export function knownLevel(view: LmView): LmLevel | null {
  return view.kind === 'level' ? view.level : null;
}

/**
 * A journaled or planned LmCompatibilityLevel value that is there but is not a REG_DWORD 0–5, as
 * its data ("2" for REG_SZ "2", "7" for REG_DWORD 7); null for a level or an absent value.
 */
export function invalidLevelData(v: SerializedRegValue | null): string | null {
  if (v === null) return null;
  if (v.type === 'REG_DWORD') return isLmLevel(v.data) ? null : String(v.data);
  if (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') return v.data;
  if (v.type === 'REG_MULTI_SZ') return v.data.join(' ');
  return 'hex' in v ? v.hex : v.data;
}

/** The LmCompatibilityLevel change replaces a value that was not a level (so "raised" is wrong). */
export function replacesInvalidLevel(c: PlannedChange): boolean {
  return c.kind === 'lm-compatibility-level' && invalidLevelData(c.before) !== null;
}
