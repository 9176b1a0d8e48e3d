import { describe, expect, it } from 'vitest';
import en from '../../../electron/core/causes/text/en.json';
import { sampleReport } from '../test/fixtures';
import { authnView, checkedTexts, stepText } from './guidance-view';

describe('guidance when nothing is found', () => {
  it('names what was checked and the next steps, in the language asked', () => {
    const g = sampleReport('xp-outlook2003-fixed').guidance!;
    expect(checkedTexts('en', g)).toContain(en.guidance.checked['prompt-setting']);
    expect(checkedTexts('en', g)).toHaveLength(g.checked.length);
    expect(stepText('en', g.steps[0]!, 'no answer')).toBe(en.guidance.steps['connection-status']);
    expect(stepText('zh-CN', g.steps[0]!, '没有回应')).toMatch(/[\u4e00-\u9fff]/);
  });

  it("fills the proxy's answer, saying so when none came", () => {
    const step = {
      key: 'proxy-answer',
      proxyServer: 'mail.contoso.com',
      status: null,
      schemes: 'none',
    } as const;
    expect(stepText('en', step, 'no answer')).toContain('The proxy mail.contoso.com answered no answer');
    expect(stepText('en', { ...step, status: 401, schemes: 'basic, ntlm' }, 'x')).toContain(
      'answered 401 and offers: basic, ntlm',
    );
  });

  it('reads the Authn column: Clear means a prompt, Bearer modern sign-in, NTLM Windows sign-in', () => {
    const clear = authnView('en', 'Clear [Anonymous]');
    expect(clear.verdict).toBe('prompt');
    expect(clear.parts).toEqual([
      { raw: 'Clear', layer: 'http', meaning: en.guidance.authn.CLEAR },
      { raw: 'Anonymous', layer: 'rpc', meaning: en.guidance.authn.ANONYMOUS },
    ]);
    expect(authnView('en', 'Bearer*').verdict).toBe('modern');
    expect(authnView('en', 'Nego*').verdict).toBe('windows');
    expect(authnView('en', 'ntlm').verdict).toBe('windows');
    // Only the inner layer, or a word Outlook never shows: not enough to say.
    expect(authnView('en', '[NTLM]').verdict).toBe('unknown');
    const odd = authnView('en', 'Password');
    expect(odd.verdict).toBe('unknown');
    expect(odd.parts[0]!.meaning).toBeNull();
    expect(authnView('en', '   ')).toEqual({ parts: [], verdict: null });
  });
});
