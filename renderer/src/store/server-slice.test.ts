// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { fakeApi } from '../test/fixtures';
import { createWizardStore } from './wizard-store';

describe('server troubleshooter', () => {
  it('opens with the guides in the current language and the events of this machine', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api, initialLocale: 'zh-CN' });
    await store.getState().openServer();
    const s = store.getState();
    expect(s.view).toBe('server');
    expect(s.guides?.map((g) => g.id)).toEqual(['exprox-1000', 'kb914137', 'owa-71', 'kb183545']);
    expect(s.guides?.[0]?.title).toContain('指南');
    expect(s.serverEvents?.map((e) => e.guide)).toEqual(['exprox-1000', 'owa-71']);
    expect(fake.calls.find((c) => c.channel === 'server:guides')?.args).toEqual([{ locale: 'zh-CN' }]);
    // A language change fetches the texts again.
    store.getState().setLocale('en');
    await vi.waitFor(() => expect(store.getState().guidesLocale).toBe('en'));
    expect(store.getState().guides?.[0]?.title).toBe('Guide exprox-1000');
    store.getState().closeServer();
    expect(store.getState().view).toBe('wizard');
    // Off screen, a language change waits until the view opens again.
    const before = fake.calls.filter((c) => c.channel === 'server:guides').length;
    store.getState().setLocale('zh-CN');
    expect(fake.calls.filter((c) => c.channel === 'server:guides')).toHaveLength(before);
    await store.getState().openServer();
    expect(store.getState().guidesLocale).toBe('zh-CN');
    expect(store.getState().guidesLoading).toBe(false);
  });

  it('fills the names into the commands, and keeps a refused name as a field error', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().openServer();
    expect(await store.getState().loadGuides({ server: 'EXCH01', fqdn: 'smtp.contoso.com' })).toBe(true);
    const kb = store.getState().guides?.find((g) => g.id === 'kb914137');
    expect(kb?.commands.map((c) => c.command)).toEqual([
      'setspn -L EXCH01',
      'setspn -S SMTPSVC/smtp.contoso.com EXCH01',
    ]);
    expect(store.getState().guideParams).toEqual({ server: 'EXCH01', fqdn: 'smtp.contoso.com' });
    expect(fake.calls.filter((c) => c.channel === 'server:guides').at(-1)?.args).toEqual([
      { locale: 'en', server: 'EXCH01', fqdn: 'smtp.contoso.com' },
    ]);

    expect(await store.getState().loadGuides({ server: 'EXCH01 & calc' })).toBe(false);
    const s = store.getState();
    expect(s.guideParamsError?.kind).toBe('invalid-request');
    expect(s.error).toBeNull();
    // The last accepted names stay in force.
    expect(s.guideParams).toEqual({ server: 'EXCH01', fqdn: 'smtp.contoso.com' });
  });

  it('adds a name to BackConnectionHostNames: the outcome is kept and History lists it', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().openServer();
    store.getState().openGuide('kb914137');
    await store.getState().addBackConnection('smtp.contoso.com');
    const r = store.getState().backConnection;
    expect(r).toMatchObject({ host: 'smtp.contoso.com', ok: true, outcome: { status: 'applied' } });
    expect(fake.calls.find((c) => c.channel === 'server:add-backconnection')?.args).toEqual([
      { host: 'smtp.contoso.com' },
    ]);
    await store.getState().openHistory();
    expect(store.getState().history[0]?.fixes).toEqual(['backconnection-host']);
    await store.getState().undo(store.getState().history[0]!.id);
    expect(store.getState().history[0]?.state).toBe('rolled-back');
    // Back from History leads to the server view it came from.
    store.getState().closeHistory();
    expect(store.getState().view).toBe('server');
    expect(store.getState().guide).toBe('kb914137');
  });

  it('a declined administrator prompt or a refused call is an outcome, not a crash', async () => {
    const declined = createWizardStore({ api: fakeApi({ declined: true }).api });
    await declined.getState().addBackConnection('smtp.contoso.com');
    expect(declined.getState().backConnection).toMatchObject({
      ok: true,
      outcome: { status: 'elevation-declined' },
    });
    const fake = fakeApi();
    fake.api['server:add-backconnection'] = async () => {
      throw new ApiError('blocked', 'BackConnectionHostNames exists as REG_SZ');
    };
    const store = createWizardStore({ api: fake.api });
    await store.getState().addBackConnection('smtp.contoso.com');
    expect(store.getState().backConnection).toEqual({
      host: 'smtp.contoso.com',
      ok: false,
      kind: 'blocked',
      message: 'BackConnectionHostNames exists as REG_SZ',
    });
    expect(store.getState().busy).toBeNull();
  });
});
