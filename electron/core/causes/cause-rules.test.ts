import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCauseRules } from './cause-rules';
import { contextFromRegBytes } from './fixtures/fixture-context';
import { CAUSE_SCAN_REQUESTS } from './scan-requests';

const fixtureContext = (name: string) =>
  contextFromRegBytes(readFileSync(join(__dirname, 'fixtures', name)), name);

describe('all cause rules together', () => {
  it('on the Outlook 2016 cloud sample: prompt bit, Kerberos only, Exchange Online, modern auth, stale saved sign-in', () => {
    const ctx = fixtureContext('win10-outlook2016-cloud.reg');
    const findings = evaluateCauseRules(ctx, {
      domainJoined: true,
      savedCredentials: [
        {
          targetName: 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com',
          type: 1,
          userName: 'CONTOSO\\jsmith',
        },
        { targetName: 'unrelated', type: 1, userName: 'x' },
      ],
    });
    expect(findings.map((f) => f.id)).toEqual([
      'prompt-always-on',
      'logon-kerberos-only',
      'exchange-online-rpc',
      'modern-auth-off-2016',
      'msoauth-autodiscover-off',
      'mapi-http-disabled',
      'saved-credentials',
    ]);
    // Same input, same output.
    expect(evaluateCauseRules(ctx, { domainJoined: true, savedCredentials: null })).toEqual(
      findings.filter((f) => f.id !== 'saved-credentials'),
    );
  });

  it('a Bearer challenge on premises makes Outlook 2013 modern auth matter without any cloud account', () => {
    const ctx = fixtureContext('win7-outlook2013-policies.reg');
    // Drop the cloud profile: only the on-premises one remains.
    const onPrem = { ...ctx, profiles: ctx.profiles.filter((p) => p.name === 'Work') };
    const withoutBearer = evaluateCauseRules(onPrem, { domainJoined: true, savedCredentials: [] });
    expect(withoutBearer.some((f) => f.id === 'modern-auth-off-2013')).toBe(false);
    const reading = {
      url: 'https://mail.fabrikam.com/mapi/emsmdb/',
      status: 401,
      schemes: ['bearer', 'negotiate'],
      verdict: 'windows-sign-in' as const,
      bearerOffered: true,
    };
    const withBearer = evaluateCauseRules(onPrem, {
      domainJoined: true,
      savedCredentials: [],
      mapiEndpoints: [
        { reading, target: { profile: 'Work', account: 'x', proxyServer: 'mail.fabrikam.com' } },
      ],
    });
    expect(withBearer.find((f) => f.id === 'modern-auth-off-2013')).toMatchObject({ severity: 'warning' });
  });

  it('reads a handful of specific keys, none recursively, never a whole Office tree', () => {
    expect(CAUSE_SCAN_REQUESTS).toHaveLength(11);
    for (const r of CAUSE_SCAN_REQUESTS) {
      expect(r.recursive).toBe(false);
      expect(r.path).toMatch(/\\(Security|Identity|Exchange)$/);
    }
  });
});
