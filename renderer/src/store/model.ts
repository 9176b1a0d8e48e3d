import { FIX_IDS, LM_FIX_IDS } from '../../../electron/core/diagnosis/finding';
import { lmFixUsable } from '../../../electron/core/proxy-check/ntlm-usable';
import type {
  ChangePlan,
  DiagnosisReport,
  Finding,
  FixId,
  PlannedChange,
  SerializedRegValue,
} from '../contract';

export type Audience = 'technician' | 'endUser';

/**
 * The ten steps of the rail, in order; `manual` ("Show me how") and `kit` (the fix kit made for
 * a collected PC) are pages under Choose.
 */
export const RAIL_STEPS = [
  'welcome',
  'scan',
  'findings',
  'settings',
  'choose',
  'prepare',
  'apply',
  'restart',
  'verify',
  'report',
] as const;
type RailStep = (typeof RAIL_STEPS)[number];
export type StepId = RailStep | 'manual' | 'kit';

export function railIndex(step: StepId): number {
  return RAIL_STEPS.indexOf(step === 'manual' || step === 'kit' ? 'choose' : step);
}

/** Findings that mean "something to fix" (same rule as the core: anything but info). */
export function actionable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== 'info');
}

/**
 * The fixes the wizard proposes: the first (recommended) fix of every finding, profile fix
 * before the LAN Manager level (the planner needs that order), one LAN Manager fix at most.
 */
export function recommendedFixes(report: DiagnosisReport): FixId[] {
  const wanted = new Set<FixId>();
  for (const f of report.findings) if (f.fixes[0]) wanted.add(f.fixes[0]);
  if (wanted.has('lmcompat-3')) wanted.delete('lmcompat-2');
  if (!lmFixUsable(report, wanted.has('proxy-auth-ntlm'))) for (const id of LM_FIX_IDS) wanted.delete(id);
  return FIX_IDS.filter((id) => wanted.has(id));
}

/**
 * The selection after one fix is switched on or off: the LAN Manager levels are alternatives,
 * and the planner takes the fixes in the core's order.
 */
export function toggledFixes(selected: readonly FixId[], fix: FixId, on: boolean): FixId[] {
  const isLm = (f: FixId) => (LM_FIX_IDS as readonly FixId[]).includes(f);
  const rest = selected.filter((f) => f !== fix && !(on && isLm(fix) && isLm(f)));
  return FIX_IDS.filter((f) => rest.includes(f) || (on && f === fix));
}

/** A DWORD-ish value read from a serialized registry value (REG_DWORD or little-endian binary). */
export function regNumber(v: SerializedRegValue | null | undefined): number | null {
  if (!v) return null;
  if (v.type === 'REG_DWORD') return v.data;
  if ((v.type === 'REG_BINARY' || v.type === 'REG_NONE' || v.type === 'REG_RAW') && v.hex.length >= 8) {
    const b = v.hex
      .slice(0, 8)
      .match(/../g)!
      .map((h) => Number.parseInt(h, 16));
    return ((b[3]! << 24) >>> 0) + (b[2]! << 16) + (b[1]! << 8) + b[0]!;
  }
  return null;
}

export function lmChange(plan: ChangePlan | null): PlannedChange | undefined {
  return plan?.changes.find((c) => c.kind === 'lm-compatibility-level');
}

export function authChangeFor(plan: ChangePlan | null, section: string): PlannedChange | undefined {
  return plan?.changes.find((c) => c.kind === 'roh-auth-scheme' && c.account === section);
}
