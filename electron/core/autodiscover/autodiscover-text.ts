import { fillText } from '../causes/cause-text';
import type { Finding } from '../diagnosis/finding';
import type { AutodiscoverNotice } from './autodiscover-notice';
import en from './text/en.json';
import zhCN from './text/zh-CN.json';

/**
 * The Autodiscover texts in English and Simplified Chinese (text/*.json, `{name}` placeholders).
 * The renderer may import the JSON directly; the CLI and the ticket report use these helpers.
 */
export type AutodiscoverLocale = 'en' | 'zh-CN';
export type AutodiscoverTexts = typeof en;

const TEXTS: Readonly<Record<AutodiscoverLocale, AutodiscoverTexts>> = { en, 'zh-CN': zhCN };

export function autodiscoverTexts(locale: AutodiscoverLocale): AutodiscoverTexts {
  return TEXTS[locale];
}

/** Title, why and who must act, for one notice. */
export function noticeText(n: AutodiscoverNotice, locale: AutodiscoverLocale) {
  const t = TEXTS[locale].notice;
  return {
    title: t.title,
    why: n.outlook ? fillText(t.why, { outlook: n.outlook }) : t.whyUnknownVersion,
    exchange2003: t.exchange2003,
    who: t.who,
    accounts: fillText(t.accounts, { accounts: n.accounts.map((a) => a.label).join(', ') }),
  };
}

/** Title, why and who must act, for an `autodiscover-reverted` finding. */
export function revertedText(f: Finding, locale: AutodiscoverLocale) {
  const t = TEXTS[locale].reverted;
  const facts = { ...f.facts, profile: f.profile };
  return { title: t.title, why: fillText(t.why, facts), who: t.who };
}
