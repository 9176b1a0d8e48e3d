import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegTree } from '../registry/reg-tree';
import { contextFromRegBytes } from './fixtures/fixture-context';
import {
  identityKey,
  MODERN_AUTH_REQUESTS,
  modernAuthFindings,
  planModernAuth,
  readModernAuthState,
} from './modern-auth';
import type { CauseContext } from './cause-context';

const fixtureContext = (name: string) =>
  contextFromRegBytes(readFileSync(join(__dirname, 'fixtures', name)), name);
const dword = (data: number) => ({ type: 'REG_DWORD', data }) as const;

function findingsOf(ctx: CauseContext, cloudInUse: boolean, bearerOffered = false) {
  return modernAuthFindings(ctx, readModernAuthState(ctx.tree), { cloudInUse, bearerOffered });
}

describe('modern authentication state', () => {
  it('reads user values and policy copies; the policy copy wins and marks the switch managed', () => {
    const tree = new RegTree();
    tree.setValue(identityKey('15.0'), 'EnableADAL', dword(0));
    tree.setValue(
      'HKCU\\Software\\Policies\\Microsoft\\Office\\15.0\\Common\\Identity',
      'EnableADAL',
      dword(1),
    );
    tree.setValue('HKCU\\Software\\Microsoft\\Exchange', 'MapiHttpDisabled', { type: 'REG_SZ', data: '1' });
    const s = readModernAuthState(tree);
    expect(s.enableAdal2013).toEqual({
      user: { state: 'set', value: 0 },
      policy: { state: 'set', value: 1 },
      managed: true,
      effective: 1,
    });
    expect(s.mapiHttpDisabled).toMatchObject({
      user: { state: 'wrong-type', type: 'REG_SZ' },
      effective: null,
    });
    expect(s.version2013).toMatchObject({ managed: false, effective: null });
  });

  it('asks only for the six keys, none recursively', () => {
    expect(MODERN_AUTH_REQUESTS.map((r) => r.recursive)).toEqual([false, false, false, false, false, false]);
    expect(MODERN_AUTH_REQUESTS.map((r) => r.path)).toContain(
      'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Exchange',
    );
  });
});

describe('modern authentication findings', () => {
  it('Outlook 2016 with a cloud account: EnableADAL=0, MAPI over HTTP blocked, Autodiscover without modern auth', () => {
    const ids = findingsOf(fixtureContext('win10-outlook2016-cloud.reg'), true).map((f) => [
      f.id,
      f.severity,
      f.fixes,
    ]);
    expect(ids).toEqual([
      ['modern-auth-off-2016', 'error', ['modern-auth-2016-default']],
      ['msoauth-autodiscover-off', 'warning', ['msoauth-autodiscover-on']],
      ['mapi-http-disabled', 'error', ['mapi-http-allow']],
    ]);
  });

  it('without any cloud account or modern sign-in offered, only the testing-only MAPI block is mentioned', () => {
    expect(
      findingsOf(fixtureContext('win10-outlook2016-cloud.reg'), false).map((f) => [f.id, f.severity]),
    ).toEqual([['mapi-http-disabled', 'info']]);
  });

  it('Outlook 2013 under policy: Version alone is not enough, a policy-held MAPI block is reported hands-off', () => {
    const findings = findingsOf(fixtureContext('win7-outlook2013-policies.reg'), true);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'modern-auth-off-2013', facts: { enableAdal: null, version: 1 } }),
      expect.objectContaining({ id: 'msoauth-autodiscover-off', facts: { value: null, outlook2013: true } }),
      expect.objectContaining({
        id: 'modern-auth-policy',
        fixes: [],
        facts: { setting: 'MapiHttpDisabled', policyValue: 1 },
      }),
    ]);
  });

  it('an on-premises server offering Bearer makes Outlook 2013 modern auth matter (a warning, not an error)', () => {
    const findings = findingsOf(fixtureContext('win7-outlook2013-policies.reg'), false, true);
    expect(findings.find((f) => f.id === 'modern-auth-off-2013')).toMatchObject({ severity: 'warning' });
    expect(findings.some((f) => f.id === 'msoauth-autodiscover-off')).toBe(false);
  });
});

describe('modern authentication planner', () => {
  it('turns Outlook 2013 modern auth on: both REG_DWORD 1, only the missing one written', () => {
    const part = planModernAuth(fixtureContext('win7-outlook2013-policies.reg'), 'modern-auth-2013-on');
    expect(part.changes).toEqual([
      expect.objectContaining({
        kind: 'office-identity',
        path: identityKey('15.0'),
        name: 'EnableADAL',
        before: null,
        after: { type: 'REG_DWORD', data: 1 },
      }),
    ]);
  });

  it('deletes the blocks (Microsoft: "or delete"), keeping the old value for undo', () => {
    const ctx = fixtureContext('win10-outlook2016-cloud.reg');
    expect(planModernAuth(ctx, 'mapi-http-allow').changes).toEqual([
      expect.objectContaining({
        name: 'MapiHttpDisabled',
        kind: 'exchange-client-option',
        before: { type: 'REG_DWORD', data: 1 },
        after: null,
      }),
    ]);
    expect(planModernAuth(ctx, 'modern-auth-2016-default').changes).toEqual([
      expect.objectContaining({ name: 'EnableADAL', before: { type: 'REG_DWORD', data: 0 }, after: null }),
    ]);
    expect(planModernAuth(ctx, 'msoauth-autodiscover-on').changes).toEqual([
      expect.objectContaining({
        name: 'AlwaysUseMSOAuthForAutoDiscover',
        before: null,
        after: { type: 'REG_DWORD', data: 1 },
      }),
    ]);
  });

  it('never touches a policy-held value, says why, and says when the Outlook is not there', () => {
    const ctx = fixtureContext('win7-outlook2013-policies.reg');
    expect(planModernAuth(ctx, 'mapi-http-allow')).toMatchObject({
      changes: [],
      skipped: [{ reason: 'policy-sets-value', facts: { setting: 'MapiHttpDisabled' } }],
    });
    expect(planModernAuth(ctx, 'modern-auth-2016-default')).toMatchObject({
      changes: [],
      skipped: [{ reason: 'not-applicable' }],
    });
  });

  it('refuses to overwrite a switch stored with the wrong type, and is idempotent once applied', () => {
    const ctx = fixtureContext('win10-outlook2016-cloud.reg');
    ctx.tree.setValue('HKCU\\Software\\Microsoft\\Exchange', 'MapiHttpDisabled', {
      type: 'REG_SZ',
      data: '1',
    });
    expect(planModernAuth(ctx, 'mapi-http-allow').skipped).toEqual([
      expect.objectContaining({
        reason: 'value-unreadable',
        facts: { setting: 'MapiHttpDisabled', type: 'REG_SZ' },
      }),
    ]);
    ctx.tree.deleteValue('HKCU\\Software\\Microsoft\\Exchange', 'MapiHttpDisabled');
    expect(planModernAuth(ctx, 'mapi-http-allow')).toMatchObject({ changes: [], skipped: [] });
  });
});
