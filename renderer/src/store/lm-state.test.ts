import { describe, expect, it } from 'vitest';
import { sampleReport } from '../test/sample-reports';
import { PLAN, xpReport } from '../test/fixtures';
import { invalidLevelData, knownLevel, lmView, replacesInvalidLevel } from './lm-state';

describe('LAN Manager level as the wizard may state it', () => {
  it('a REG_SZ level is shown as stored, the level in effect unknown', () => {
    const view = lmView(sampleReport('xp-outlook2003-lm-string').lsa);
    expect(view).toEqual({ kind: 'invalid', type: 'REG_SZ', data: '2', replaceable: true });
    expect(knownLevel(view)).toBeNull();
  });

  it('an export without the LSA key says so instead of "not set"', () => {
    expect(lmView(sampleReport('xp-outlook2003-hkcu-only').lsa)).toEqual({ kind: 'not-in-export' });
  });

  it('knows the Windows default, a stored level and a policy', () => {
    expect(lmView(sampleReport('xp-outlook2003-hku-export').lsa)).toEqual({
      kind: 'level',
      level: 0,
      source: 'windows-default',
    });
    expect(lmView(sampleReport('xp-lsa-only-export').lsa)).toEqual({
      kind: 'level',
      level: 0,
      source: 'stored',
    });
    expect(lmView(sampleReport('xp-outlook2003-lm-string.after-lmcompat-3').lsa)).toMatchObject({
      level: 3,
      source: 'stored',
    });
    const policy = { ...xpReport('broken').lsa, lmLevelSource: 'policy' as const, policyLevel: 1 };
    expect(lmView({ ...policy, effectiveLmCompatibilityLevel: 1 })).toEqual({
      kind: 'level',
      level: 1,
      source: 'policy',
    });
  });

  it('a policy level counts even over an invalid local value', () => {
    const lsa = sampleReport('xp-outlook2003-lm-string').lsa;
    const managed = { ...lsa, policyManaged: true, policyLevel: 3, lmLevelSource: 'policy' as const };
    expect(lmView({ ...managed, effectiveLmCompatibilityLevel: 3 })).toEqual({
      kind: 'level',
      level: 3,
      source: 'policy',
    });
  });

  it('reads reports made before lmLevelSource existed', () => {
    expect(lmView(xpReport('broken').lsa)).toEqual({ kind: 'level', level: 0, source: 'windows-default' });
    expect(lmView(xpReport('fixed').lsa)).toEqual({ kind: 'level', level: 3, source: 'stored' });
  });

  it('absent with an unknown Windows version: no level is claimed', () => {
    const lsa = { ...xpReport('broken').lsa, lmLevelSource: 'unknown' as const, seen: true };
    expect(lmView(lsa)).toEqual({ kind: 'unknown-default' });
  });
});

describe('values that are not a level', () => {
  it('names the data of text, out-of-range and binary values; a level or absence is not invalid', () => {
    expect(invalidLevelData({ type: 'REG_SZ', data: '2' })).toBe('2');
    expect(invalidLevelData({ type: 'REG_DWORD', data: 7 })).toBe('7');
    expect(invalidLevelData({ type: 'REG_BINARY', hex: '03000000' })).toBe('03000000');
    expect(invalidLevelData({ type: 'REG_DWORD', data: 3 })).toBeNull();
    expect(invalidLevelData(null)).toBeNull();
  });

  it('a planned lmcompat-3 over REG_SZ "2" replaces; over an absent value it raises', () => {
    const lm = PLAN.changes.find((c) => c.kind === 'lm-compatibility-level')!;
    expect(replacesInvalidLevel(lm)).toBe(false);
    expect(replacesInvalidLevel({ ...lm, before: { type: 'REG_SZ', data: '2' } })).toBe(true);
    expect(replacesInvalidLevel(PLAN.changes[0]!)).toBe(false);
  });
});
