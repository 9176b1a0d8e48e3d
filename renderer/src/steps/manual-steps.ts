import type { ChangePlan } from '../contract';
import { lmChange, regNumber } from '../store/model';

export interface ManualStep {
  /** i18n key of the instruction. */
  readonly key: string;
  readonly values: Record<string, string | number>;
  readonly group: 'outlook' | 'registry';
}

const OUTLOOK_KEYS = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'] as const;
const REGISTRY_KEYS = ['r1', 'r2', 'r3', 'r4', 'r5'] as const;

/** The "Show me how" steps for exactly the changes in the plan: Outlook's Mail settings first, then regedit. */
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
