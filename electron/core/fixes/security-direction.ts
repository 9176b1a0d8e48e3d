import { asciiLower } from '../registry/ascii-case';
import type { RegValue } from '../registry/reg-value';
import type { PlannedChange } from './change-plan';

function levelOf(v: RegValue | undefined): number | null {
  return v?.type === 'REG_DWORD' ? v.data : null;
}

function namesOf(v: RegValue | undefined): Set<string> {
  return new Set(v?.type === 'REG_MULTI_SZ' ? v.data.filter((s) => s).map(asciiLower) : []);
}

/**
 * Whether writing `target` over `current` would weaken a machine-wide setting: a lower (or
 * removed) LmCompatibilityLevel, or a host name added to BackConnectionHostNames. Recovery
 * never does either on its own; only an undo the person asked for may.
 */
export function weakensMachine(
  change: Pick<PlannedChange, 'kind'>,
  current: RegValue | undefined,
  target: RegValue | null,
): string | null {
  if (change.kind === 'lm-compatibility-level') {
    const now = levelOf(current);
    const next = target === null ? null : levelOf(target);
    if (now === null) return null;
    if (next === null) return `it would remove LmCompatibilityLevel ${now}`;
    return next < now ? `it would lower LmCompatibilityLevel from ${now} to ${next}` : null;
  }
  if (change.kind === 'back-connection-host-names') {
    const now = namesOf(current);
    const added = [...namesOf(target ?? undefined)].filter((n) => !now.has(n));
    return added.length > 0 ? `it would add ${added.join(', ')} to BackConnectionHostNames` : null;
  }
  return null;
}
