import { describe, expect, it } from 'vitest';
import { LSA_KEY, MSV1_0_KEY } from '../registry/allowlist';
import { RegTree } from '../registry/reg-tree';
import type { RegValue } from '../registry/reg-value';
import type { OsInfo } from './lsa-model';
import { readLsaState } from './lsa-reader';

const XP: OsInfo = {
  productName: 'Microsoft Windows XP',
  currentVersion: '5.1',
  build: '2600',
  family: 'xp-2000',
};
const UNKNOWN_OS: OsInfo = { productName: null, currentVersion: null, build: null, family: 'unknown' };
const NO_POLICY = { managed: false };

function lsa(level?: RegValue): RegTree {
  const t = new RegTree();
  t.setValue(LSA_KEY, 'Authentication Packages', { type: 'REG_MULTI_SZ', data: ['msv1_0'] });
  if (level) t.setValue(LSA_KEY, 'LmCompatibilityLevel', level);
  return t;
}

describe('LmCompatibilityLevel as stored', () => {
  it('a REG_DWORD 0–5 is the level; absent is the Windows default', () => {
    expect(readLsaState(lsa({ type: 'REG_DWORD', data: 1 }), XP, NO_POLICY)).toMatchObject({
      lmCompatibilityLevel: 1,
      effectiveLmCompatibilityLevel: 1,
      lmLevelSource: 'stored',
      invalidLmCompatibilityLevel: null,
      seen: true,
    });
    expect(readLsaState(lsa(), XP, NO_POLICY)).toMatchObject({
      lmCompatibilityLevel: null,
      effectiveLmCompatibilityLevel: 0,
      lmLevelSource: 'windows-default',
    });
  });

  it.each<[string, RegValue, string, boolean]>([
    ['text', { type: 'REG_SZ', data: '3' }, '3', true],
    ['expandable text', { type: 'REG_EXPAND_SZ', data: '2' }, '2', true],
    ['a DWORD above 5', { type: 'REG_DWORD', data: 7 }, '7', true],
    ['all bits', { type: 'REG_DWORD', data: 0xffffffff }, '4294967295', true],
    ['binary', { type: 'REG_BINARY', data: Uint8Array.of(3, 0, 0, 0) }, '03 00 00 00', false],
    ['long text', { type: 'REG_SZ', data: 'level three, as agreed' }, 'level three, as agreed', false],
  ])('%s is invalid: shown as stored, the level in effect unknown', (_what, value, data, replaceable) => {
    const s = readLsaState(lsa(value), XP, NO_POLICY);
    expect(s).toMatchObject({
      lmCompatibilityLevel: null,
      lmLevelSource: 'unknown',
      invalidLmCompatibilityLevel: { type: value.type, data, replaceable },
    });
    expect(s.lmCompatibilityLevelProblem).toBeTruthy();
  });

  it('a policy level wins over an invalid local value', () => {
    const s = readLsaState(lsa({ type: 'REG_SZ', data: 'x' }), XP, { managed: true, level: 3 });
    expect(s).toMatchObject({ lmLevelSource: 'policy', effectiveLmCompatibilityLevel: 3 });
  });

  it('no LSA key, or only MSV1_0 exported: not seen, never "not set"', () => {
    expect(readLsaState(new RegTree(), XP, NO_POLICY)).toMatchObject({
      seen: false,
      lmLevelSource: 'unknown',
    });
    const msvOnly = new RegTree();
    msvOnly.setValue(MSV1_0_KEY, 'NtlmMinClientSec', { type: 'REG_DWORD', data: 0 });
    expect(readLsaState(msvOnly, XP, NO_POLICY)).toMatchObject({ seen: false, lmLevelSource: 'unknown' });
  });

  it('absent with the Windows version unknown: the default, and so the level, is unknown', () => {
    expect(readLsaState(lsa(), UNKNOWN_OS, NO_POLICY).lmLevelSource).toBe('unknown');
    expect(readLsaState(lsa({ type: 'REG_DWORD', data: 2 }), UNKNOWN_OS, NO_POLICY).lmLevelSource).toBe(
      'stored',
    );
  });
});
