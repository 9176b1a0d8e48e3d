import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudAccountKeys, exchangeOnlineFindings } from './exchange-online';
import { contextFromRegBytes } from './fixtures/fixture-context';

const fixtureContext = (name: string) =>
  contextFromRegBytes(readFileSync(join(__dirname, 'fixtures', name)), name);

describe('Exchange Online behind RPC over HTTP', () => {
  it('is an error with no registry fix, and says a newer Outlook is needed on Outlook 2003', () => {
    expect(exchangeOnlineFindings(fixtureContext('xp-outlook2003-causes.reg'))).toEqual([
      {
        id: 'exchange-online-rpc',
        severity: 'error',
        kb: 'KB3201590',
        profile: 'Travel',
        account: '13dbb0c8aa05101a9bb000aa002fc45a',
        fixes: [],
        facts: {
          proxyServer: 'outlook.office365.com',
          cloud: 'worldwide',
          outlookVersion: '11.0',
          needsNewerOutlook: true,
          authScheme: 'basic',
        },
      },
    ]);
  });

  it('finds only the cloud account of a two-account Outlook 2016 profile', () => {
    const ctx = fixtureContext('win10-outlook2016-cloud.reg');
    const findings = exchangeOnlineFindings(ctx);
    expect(findings.map((f) => [f.account, f.facts.needsNewerOutlook])).toEqual([
      ['c1d2e3f4a5b60718293a4b5c6d7e8f90', false],
    ]);
    expect(cloudAccountKeys(ctx.profiles)).toEqual(['Outlook|c1d2e3f4a5b60718293a4b5c6d7e8f90']);
  });
});
