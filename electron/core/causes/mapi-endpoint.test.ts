import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../proxy-check/probe-result';
import { authSchemes } from '../proxy-check/www-authenticate';
import { mapiEndpointFindings, mapiEndpointUrl, readMapiEndpoint } from './mapi-endpoint';

function probe(
  status: number | null,
  headers: string[],
  failure: ProbeResult['failure'] = null,
): ProbeResult {
  return {
    url: 'https://mail.contoso.com/mapi/emsmdb/',
    status,
    schemes: authSchemes(headers),
    certificate: null,
    failure,
    elapsedMs: 12,
  };
}

describe('MAPI over HTTP endpoint', () => {
  it('builds the URL from a stored proxy value, keeping a non-default port and refusing non-hosts', () => {
    expect(mapiEndpointUrl('mail.contoso.com')).toBe('https://mail.contoso.com/mapi/emsmdb/');
    expect(mapiEndpointUrl('Mail.Contoso.com:8443')).toBe('https://mail.contoso.com:8443/mapi/emsmdb/');
    expect(mapiEndpointUrl('mail.contoso.com:443')).toBe('https://mail.contoso.com/mapi/emsmdb/');
    expect(mapiEndpointUrl('mail.contoso.com/../x')).toBe('https://mail.contoso.com/mapi/emsmdb/');
    expect(mapiEndpointUrl('evil host/')).toBeNull();
    expect(mapiEndpointUrl('')).toBeNull();
  });

  it('reads the default Exchange challenge (Negotiate, NTLM) as Windows sign-in', () => {
    expect(readMapiEndpoint(probe(401, ['Negotiate', 'NTLM']))).toMatchObject({
      verdict: 'windows-sign-in',
      bearerOffered: false,
      schemes: ['negotiate', 'ntlm'],
    });
  });

  it('sees hybrid modern auth in a Bearer challenge, even beside Windows sign-in', () => {
    const r = readMapiEndpoint(
      probe(401, [
        'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", authorization_uri="https://login.windows.net/common/oauth2/authorize"',
        'Negotiate',
        'NTLM',
      ]),
    );
    expect(r).toMatchObject({ verdict: 'windows-sign-in', bearerOffered: true });
    expect(readMapiEndpoint(probe(401, ['Bearer realm=""']))).toMatchObject({ verdict: 'modern-auth' });
  });

  it('reads the Exchange Online Basic-only answer, a missing endpoint, and no answer', () => {
    expect(readMapiEndpoint(probe(401, ['Basic Realm="",Basic Realm=""']))).toMatchObject({
      verdict: 'basic-only',
    });
    expect(readMapiEndpoint(probe(401, []))).toMatchObject({ verdict: 'no-sign-in-offered' });
    expect(readMapiEndpoint(probe(404, []))).toMatchObject({ verdict: 'not-published' });
    expect(readMapiEndpoint(probe(302, []))).toMatchObject({ verdict: 'unexpected-answer' });
    expect(
      readMapiEndpoint(probe(null, [], { stage: 'dns', code: 'ENOTFOUND', message: 'not found' })),
    ).toMatchObject({ verdict: 'unreachable' });
  });

  it('turns Basic-only into a warning and a missing endpoint into a note', () => {
    const target = { profile: 'Outlook', account: 'a345', proxyServer: 'mail.contoso.com' };
    expect(mapiEndpointFindings(readMapiEndpoint(probe(401, ['Basic realm="x"'])), target)).toEqual([
      {
        id: 'mapi-endpoint-basic-only',
        severity: 'warning',
        kb: 'KB2937684',
        profile: 'Outlook',
        account: 'a345',
        fixes: [],
        facts: {
          proxyServer: 'mail.contoso.com',
          url: 'https://mail.contoso.com/mapi/emsmdb/',
          status: 401,
          schemes: 'basic',
        },
      },
    ]);
    expect(mapiEndpointFindings(readMapiEndpoint(probe(404, [])), target)[0]).toMatchObject({
      id: 'mapi-endpoint-missing',
      severity: 'info',
    });
    expect(mapiEndpointFindings(readMapiEndpoint(probe(401, ['NTLM'])), target)).toEqual([]);
  });
});
