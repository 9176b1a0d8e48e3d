import { sha256Hex } from '../sha256';
import type { ChangePlan } from './change-plan';

/**
 * What a person approved, in a form that can be compared later: the fixes and, for every
 * change, where it writes and exactly what (before and after), and every saved credential it
 * deletes. Apply refuses when the fresh plan's fingerprint differs from the approved one, so
 * what is written (or deleted) is what was shown. A plan without removals hashes as before
 * removals existed.
 */
export async function planFingerprint(
  plan: Pick<ChangePlan, 'fixes' | 'changes'> & Partial<Pick<ChangePlan, 'removals'>>,
): Promise<string> {
  const removals = plan.removals ?? [];
  const canonical = JSON.stringify({
    fixes: plan.fixes,
    changes: plan.changes.map((c) => [c.fix, c.kind, c.path, c.name, c.view, c.before, c.after, c.elevated]),
    ...(removals.length > 0 && { removals: removals.map((r) => [r.targetName, r.type, r.userName]) }),
  });
  return sha256Hex(new TextEncoder().encode(canonical));
}
