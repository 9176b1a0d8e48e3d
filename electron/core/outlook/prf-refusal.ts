import { fillText } from '../causes/cause-text';
import { ExproxyError, type FailureKind } from '../errors';
import texts from './prf-text.json';

export type PrfLocale = 'en' | 'zh-CN';

/** Why no PRF was written. Data, so each host says it in the person's language. */
export type PrfRefusalReason = keyof (typeof texts)['en']['refusal'];

export interface PrfRefusal {
  readonly reason: PrfRefusalReason;
  readonly facts: Readonly<Record<string, string>>;
}

/** Nothing to write is not a failure; everything else is refused (exit 2 for a wrong name, 5 otherwise). */
export function refusalKind(reason: PrfRefusalReason): FailureKind | null {
  if (reason === 'already-ntlm') return null;
  return reason === 'no-profile' || reason === 'no-outlook-anywhere' ? 'usage' : 'blocked';
}

export function prfRefusalText(refusal: PrfRefusal, locale: PrfLocale): string {
  const t = texts[locale];
  const { schemeValue, ...facts } = refusal.facts;
  return fillText(t.refusal[refusal.reason], {
    ...facts,
    scheme: schemeWords(schemeValue ? Number(schemeValue) : null, locale),
    alternative: fillText(t.alternative, facts),
  });
}

/** The proxy sign-in method as words (facts keep the raw value, `schemeValue`, e.g. "0x10"). */
export function schemeWords(value: number | null, locale: PrfLocale): string {
  const s = texts[locale].schemes;
  if (value === null || Number.isNaN(value)) return s.none;
  if (value === 0x10) return s.negotiate;
  if (value === 0x10000) return s.certificate;
  return fillText(s.unknown, { value: `0x${value.toString(16)}` });
}

export function notCoveredText(account: string, others: readonly string[], locale: PrfLocale): string {
  return fillText(texts[locale].notCovered, { account, others: others.join(', ') });
}

/** A refusal as a typed failure (the wizard's IPC carries kind and message). */
export class PrfRefusedError extends ExproxyError {
  constructor(
    readonly refusal: PrfRefusal,
    locale: PrfLocale,
  ) {
    super(refusalKind(refusal.reason) ?? 'blocked', prfRefusalText(refusal, locale), { ...refusal });
    this.name = 'PrfRefusedError';
  }
}
