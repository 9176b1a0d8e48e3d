import type { DiagnosisReport } from '../contract';
import type { Finding, FixId } from '../contract';
import type { ChangePlan, PlannedChange } from '../contract';
import type { SerializedRegValue } from '../contract';

export type Audience = 'technician' | 'endUser';
export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** The ten steps of the rail, in order; `manual` is the "Show me how" page under Choose. */
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
export type RailStep = (typeof RAIL_STEPS)[number];
export type StepId = RailStep | 'manual';

export function railIndex(step: StepId): number {
  return RAIL_STEPS.indexOf(step === 'manual' ? 'choose' : step);
}

/** Findings that mean "something to fix" (same rule as the core: anything but info). */
export function actionable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== 'info');
}

const FIX_ORDER: readonly FixId[] = ['proxy-auth-ntlm', 'lmcompat-3', 'lmcompat-2'];

/**
 * The fixes the wizard proposes: the first (recommended) fix of every finding, profile fix
 * before the LAN Manager level (the planner needs that order), one LAN Manager fix at most.
 */
export function recommendedFixes(report: DiagnosisReport): FixId[] {
  const wanted = new Set<FixId>();
  for (const f of report.findings) if (f.fixes[0]) wanted.add(f.fixes[0]);
  if (wanted.has('lmcompat-3')) wanted.delete('lmcompat-2');
  if (!lmFixUsable(report, wanted.has('proxy-auth-ntlm'))) {
    wanted.delete('lmcompat-3');
    wanted.delete('lmcompat-2');
  }
  return FIX_ORDER.filter((id) => wanted.has(id));
}

/**
 * The LAN Manager level only matters for an account that signs in to its proxy with NTLM, now
 * or after the NTLM fix (the planner refuses it otherwise). When the proxy offers no NTLM and
 * no account uses it, raising the level would change nothing for Outlook.
 */
export function lmFixUsable(report: DiagnosisReport, withNtlmFix: boolean): boolean {
  return (
    withNtlmFix ||
    report.profiles.some((p) =>
      p.accounts.some((a) => a.rpcOverHttp.enabled && a.rpcOverHttp.authScheme === 'ntlm'),
    )
  );
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

/** Registry value as a technician reads it in regedit. */
export function describeRegValue(v: SerializedRegValue | null): string {
  if (!v) return '—';
  switch (v.type) {
    case 'REG_DWORD':
      return `REG_DWORD 0x${v.data.toString(16).padStart(8, '0')} (${v.data})`;
    case 'REG_QWORD':
      return `REG_QWORD ${v.data}`;
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return `${v.type} "${v.data}"`;
    case 'REG_MULTI_SZ':
      return `REG_MULTI_SZ ${v.data.join(' | ')}`;
    case 'REG_RAW':
      return `hex(${v.kind}) ${spaced(v.hex)}`;
    default:
      return `${v.type} ${spaced(v.hex)}`;
  }
}

function spaced(hex: string): string {
  return (hex.match(/../g) ?? []).join(' ');
}

export function lmChange(plan: ChangePlan | null): PlannedChange | undefined {
  return plan?.changes.find((c) => c.kind === 'lm-compatibility-level');
}

export function authChangeFor(plan: ChangePlan | null, section: string): PlannedChange | undefined {
  return plan?.changes.find((c) => c.kind === 'roh-auth-scheme' && c.account === section);
}

export function hasLmFix(fixes: readonly FixId[]): boolean {
  return fixes.includes('lmcompat-3') || fixes.includes('lmcompat-2');
}
