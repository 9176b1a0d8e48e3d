import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuthPackage } from '../outlook/auth-package';
import { deserializeRegValue } from '../registry/reg-value';
import { contextFromRegBytes } from './fixtures/fixture-context';
import { recommendedAuthPackage } from './logon-fit';
import { logonSecurityFindings, planLogonSecurity } from './logon-security';

const fixtureContext = (name: string) =>
  contextFromRegBytes(readFileSync(join(__dirname, 'fixtures', name)), name);

describe('which logon network security fits', () => {
  it('offers NTLM to Outlook 2003 (its RPC over HTTP always signs in with NTLM inside)', () => {
    expect(recommendedAuthPackage({ outlookVersion: '11.0', proxySchemes: ['negotiate', 'ntlm'] })).toBe(10);
  });
  it('offers Negotiate when the proxy offers it, or when nothing is known; NTLM when only NTLM is offered', () => {
    expect(recommendedAuthPackage({ outlookVersion: '16.0', proxySchemes: ['negotiate', 'ntlm'] })).toBe(9);
    expect(recommendedAuthPackage({ outlookVersion: '16.0', proxySchemes: null })).toBe(9);
    expect(recommendedAuthPackage({ outlookVersion: '16.0', proxySchemes: ['basic'] })).toBe(9);
    expect(recommendedAuthPackage({ outlookVersion: '15.0', proxySchemes: ['ntlm', 'basic'] })).toBe(10);
  });
});

describe('logon network security findings', () => {
  it('flags Kerberos only on an Internet account, an error when the PC is not in a domain', () => {
    const ctx = fixtureContext('xp-outlook2003-causes.reg');
    const off = logonSecurityFindings(ctx, { domainJoined: false });
    expect(off.filter((f) => f.id === 'logon-kerberos-only')).toEqual([
      {
        id: 'logon-kerberos-only',
        severity: 'error',
        kb: 'KB820281',
        profile: 'Outlook',
        account: '13dbb0c8aa05101a9bb000aa002fc45a',
        fixes: ['logon-ntlm'],
        facts: { proxyServer: 'mail.contoso.com', value: 16, domainJoined: false, recommended: 10 },
      },
    ]);
    expect(
      logonSecurityFindings(ctx, { domainJoined: null }).find((f) => f.id === 'logon-kerberos-only'),
    ).toMatchObject({ severity: 'warning' });
  });

  it('leaves Microsoft-cloud accounts to the Exchange Online finding, and reports damaged bytes', () => {
    const findings = logonSecurityFindings(fixtureContext('xp-outlook2003-causes.reg'), {
      domainJoined: true,
    });
    expect(findings.find((f) => f.profile === 'Travel')).toBeUndefined();
    expect(findings.find((f) => f.profile === 'Damaged')).toMatchObject({
      id: 'cause-value-unreadable',
      facts: { valueName: '00036619' },
    });
  });

  it('uses what the proxy offered for the recommendation (Outlook 2016)', () => {
    const ctx = fixtureContext('win10-outlook2016-cloud.reg');
    const nego = logonSecurityFindings(ctx, {
      domainJoined: true,
      proxySchemes: new Map([['mail.contoso.com', ['negotiate', 'ntlm']]]),
    });
    expect(nego.map((f) => [f.id, f.account, f.fixes])).toEqual([
      ['logon-kerberos-only', 'a345f1e1fd57fc40a98c6265aef8ebbd', ['logon-negotiate']],
    ]);
    const ntlmOnly = logonSecurityFindings(ctx, {
      domainJoined: true,
      proxySchemes: new Map([['mail.contoso.com', ['ntlm']]]),
    });
    expect(ntlmOnly[0]!.fixes).toEqual(['logon-ntlm']);
  });

  it('reports a Kerberos-only policy once per profile, with no fix, and nothing per account', () => {
    const findings = logonSecurityFindings(fixtureContext('win7-outlook2013-policies.reg'), {
      domainJoined: false,
    });
    expect(findings).toEqual([
      {
        id: 'logon-policy-kerberos',
        severity: 'error',
        kb: 'KB820281',
        profile: 'Work',
        account: null,
        fixes: [],
        facts: {
          policyPath: 'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\15.0\\Outlook\\Security',
          policyValue: 16,
          domainJoined: false,
        },
      },
    ]);
  });
});

describe('logon network security planner', () => {
  it('writes the chosen value in the existing 4-byte form and nothing else', () => {
    const ctx = fixtureContext('win10-outlook2016-cloud.reg');
    const part = planLogonSecurity(ctx, 'logon-negotiate');
    expect(part.changes).toEqual([
      expect.objectContaining({
        kind: 'profile-auth-package',
        account: 'a345f1e1fd57fc40a98c6265aef8ebbd',
        name: '00036619',
        before: { type: 'REG_BINARY', hex: '10000000' },
        after: { type: 'REG_BINARY', hex: '09000000' },
      }),
    ]);
    expect(readAuthPackage(deserializeRegValue(part.changes[0]!.after!))).toMatchObject({
      name: 'negotiate',
    });
    // The Anonymous cloud account is never touched.
    expect(part.changes.some((c) => c.account === 'c1d2e3f4a5b60718293a4b5c6d7e8f90')).toBe(false);
  });

  it('skips with the reason when a policy decides, or the bytes are damaged', () => {
    expect(planLogonSecurity(fixtureContext('win7-outlook2013-policies.reg'), 'logon-ntlm')).toMatchObject({
      changes: [],
      skipped: [{ profile: 'Work', reason: 'policy-sets-value', facts: { policyValue: 16 } }],
    });
    const xp = planLogonSecurity(fixtureContext('xp-outlook2003-causes.reg'), 'logon-ntlm');
    expect(xp.changes.map((c) => [c.profile, c.after])).toEqual([
      ['Outlook', { type: 'REG_BINARY', hex: '0a000000' }],
    ]);
    expect(xp.skipped).toEqual([expect.objectContaining({ profile: 'Damaged', reason: 'value-unreadable' })]);
  });
});
