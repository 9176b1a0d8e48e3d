import type { Locale } from '../core/locale';
import en from './text/en.json';
import zhCN from './text/zh-CN.json';

/** The main process's own words (its dialogs), in both languages. */
export type MainText = typeof en;
export const MAIN_TEXT: Record<Locale, MainText> = { en, 'zh-CN': zhCN };

/** Windows' display language (`app.getLocale()`): any Chinese → Simplified Chinese, else English. */
export function systemLocale(tag: string): Locale {
  return /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

/** `{{name}}` placeholders filled in (dialog text is plain text, nothing to escape). */
export function fillText(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}
