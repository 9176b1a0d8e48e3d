import { describe, expect, it } from 'vitest';
import { isLocale, LOCALES } from './locale';

describe('locales', () => {
  it('are English and Simplified Chinese, English first (the fallback)', () => {
    expect(LOCALES).toEqual(['en', 'zh-CN']);
  });

  it('recognises exactly those names', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('zh')).toBe(false);
    expect(isLocale('EN')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});
