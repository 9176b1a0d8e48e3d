/**
 * Plain-language texts for the cause findings and fixes, in English and Simplified Chinese
 * (text/*.json), each with its source article id. `{name}` placeholders are filled from a
 * finding's facts (or, for fixes and guidance, from the plan and step fields).
 */
import en from './text/en.json';
import zhCN from './text/zh-CN.json';
import type { CauseFindingId, CauseFixId } from './cause-finding';

export type CauseLocale = 'en' | 'zh-CN';
export type CauseTexts = typeof en;

const TEXTS: Readonly<Record<CauseLocale, CauseTexts>> = { en, 'zh-CN': zhCN };

export function causeTexts(locale: CauseLocale): CauseTexts {
  return TEXTS[locale];
}

export interface FindingText {
  readonly kb: string;
  readonly title: string;
  readonly why: string;
  readonly next: string;
}

export interface FixText {
  readonly kb: string;
  readonly label: string;
  readonly confirm: string;
  readonly undo: string;
}

export function findingText(locale: CauseLocale, id: CauseFindingId): FindingText {
  return TEXTS[locale].findings[id];
}

export function fixText(locale: CauseLocale, id: CauseFixId): FixText {
  return TEXTS[locale].fixes[id];
}

/** Names of the `{placeholders}` in a template, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!))];
}

/** Fills `{name}`; a missing value stays visible as `{name}` rather than vanishing. */
export function fillText(
  template: string,
  values: Readonly<Record<string, string | number | boolean | null>>,
): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined || v === null ? whole : String(v);
  });
}
