import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';
import { createCliT } from './cli-i18n';

function leaves(o: unknown, prefix = ''): [string, string][] {
  if (typeof o === 'string') return [[prefix, o]];
  return Object.entries(o as object).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const PLURAL_FORM = /_(zero|one|two|few|many|other)$/;
const withoutPluralForm = (key: string) => key.replace(PLURAL_FORM, '');
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

describe('CLI texts', () => {
  it('have every key in both languages, with the same {{placeholders}}', () => {
    const z = leaves(zh).map(([k, text]) => [withoutPluralForm(k), text] as const);
    const e = leaves(en).map(([k, text]) => [withoutPluralForm(k), text] as const);
    const zMap = new Map(z);
    expect([...new Set(z.map(([k]) => k))].sort()).toEqual([...new Set(e.map(([k]) => k))].sort());
    for (const [key, text] of e) expect(placeholders(zMap.get(key)!), key).toEqual(placeholders(text));
  });

  it('give each counted text the plural forms its language has (English one/other, Chinese other)', () => {
    for (const [lang, texts] of [
      ['en', en],
      ['zh-CN', zh],
    ] as const) {
      const forms = new Map<string, string[]>();
      for (const [key] of leaves(texts)) {
        const form = PLURAL_FORM.exec(key)?.[1];
        if (form) forms.set(withoutPluralForm(key), [...(forms.get(withoutPluralForm(key)) ?? []), form]);
      }
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      expect(forms.size, lang).toBeGreaterThan(0);
      for (const [key, have] of forms)
        expect([...have].sort(), `${lang} ${key}`).toEqual([...categories].sort());
    }
  });

  it('count saved sign-ins in words: one, many, and in Chinese', () => {
    const t = createCliT('en');
    expect(t('causes.removedHeader', { count: 1 })).toBe('Removed 1 saved sign-in; it cannot be put back:');
    expect(t('causes.removedHeader', { count: 3 })).toBe(
      'Removed 3 saved sign-ins; they cannot be put back:',
    );
    expect(t('causes.historyRemoved', { count: 2 })).toContain('removed 2 saved sign-ins');
    expect(createCliT('zh-CN')('causes.removedHeader', { count: 2 })).toBe(
      '已删除 2 个已保存的登录凭据；它们无法恢复：',
    );
  });

  it('explain autodiscover-reverted in the finding list, filled from its facts', () => {
    const facts = {
      profile: 'Outlook',
      proxyServer: 'mail.contoso.com',
      changeId: 'c1',
      outlook: 'Outlook 2010',
    };
    expect(createCliT('en')('findings.autodiscover-reverted', facts)).toMatch(
      /^Profile "Outlook" is back on Basic for mail\.contoso\.com after the switch to NTLM \(change c1\): Outlook 2010 took Basic/,
    );
    expect(createCliT('zh-CN')('findings.autodiscover-reverted', facts)).toContain('mail.contoso.com');
  });
});
