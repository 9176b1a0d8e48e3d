import { describe, expect, it } from 'vitest';
import { MSV1_0_KEY } from '../registry/allowlist';
import { RegTree } from '../registry/reg-tree';
import { planBackConnectionHost } from './back-connection-planner';

function treeWith(value?: Parameters<RegTree['setValue']>[2]): RegTree {
  const t = new RegTree();
  t.ensureKey(MSV1_0_KEY);
  if (value) t.setValue(MSV1_0_KEY, 'BackConnectionHostNames', value);
  return t;
}

describe('BackConnectionHostNames plan (KB914137)', () => {
  it('creates the list when absent, as an elevated REG_MULTI_SZ change', () => {
    const plan = planBackConnectionHost(treeWith(), 'smtp.contoso.com');
    expect(plan.changes).toMatchObject([
      {
        fix: 'backconnection-host',
        kind: 'back-connection-host-names',
        elevated: true,
        before: null,
        after: { type: 'REG_MULTI_SZ', data: ['smtp.contoso.com'] },
      },
    ]);
    expect(plan.restartWindows).toBe(false);
  });

  it('merges into the existing list, keeping it, without duplicates (case-insensitive)', () => {
    const t = treeWith({ type: 'REG_MULTI_SZ', data: ['mail.contoso.com', ''] });
    expect(planBackConnectionHost(t, 'smtp.contoso.com').changes[0]!.after).toEqual({
      type: 'REG_MULTI_SZ',
      data: ['mail.contoso.com', 'smtp.contoso.com'],
    });
    const again = planBackConnectionHost(t, 'MAIL.contoso.com');
    expect(again.changes).toEqual([]);
    expect(again.alreadyDone).toEqual(['backconnection-host']);
  });

  it('refuses hostile or malformed host names before anything is planned', () => {
    for (const bad of ['a b', 'x"&calc', 'host;rm', '-lead.example', 'a..b', 'ünï.example', '']) {
      expect(() => planBackConnectionHost(treeWith(), bad), bad).toThrow(/not a DNS host name/);
    }
  });

  it('leaves a list it cannot keep intact alone, with the reason', () => {
    expect(() => planBackConnectionHost(treeWith({ type: 'REG_SZ', data: 'x' }), 'a.example')).toThrow(
      /REG_SZ, not REG_MULTI_SZ/,
    );
    expect(() =>
      planBackConnectionHost(
        treeWith({ type: 'REG_MULTI_SZ', data: ['ok.example', 'bad name'] }),
        'a.example',
      ),
    ).toThrow(/"bad name", which is not a host name/);
  });
});
