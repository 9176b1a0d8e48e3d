/**
 * The other causes of prompts (core/causes) as the wizard shows them: their texts come from the
 * core's own plain-language JSON (both languages), filled with the finding's facts.
 */
import { CAUSE_FINDING_IDS, CAUSE_FIX_IDS } from '../../../electron/core/causes/cause-finding';
import { causeTexts, fillText, type CauseLocale } from '../../../electron/core/causes/cause-text';
import { authPackageName } from '../../../electron/core/outlook/auth-package';
import { valueText } from '../../../electron/core/report/value-text';
import type {
  CauseFindingId,
  CauseFixId,
  CredentialMatch,
  CredentialPick,
  DiagnosisReport,
  Finding,
  FixId,
  PlannedChange,
  PlanSkip,
} from '../contract';
import { regNumber } from './model';

export function isCauseFinding(f: Finding): f is Finding & { readonly id: CauseFindingId } {
  return (CAUSE_FINDING_IDS as readonly string[]).includes(f.id);
}

export function isCauseFix(id: FixId | string): id is CauseFixId {
  return (CAUSE_FIX_IDS as readonly string[]).includes(id);
}

export interface CauseFindingView {
  readonly kb: string;
  readonly title: string;
  readonly why: string;
  readonly next: string;
}

export function causeFindingView(locale: CauseLocale, f: Finding & { id: CauseFindingId }): CauseFindingView {
  const text = causeTexts(locale).findings[f.id];
  const values = { ...f.facts, profile: f.profile };
  return {
    // The finding's own source id wins (saved credentials name one of two articles).
    kb: f.kb || text.kb,
    title: fillText(text.title, values),
    why: fillText(text.why, values),
    next: fillText(text.next, values),
  };
}

/**
 * Why a cause with no fix offers none: a policy decides it, the account is Microsoft 365's (a new
 * profile, never NTLM), the mail server answers so, or the value is damaged.
 */
export type NotOffered = 'policy' | 'cloud' | 'server' | 'unreadable';

const NOT_OFFERED: Partial<Record<CauseFindingId, NotOffered>> = {
  'prompt-always-policy': 'policy',
  'logon-policy-kerberos': 'policy',
  'modern-auth-policy': 'policy',
  'exchange-online-rpc': 'cloud',
  'mapi-endpoint-basic-only': 'server',
  'mapi-endpoint-missing': 'server',
  'cause-value-unreadable': 'unreadable',
};

export function notOffered(f: Finding & { id: CauseFindingId }): NotOffered | null {
  return f.fixes.length > 0 ? null : (NOT_OFFERED[f.id] ?? null);
}

export function causeFixLabel(locale: CauseLocale, fix: CauseFixId): string {
  return causeTexts(locale).fixes[fix].label;
}

export function causeFixConfirm(locale: CauseLocale, fix: CauseFixId, count: number): string {
  return fillText(causeTexts(locale).fixes[fix].confirm, { count });
}

export function causeFixUndo(locale: CauseLocale, fix: CauseFixId): string {
  return causeTexts(locale).fixes[fix].undo;
}

export function skipText(locale: CauseLocale, skip: PlanSkip): string {
  return fillText(causeTexts(locale).skips[skip.reason], skip.facts);
}

/** The saved sign-ins the person may pick for removal (password entries Outlook sends). */
export function removalCandidates(report: DiagnosisReport | null): CredentialMatch[] {
  return (report?.savedCredentials ?? []).filter((m) => m.staleCandidate);
}

export function pickOf(m: CredentialMatch): CredentialPick {
  return { targetName: m.credential.targetName, type: m.credential.type };
}

export function samePick(a: CredentialPick, b: CredentialPick): boolean {
  return a.targetName === b.targetName && a.type === b.type;
}

/** The picks after one entry is switched on or off (each entry at most once). */
export function toggledPicks(
  picks: readonly CredentialPick[],
  pick: CredentialPick,
  on: boolean,
): CredentialPick[] {
  const rest = picks.filter((p) => !samePick(p, pick));
  return on ? [...rest, pick] : rest;
}

export function credentialKindText(locale: CauseLocale, m: CredentialMatch): string {
  return fillText(causeTexts(locale).credentialKinds[m.kind], { matched: m.matched });
}

export function credentialTypeText(locale: CauseLocale, type: number): string {
  const types: Record<string, string> = causeTexts(locale).credentialTypes;
  return types[String(type)] ?? String(type);
}

/** A cause value in words for everyone: an i18n key and its values, or the number as stored. */
export type PlainValue =
  { readonly key: string; readonly values?: Record<string, string | number> } | { readonly text: string };

/** CONFIG_PROMPT_FOR_CREDENTIALS in 00036601 (core/outlook/profile-config-flags). */
const PROMPT_BIT = 0x8;

export function plainValue(c: PlannedChange, side: 'before' | 'after'): PlainValue {
  const v = c[side];
  if (v === null) return { key: 'causes.value.absent' };
  const n = regNumber(v);
  if (n === null) return { text: valueText(v, '') };
  if (c.kind === 'profile-config-flags')
    return { key: n & PROMPT_BIT ? 'causes.value.promptOn' : 'causes.value.promptOff' };
  if (c.kind === 'profile-auth-package')
    return { key: `causes.value.logon.${authPackageName(n)}`, values: { value: n } };
  return { text: String(n) };
}
