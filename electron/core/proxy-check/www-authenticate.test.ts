import { describe, expect, it } from 'vitest';
import { nameCovers } from './certificate-names';
import { authSchemes } from './www-authenticate';

describe('WWW-Authenticate schemes', () => {
  it('reads one scheme per header, lower case, once each', () => {
    expect(authSchemes(['Negotiate', 'NTLM', 'Basic realm="mail.contoso.com"', 'ntlm'])).toEqual([
      'negotiate',
      'ntlm',
      'basic',
    ]);
  });

  it('splits several challenges in one header, skipping their parameters and quoted commas', () => {
    expect(authSchemes(['Basic realm="a, b", charset="UTF-8", NTLM, Bearer error="x,y"'])).toEqual([
      'basic',
      'ntlm',
      'bearer',
    ]);
  });

  it('keeps token68 data out of the list and ignores empty or junk headers', () => {
    expect(authSchemes(['Negotiate YIIGhgYGKwYBBQUCoIIG', '', ' , ', '"quoted"'])).toEqual(['negotiate']);
  });
});

describe('certificate names', () => {
  it('matches exact names and one-label wildcards only', () => {
    expect(nameCovers('mail.contoso.com', 'MAIL.contoso.com.')).toBe(true);
    expect(nameCovers('*.contoso.com', 'mail.contoso.com')).toBe(true);
    expect(nameCovers('*.contoso.com', 'a.mail.contoso.com')).toBe(false);
    expect(nameCovers('*.contoso.com', 'contoso.com')).toBe(false);
    expect(nameCovers('owa.contoso.com', 'mail.contoso.com')).toBe(false);
  });
});
