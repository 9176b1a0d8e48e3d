import { describe, expect, it } from 'vitest';
import { withProxyAnswer, xpReport } from '../test/fixtures';
import { recommendedFixes, toggledFixes } from './model';

describe('fix selection', () => {
  it('proposes the first fix of every finding, in the planner’s order', () => {
    expect(recommendedFixes(xpReport('broken'))).toEqual(['proxy-auth-ntlm', 'lmcompat-3']);
    expect(recommendedFixes(xpReport('fixed'))).toEqual([]);
  });

  it('holds the LAN Manager level back when the proxy refuses NTLM and no account uses it', () => {
    expect(recommendedFixes(withProxyAnswer(xpReport('broken'), 'no-ntlm'))).toEqual([]);
  });

  it('keeps one LAN Manager level and the core’s order whatever is clicked first', () => {
    expect(toggledFixes(['proxy-auth-ntlm', 'lmcompat-3'], 'lmcompat-2', true)).toEqual([
      'proxy-auth-ntlm',
      'lmcompat-2',
    ]);
    expect(toggledFixes(['lmcompat-2'], 'proxy-auth-ntlm', true)).toEqual(['proxy-auth-ntlm', 'lmcompat-2']);
    expect(toggledFixes(['proxy-auth-ntlm', 'lmcompat-3'], 'proxy-auth-ntlm', false)).toEqual(['lmcompat-3']);
    expect(toggledFixes([], 'lmcompat-3', false)).toEqual([]);
  });
});
