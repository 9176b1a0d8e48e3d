import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExproxyError } from '../errors';
import { mergeCausePlans } from './cause-plan';
import { credentialTargetProblem } from './credential-target';
import { contextFromRegBytes } from './fixtures/fixture-context';
import {
  credentialMatchContext,
  matchSavedCredentials,
  planCredentialRemoval,
  savedCredentialFindings,
} from './saved-credentials';

const fixtureContext = (name: string) =>
  contextFromRegBytes(readFileSync(join(__dirname, 'fixtures', name)), name);

const LISTING = [
  { targetName: 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com', type: 1, userName: 'CONTOSO\\jsmith' },
  { targetName: 'MicrosoftOffice15_Data:SSPI', type: 1, userName: 'jsmith' },
  { targetName: 'MicrosoftOffice16_Data:ADAL:2f1a0c3e-0000-4a5b-9c7d-1e2f3a4b5c6d', type: 1, userName: null },
  { targetName: 'mail.contoso.com', type: 2, userName: 'CONTOSO\\jsmith' },
  { targetName: '*.contoso.com', type: 2, userName: 'CONTOSO\\jsmith' },
  { targetName: 'contoso.com', type: 2, userName: 'CONTOSO\\jsmith' },
  { targetName: 'MS.Outlook.16:jsmith@contoso.com:MAPI', type: 1, userName: 'jsmith@contoso.com' },
  { targetName: 'git:https://github.com', type: 1, userName: 'jsmith' },
  { targetName: 'TERMSRV/server01', type: 2, userName: 'CONTOSO\\admin' },
  { targetName: 'outlookish-vpn', type: 1, userName: 'x' },
  { targetName: 'mail.contoso.com', type: 3, userName: '@@certificate' },
];

describe('saved credentials: which are Outlook\u2019s', () => {
  const ctx = { proxyHosts: ['mail.contoso.com'], mailboxDomains: ['contoso.com'] };

  it('classifies by name and type, and leaves unrelated entries out entirely', () => {
    const m = matchSavedCredentials(LISTING, ctx);
    expect(
      m.map((x) => [x.credential.targetName, x.credential.type, x.kind, x.staleCandidate, x.matched]),
    ).toEqual([
      ['MicrosoftOffice16_Data:SSPI:jsmith@contoso.com', 1, 'office-sspi', true, null],
      ['MicrosoftOffice15_Data:SSPI', 1, 'office-sspi', true, null],
      ['MicrosoftOffice16_Data:ADAL:2f1a0c3e-0000-4a5b-9c7d-1e2f3a4b5c6d', 1, 'office-token', false, null],
      ['mail.contoso.com', 2, 'proxy-host', true, 'mail.contoso.com'],
      ['*.contoso.com', 2, 'proxy-host', true, 'mail.contoso.com'],
      ['contoso.com', 2, 'mailbox-domain', true, 'contoso.com'],
      ['MS.Outlook.16:jsmith@contoso.com:MAPI', 1, 'outlook-named', true, null],
      // A certificate for the proxy is never a stale password.
      ['mail.contoso.com', 3, 'proxy-host', false, 'mail.contoso.com'],
    ]);
  });

  it('lists but never offers an entry whose name could not be passed safely', () => {
    const m = matchSavedCredentials(
      [
        { targetName: 'MS.Outlook.16:"quoted"', type: 1, userName: 'u' },
        { targetName: '-mail.contoso.com', type: 2, userName: 'u' },
      ],
      { proxyHosts: ['-mail.contoso.com'], mailboxDomains: [] },
    );
    expect(m.map((x) => [x.kind, x.staleCandidate])).toEqual([
      ['outlook-named', false],
      ['proxy-host', false],
    ]);
  });

  it('accepts the namespace form cmdkey shows, for matching', () => {
    const m = matchSavedCredentials(
      [{ targetName: 'Domain:target=mail.contoso.com', type: 2, userName: 'u' }],
      ctx,
    );
    expect(m[0]).toMatchObject({ kind: 'proxy-host' });
  });

  it('takes proxy hosts and mailbox domains from the profiles', () => {
    expect(credentialMatchContext(fixtureContext('win10-outlook2016-cloud.reg').profiles)).toEqual({
      proxyHosts: ['mail.contoso.com', 'outlook.office365.com'],
      mailboxDomains: ['contoso.com', 'contoso.onmicrosoft.com'],
    });
  });

  it('makes one finding that counts the candidates, citing the MAPI-over-HTTP article when Office entries are stale', () => {
    expect(savedCredentialFindings(matchSavedCredentials(LISTING, ctx))).toEqual([
      {
        id: 'saved-credentials',
        severity: 'warning',
        kb: 'KB4051374',
        profile: null,
        account: null,
        fixes: ['remove-saved-credentials'],
        facts: { count: 6, officeEntries: 2, proxyEntries: 2 },
      },
    ]);
    expect(savedCredentialFindings(matchSavedCredentials([LISTING[2]!, LISTING[7]!], ctx))).toEqual([]);
  });
});

describe('saved credentials: removal plan', () => {
  const matches = matchSavedCredentials(LISTING, { proxyHosts: ['mail.contoso.com'], mailboxDomains: [] });

  it('removes only picked candidates from the listing, once each, and the plan says it cannot be undone', () => {
    const part = planCredentialRemoval(matches, [
      { targetName: 'mail.contoso.com', type: 2 },
      { targetName: 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com', type: 1 },
      { targetName: 'mail.contoso.com', type: 2 },
    ]);
    expect(part.removals).toEqual([
      {
        fix: 'remove-saved-credentials',
        targetName: 'mail.contoso.com',
        type: 2,
        userName: 'CONTOSO\\jsmith',
        undoable: false,
      },
      {
        fix: 'remove-saved-credentials',
        targetName: 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com',
        type: 1,
        userName: 'CONTOSO\\jsmith',
        undoable: false,
      },
    ]);
    expect(mergeCausePlans([part])).toMatchObject({ undoable: false, restartOutlook: true });
  });

  it('refuses anything not offered: another type, a token cache, an unrelated or typed-in name', () => {
    for (const s of [
      { targetName: 'mail.contoso.com', type: 3 },
      { targetName: 'MicrosoftOffice16_Data:ADAL:2f1a0c3e-0000-4a5b-9c7d-1e2f3a4b5c6d', type: 1 },
      { targetName: 'TERMSRV/server01', type: 2 },
      { targetName: '*', type: 2 },
    ]) {
      expect(() => planCredentialRemoval(matches, [s])).toThrow(ExproxyError);
    }
  });
});

describe('credential target validation', () => {
  it('accepts the names Windows stores', () => {
    expect(credentialTargetProblem('MicrosoftOffice16_Data:SSPI:jsmith@contoso.com', 1)).toBeNull();
    expect(credentialTargetProblem('*.contoso.com', 2)).toBeNull();
    expect(credentialTargetProblem('CONTOSO\\*', 2)).toBeNull();
    expect(credentialTargetProblem('Ünïcode-目标', 1)).toBeNull();
  });

  it('rejects what could be mistaken for an option, control characters, the catch-all and over-long names', () => {
    expect(credentialTargetProblem('/delete:x', 1)).toMatch(/option/);
    expect(credentialTargetProblem('-x', 1)).toMatch(/option/);
    expect(credentialTargetProblem('a"b', 1)).toMatch(/quote/);
    expect(credentialTargetProblem('a\u0000b', 1)).toMatch(/control/);
    expect(credentialTargetProblem('a\nb', 1)).toMatch(/control/);
    expect(credentialTargetProblem('a\u0085b', 1)).toMatch(/control/);
    expect(credentialTargetProblem('a\ud800b', 1)).toMatch(/Unicode/);
    expect(credentialTargetProblem(' mail.contoso.com', 2)).toMatch(/blanks/);
    expect(credentialTargetProblem('*', 2)).toMatch(/catch-all/);
    expect(credentialTargetProblem('', 1)).toMatch(/empty/);
    expect(credentialTargetProblem('x'.repeat(338), 2)).toMatch(/337/);
    expect(credentialTargetProblem('x'.repeat(338), 1)).toBeNull();
    expect(credentialTargetProblem('x'.repeat(32768), 1)).toMatch(/32767/);
    expect(credentialTargetProblem('x', 7)).toMatch(/type 7/);
  });
});
