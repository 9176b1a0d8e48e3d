import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSE_FINDING_IDS, CAUSE_FIX_IDS, type CauseFinding } from './cause-finding';
import { causeTexts, fillText, findingText, fixText, placeholders } from './cause-text';
import { contextFromRegBytes } from './fixtures/fixture-context';
import { exchangeOnlineFindings } from './exchange-online';
import { logonSecurityFindings } from './logon-security';
import { modernAuthFindings, readModernAuthState } from './modern-auth';
import { promptSettingFindings } from './prompt-setting';

/** Every string leaf with its dotted path. */
function leaves(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  if (o && typeof o === 'object')
    return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

const SOURCES = readFileSync(join(__dirname, 'SOURCES.md'), 'utf8');
const listed = (id: string) => new RegExp(`^\\|\\s*${id}\\s*\\|`, 'm').test(SOURCES);

describe('cause texts', () => {
  const en = new Map(leaves(causeTexts('en')));
  const zh = new Map(leaves(causeTexts('zh-CN')));

  it('have the same keys in English and Simplified Chinese, none empty', () => {
    expect([...zh.keys()]).toEqual([...en.keys()]);
    for (const [k, v] of [...en, ...zh]) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders and the same source ids in both languages', () => {
    for (const [k, v] of en) {
      if (k.endsWith('.kb')) expect(zh.get(k), k).toBe(v);
      else expect(placeholders(zh.get(k)!), k).toEqual(placeholders(v));
    }
  });

  it('really are translated (Chinese text differs from English)', () => {
    const same = [...en].filter(([k, v]) => !k.endsWith('.kb') && zh.get(k) === v);
    expect(same).toEqual([]);
  });

  it('cover every finding and fix, each citing an article listed in SOURCES.md', () => {
    for (const id of CAUSE_FINDING_IDS) {
      const t = findingText('en', id);
      expect(t.title, id).toBeTruthy();
      expect(listed(t.kb), `${id} cites ${t.kb}`).toBe(true);
    }
    for (const id of CAUSE_FIX_IDS) expect(listed(fixText('zh-CN', id).kb), id).toBe(true);
    expect(listed('NO-SUCH-ID')).toBe(false);
  });

  it('say before the person agrees that removing saved sign-ins cannot be undone', () => {
    expect(fixText('en', 'remove-saved-credentials').confirm).toMatch(/cannot be undone/);
    expect(fixText('zh-CN', 'remove-saved-credentials').confirm).toMatch(/无法撤消/);
  });

  it('only use placeholders the findings really carry (checked on the sample fragments)', () => {
    const findings: CauseFinding[] = [];
    for (const f of [
      'xp-outlook2003-causes.reg',
      'win10-outlook2016-cloud.reg',
      'win7-outlook2013-policies.reg',
    ]) {
      const ctx = contextFromRegBytes(readFileSync(join(__dirname, 'fixtures', f)), f);
      findings.push(
        ...promptSettingFindings(ctx),
        ...logonSecurityFindings(ctx, { domainJoined: false }),
        ...exchangeOnlineFindings(ctx),
        ...modernAuthFindings(ctx, readModernAuthState(ctx.tree), { cloudInUse: true }),
      );
    }
    expect(new Set(findings.map((f) => f.id)).size).toBeGreaterThanOrEqual(10);
    for (const f of findings) {
      const t = findingText('en', f.id);
      for (const p of placeholders(`${t.title} ${t.why} ${t.next}`))
        expect(f.facts, `${f.id} {${p}}`).toHaveProperty(p);
      // The credential finding cites whichever article fits the entries found.
      if (f.id !== 'saved-credentials') expect(t.kb, f.id).toBe(f.kb);
    }
  });

  it('fill placeholders and keep a missing one visible', () => {
    expect(fillText('{a} and {b} and {c}', { a: 'x', b: 2, c: null })).toBe('x and 2 and {c}');
    expect(placeholders('{a} {b} {a}')).toEqual(['a', 'b']);
  });
});
