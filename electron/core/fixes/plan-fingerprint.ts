import { sha256Hex } from '../sha256';
import type { ChangePlan } from './change-plan';

/**
 * What a person approved, in a form that can be compared later: the fixes and, for every
 * change, where it writes and exactly what (before and after). Apply refuses when the fresh
 * plan's fingerprint differs from the approved one, so what is written is what was shown.
 */
export async function planFingerprint(plan: Pick<ChangePlan, 'fixes' | 'changes'>): Promise<string> {
  const canonical = JSON.stringify({
    fixes: plan.fixes,
    changes: plan.changes.map((c) => [c.fix, c.kind, c.path, c.name, c.view, c.before, c.after, c.elevated]),
  });
  return sha256Hex(new TextEncoder().encode(canonical));
}
