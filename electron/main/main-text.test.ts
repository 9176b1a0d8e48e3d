import { describe, expect, it } from 'vitest';
import { fillText, MAIN_TEXT, systemLocale } from './main-text';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the main process dialogs’ texts', () => {
  it('say the same things in English and Simplified Chinese, with the same placeholders', () => {
    const en = MAIN_TEXT.en as unknown as Record<string, unknown>;
    const zh = MAIN_TEXT['zh-CN'] as unknown as Record<string, unknown>;
    expect(keys(zh)).toEqual(keys(en));
    const get = (o: Record<string, unknown>, k: string) =>
      k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o) as string;
    for (const k of keys(en)) {
      expect(get(zh, k), k).not.toBe(get(en, k));
      expect(placeholders(get(zh, k)), k).toEqual(placeholders(get(en, k)));
    }
  });

  it('point an old Windows to the kit guide, with the version filled in', () => {
    const text = fillText(MAIN_TEXT.en.oldWindows, { release: '6.1.7601' });
    expect(text).toContain('Windows version 6.1.7601');
    expect(text).toContain('docs/legacy-pcs.md');
    expect(fillText(MAIN_TEXT['zh-CN'].oldWindows, { release: '5.1' })).toContain('docs/legacy-pcs.md');
  });

  it('follow the system language', () => {
    expect(systemLocale('zh-CN')).toBe('zh-CN');
    expect(systemLocale('zh-TW')).toBe('zh-CN');
    expect(systemLocale('en-US')).toBe('en');
    expect(systemLocale('de')).toBe('en');
  });
});
