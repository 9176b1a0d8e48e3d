import { credentialTargetProblem } from '../causes/credential-target';
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

/** A PT_LONG as the profile stores it (4-byte little-endian REG_BINARY, or REG_DWORD). */
function longOf(v: RegValue | null): number | null {
  if (v?.type === 'REG_DWORD') return v.data >>> 0;
  if (v?.type === 'REG_BINARY' && v.data.length === 4)
    return (v.data[0]! | (v.data[1]! << 8) | (v.data[2]! << 16) | (v.data[3]! << 24)) >>> 0;
  return null;
}

const dwordOf = (v: RegValue | null): number | null => (v?.type === 'REG_DWORD' ? v.data >>> 0 : null);
const PROMPT_BIT = 0x8;

/** The cause fixes (core/causes): each planner's only direction. */
function plausibleCause(c: PlannedChange, before: RegValue | null, after: RegValue | null): string | null {
  const name = asciiLower(c.name);
  switch (c.kind) {
    case 'profile-config-flags': {
      const was = longOf(before);
      const now = longOf(after);
      if (was === null || now === null || before!.type !== after!.type) return 'not the same 4-byte flags';
      if ((was & PROMPT_BIT) === 0) return 'the "always prompt" bit was not set';
      return now === (was & ~PROMPT_BIT) >>> 0 ? null : 'it changes more than the "always prompt" bit';
    }
    case 'profile-auth-package': {
      const was = longOf(before);
      const now = longOf(after);
      if (was === null || now === null || before!.type !== after!.type) return 'not the same 4-byte value';
      if (was !== 0 && was !== 16) return 'only None or Kerberos is ever replaced';
      return now === 9 || now === 10 ? null : 'only Negotiate or NTLM is ever written';
    }
    case 'office-identity':
      if (asciiLower(c.path).includes('\\office\\16.0\\'))
        return name === 'enableadal' && dwordOf(before) === 0 && after === null
          ? null
          : 'under 16.0 only EnableADAL = 0 is ever removed';
      return dwordOf(after) === 1 && dwordOf(before) !== 1 && (before === null || before.type === 'REG_DWORD')
        ? null
        : 'under 15.0 a switch is only ever set to 1';
    case 'exchange-client-option':
      if (name === 'mapihttpdisabled')
        return after === null && (dwordOf(before) ?? 0) !== 0
          ? null
          : 'MapiHttpDisabled is only ever removed';
      return dwordOf(after) === 1 && (before === null || before.type === 'REG_DWORD')
        ? null
        : 'AlwaysUseMSOAuthForAutoDiscover is only ever set to 1';
    default:
      return 'not a cause fix';
  }
}

/**
 * Whether `before → after` is a change the planner could have made: it only raises the LAN
 * Manager level, only adds host names, only moves the proxy sign-in from Basic to NTLM, and
 * makes each cause fix's one move. A journal record is data from disk; one that describes
 * anything else is not ours.
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
    case 'profile-config-flags':
    case 'profile-auth-package':
    case 'office-identity':
    case 'exchange-client-option':
      return plausibleCause(c, before, after);
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
  // Removals are never repeated or undone from a record, but what it names is shown to people.
  for (const r of record.removals ?? []) {
    const problem = credentialTargetProblem(r.targetName, r.type);
    if (problem || !record.fixes.includes('remove-saved-credentials'))
      throw new ExproxyError(
        'not-allowed',
        `Change ${record.id} in the journal names a saved credential this product would not remove (${problem ?? 'no removal fix'}); nothing was changed.`,
      );
  }
}
