import { describe, expect, it } from 'vitest';
import en from './steps-text/en.json';
import zh from './steps-text/zh-CN.json';

function leaves(o: unknown, prefix = ''): Array<[string, string]> {
  if (typeof o === 'string') return [[prefix, o]];
  if (Array.isArray(o)) return o.flatMap((v, i) => leaves(v, `${prefix}[${i}]`));
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('steps.html text', () => {
  it('has every English text in Simplified Chinese, with the same placeholders', () => {
    const e = leaves(en);
    const z = new Map(leaves(zh));
    expect([...z.keys()].sort()).toEqual(e.map(([k]) => k).sort());
    for (const [key, text] of e) {
      expect(placeholders(z.get(key)!), key).toEqual(placeholders(text));
      // Sentences are translated; short names (NTLM, file names) may stay as they are.
      if (text.includes(' ')) expect(z.get(key), key).not.toBe(text);
    }
  });
});
