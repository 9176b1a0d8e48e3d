/**
 * "Nothing found" in words (core/causes/no-cause-guidance): what was checked, what to look at
 * next, and what a technician copies from Outlook's Authn column, read with `readAuthnColumn`.
 */
import { causeTexts, fillText, type CauseLocale } from '../../../electron/core/causes/cause-text';
import {
  readAuthnColumn,
  type AuthnReading,
  type GuidanceStep,
} from '../../../electron/core/causes/no-cause-guidance';
import type { NoCauseGuidance } from '../contract';

export function checkedTexts(locale: CauseLocale, g: NoCauseGuidance): string[] {
  const checked = causeTexts(locale).guidance.checked;
  return g.checked.map((area) => checked[area]);
}

export function stepText(locale: CauseLocale, step: GuidanceStep, noAnswer: string): string {
  const template = causeTexts(locale).guidance.steps[step.key];
  if (step.key !== 'proxy-answer') return template;
  return fillText(template, { ...step, status: step.status ?? noAnswer });
}

/** What the Authn column usually shows (KB2737188's values, as Outlook writes them). */
export const AUTHN_EXAMPLES = ['Clear', 'NTLM', 'Nego*', 'Kerberos', 'Bearer*', 'Clear [Anonymous]'] as const;

/** One value of the column, its meaning (null: not a value Outlook shows), and its layer. */
export interface AuthnPartView {
  readonly raw: string;
  readonly layer: 'http' | 'rpc';
  readonly meaning: string | null;
}

export type AuthnVerdict = 'prompt' | 'modern' | 'windows' | 'unknown';

export interface AuthnView {
  readonly parts: readonly AuthnPartView[];
  readonly verdict: AuthnVerdict | null;
}

function verdictOf(r: AuthnReading): AuthnVerdict | null {
  if (r.parts.length === 0) return null;
  if (r.promptExpected) return 'prompt';
  if (r.modernAuth) return 'modern';
  const http = r.parts.filter((p) => p.layer === 'http');
  const windows: readonly (string | null)[] = ['NTLM', 'NEGO', 'KERBEROS'];
  if (http.length > 0 && http.every((p) => windows.includes(p.value))) return 'windows';
  return 'unknown';
}

export function authnView(locale: CauseLocale, text: string): AuthnView {
  const meanings = causeTexts(locale).guidance.authn;
  const reading = readAuthnColumn(text);
  return {
    parts: reading.parts.map((p) => ({
      raw: p.raw,
      layer: p.layer,
      meaning: p.value ? meanings[p.value] : null,
    })),
    verdict: verdictOf(reading),
  };
}
