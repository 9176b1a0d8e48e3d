import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../../core/locale';
import en from './i18n/en.json';
import zhCN from './i18n/zh-CN.json';

/** CLI language from the usual environment variables (zh* → Simplified Chinese). */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = env.EXPROXY_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}

export function createCliT(lng: Locale): TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng,
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } } satisfies Record<Locale, unknown>,
    interpolation: { escapeValue: false },
    // i18next otherwise prints a sponsor line on stdout, which breaks `--json` output.
    showSupportNotice: false,
  });
  return i18n.t.bind(i18n);
}
