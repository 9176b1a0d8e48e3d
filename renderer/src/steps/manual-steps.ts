import type { ChangePlan, PlannedChange } from '../contract';
import { isCauseFix } from '../store/cause-view';
import { lmChange, regNumber } from '../store/model';

export interface ManualStep {
  /** i18n key of the instruction. */
  readonly key: string;
  readonly values: Record<string, string | number>;
  readonly group: 'outlook' | 'causes' | 'registry';
}

/** Logon network security as Outlook's Security tab names it (00036619: 9 Negotiate, 10 NTLM). */
const LOGON_METHOD: Readonly<Record<number, string>> = { 9: 'negotiate', 10: 'ntlm' };

/** One step for a change of the other causes: in Outlook's account dialog, or in regedit. */
function causeStep(c: PlannedChange): ManualStep {
  const profile = c.profile ?? '';
  if (c.kind === 'profile-config-flags')
    return { key: 'manual.causes.prompt', values: { profile }, group: 'causes' };
  if (c.kind === 'profile-auth-package') {
    const method = LOGON_METHOD[regNumber(c.after) ?? 0] ?? 'negotiate';
    return { key: `manual.causes.logon.${method}`, values: { profile }, group: 'causes' };
  }
  if (c.after === null)
    return { key: 'manual.causes.delete', values: { path: c.path, name: c.name }, group: 'causes' };
  return {
    key: 'manual.causes.value',
    values: { path: c.path, name: c.name, data: regNumber(c.after) ?? 1 },
    group: 'causes',
  };
}

/** The other causes: Outlook closed, each change, each saved sign-in removed, Outlook started. */
function causeSteps(plan: ChangePlan, outlookSteps: boolean): ManualStep[] {
  const changes = plan.changes.filter((c) => isCauseFix(c.fix));
  if (changes.length === 0 && plan.removals.length === 0) return [];
  return [
    ...(outlookSteps ? [] : [{ key: 'manual.outlook.o1', values: {}, group: 'causes' as const }]),
    ...changes.map(causeStep),
    ...plan.removals.map((r) => ({
      key: 'manual.causes.credential',
      values: { target: r.targetName },
      group: 'causes' as const,
    })),
    { key: 'manual.causes.start', values: {}, group: 'causes' },
  ];
}

const OUTLOOK_KEYS = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'] as const;
const REGISTRY_KEYS = ['r1', 'r2', 'r3', 'r4', 'r5'] as const;

/**
 * The "Show me how" steps for exactly the changes in the plan: Outlook's Mail settings first, the
 * other causes next, then regedit.
 */
export function manualSteps(plan: ChangePlan | null): ManualStep[] {
  const steps: ManualStep[] = [];
  const profiles = [
    ...new Set((plan?.changes ?? []).filter((c) => c.kind === 'roh-auth-scheme').map((c) => c.profile ?? '')),
  ];
  if (profiles.length > 0) {
    const profile = profiles.join(', ');
    for (const k of OUTLOOK_KEYS)
      steps.push({ key: `manual.outlook.${k}`, values: { profile }, group: 'outlook' });
  }
  if (plan) steps.push(...causeSteps(plan, profiles.length > 0));
  const lm = lmChange(plan);
  if (lm) {
    const level = regNumber(lm.after) ?? 3;
    // A text value cannot be edited into a number in regedit: it is deleted and made again.
    const text = lm.before?.type === 'REG_SZ' || lm.before?.type === 'REG_EXPAND_SZ';
    for (const k of REGISTRY_KEYS) {
      const key = k === 'r3' && text ? 'r3Text' : k;
      steps.push({ key: `manual.registry.${key}`, values: { level, path: lm.path }, group: 'registry' });
    }
  }
  return steps;
}
