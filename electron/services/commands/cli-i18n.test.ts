import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';
import { createCliT } from './cli-i18n';

function leaves(o: unknown, prefix = ''): [string, string][] {
  if (typeof o === 'string') return [[prefix, o]];
  return Object.entries(o as object).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

describe('CLI texts', () => {
  it('have every key in both languages, with the same {{placeholders}}', () => {
    const z = new Map(leaves(zh));
    const e = leaves(en);
    expect([...z.keys()].sort()).toEqual(e.map(([k]) => k).sort());
    for (const [key, text] of e) expect(placeholders(z.get(key)!), key).toEqual(placeholders(text));
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
