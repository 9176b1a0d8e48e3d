import { describe, expect, it } from 'vitest';
import { noCauseGuidance, readAuthnColumn } from './no-cause-guidance';

describe('what to look at when no cause is found', () => {
  it('always points to Connection Status, then to each proxy\u2019s own answer', () => {
    const g = noCauseGuidance({
      checked: ['proxy-auth', 'lm-level', 'saved-credentials'],
      proxyAnswers: [{ proxyServer: 'mail.contoso.com', status: 401, schemes: ['negotiate', 'ntlm'] }],
      credentialsRead: true,
    });
    expect(g).toEqual({
      checked: ['proxy-auth', 'lm-level', 'saved-credentials'],
      steps: [
        { key: 'connection-status' },
        { key: 'authn-column' },
        { key: 'protocol-column' },
        { key: 'proxy-answer', proxyServer: 'mail.contoso.com', status: 401, schemes: 'negotiate, ntlm' },
      ],
    });
  });

  it('says when the proxy was not asked and the saved sign-ins could not be read', () => {
    const g = noCauseGuidance({ checked: [], proxyAnswers: [], credentialsRead: false });
    expect(g.steps.map((s) => s.key)).toEqual([
      'connection-status',
      'authn-column',
      'protocol-column',
      'proxy-not-asked',
      'credential-store-not-read',
    ]);
    const none = noCauseGuidance({
      checked: [],
      proxyAnswers: [{ proxyServer: 'x.example', status: null, schemes: [] }],
      credentialsRead: true,
    });
    expect(none.steps[3]).toEqual({
      key: 'proxy-answer',
      proxyServer: 'x.example',
      status: null,
      schemes: 'none',
    });
  });
});

describe('reading the Authn column (KB2737188)', () => {
  it('reads the article\u2019s example: Basic outside, anonymous RPC inside', () => {
    expect(readAuthnColumn('Clear [Anonymous]')).toEqual({
      parts: [
        { value: 'CLEAR', raw: 'Clear', layer: 'http' },
        { value: 'ANONYMOUS', raw: 'Anonymous', layer: 'rpc' },
      ],
      promptExpected: true,
      modernAuth: false,
    });
  });

  it('reads modern auth (Bearer*) and Windows sign-in (Nego*, NTLM) as no reason to ask', () => {
    expect(readAuthnColumn('Bearer*')).toMatchObject({ promptExpected: false, modernAuth: true });
    expect(readAuthnColumn('Nego* [Nego]')).toMatchObject({
      promptExpected: false,
      parts: [
        { value: 'NEGO', layer: 'http' },
        { value: 'NEGO', layer: 'rpc' },
      ],
    });
    expect(readAuthnColumn('NTLM')).toMatchObject({ promptExpected: false, parts: [{ value: 'NTLM' }] });
  });

  it('keeps words it does not know, without guessing, and flags ERROR', () => {
    expect(readAuthnColumn('Frobnicate')).toMatchObject({
      parts: [{ value: null, raw: 'Frobnicate' }],
      promptExpected: false,
    });
    expect(readAuthnColumn('Error')).toMatchObject({ promptExpected: true });
    expect(readAuthnColumn('')).toEqual({ parts: [], promptExpected: false, modernAuth: false });
  });
});
