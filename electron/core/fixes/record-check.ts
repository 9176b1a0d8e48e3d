import { ExproxyError } from '../errors';
import { isLmLevel } from '../lsa/lm-compatibility';
import { checkWriteAllowed, isRestorableInvalidLevel, needsElevation } from '../registry/allowlist';
import { asciiLower } from '../registry/ascii-case';
import { canonicalKeyPath } from '../registry/key-path';
import { deserializeRegValue, type RegValue } from '../registry/reg-value';
import type { ChangeRecord, PlannedChange } from './change-plan';

function untrusted(record: ChangeRecord, c: PlannedChange, why: string): never {
  throw new ExproxyError(
    'not-allowed',
    `Change ${record.id} in the journal does not match what this product writes (${c.name}: ${why}); nothing was changed.`,
  );
}

function hostSet(v: RegValue | null): Set<string> | null {
  if (v === null) return new Set();
  return v.type === 'REG_MULTI_SZ' ? new Set(v.data.filter((s) => s).map(asciiLower)) : null;
}

/**
 * Whether `before → after` is a change the planner could have made: it only raises the LAN
 * Manager level, only adds host names, and only moves the proxy sign-in from Basic to NTLM.
 * A journal record is data from disk; one that describes anything else is not ours.
 */
function plausible(c: PlannedChange, before: RegValue | null, after: RegValue | null): string | null {
  switch (c.kind) {
    case 'lm-compatibility-level': {
      if (after?.type !== 'REG_DWORD' || !isLmLevel(after.data))
        return 'the new level is not a REG_DWORD 0–5';
      // An invalid old value is only ever replaced by lmcompat-3, and only an undo writes it back.
      if (before !== null && isRestorableInvalidLevel(before))
        return after.data === 3 ? null : 'an invalid level is only replaced by 3';
      const was = before?.type === 'REG_DWORD' ? before.data : null;
      return was !== null && was >= after.data ? 'it does not raise the level' : null;
    }
    case 'back-connection-host-names': {
      const was = hostSet(before);
      const now = hostSet(after);
      if (!was || !now) return 'not a list of host names';
      return [...was].every((h) => now.has(h)) ? null : 'it removes host names';
    }
    case 'roh-auth-scheme':
      return after === null ? 'it deletes the sign-in method' : null;
    case 'resume-entry':
      return null;
  }
}

/**
 * A journal record comes from disk (it may be damaged or tampered with): every value it
 * would write must be on the allowlist, elevated exactly when the allowlist says so, at a
 * key path in canonical form (a path that canonicalises differently is not ours), and the
 * change must be one this product makes.
 */
export function checkRecord(record: ChangeRecord): void {
  for (const c of record.changes) {
    let canonical: string;
    try {
      canonical = canonicalKeyPath(c.path);
    } catch {
      untrusted(record, c, 'not a registry path');
    }
    if (canonical !== c.path) untrusted(record, c, 'the key path is not in canonical form');
    const values: (RegValue | null)[] = [];
    for (const v of [c.before, c.after]) {
      const value = v ? deserializeRegValue(v) : null;
      let kind;
      try {
        kind = checkWriteAllowed(c.path, c.name, value);
      } catch (e) {
        untrusted(record, c, e instanceof Error ? e.message : String(e));
      }
      if (kind !== c.kind || needsElevation(kind) !== c.elevated)
        untrusted(record, c, 'its kind or elevation is wrong');
      values.push(value);
    }
    const why = plausible(c, values[0]!, values[1]!);
    if (why) untrusted(record, c, why);
  }
}
