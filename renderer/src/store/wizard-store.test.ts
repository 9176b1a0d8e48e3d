// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { appInfo, fakeApi, memoryStorage } from '../test/fixtures';
import { createWizardStore, LOCALE_KEY, needsFixing, RESUME_KEY } from './wizard-store';

afterEach(() => {
  vi.useRealTimers();
});

describe('wizard store', () => {
  it('scans and lands on the findings with the recommended fixes selected', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().init();
    expect(store.getState().appInfo?.mode).toBe('demo');
    expect(store.getState().step).toBe('welcome');
    await store.getState().start();
    const s = store.getState();
    expect(s.step).toBe('findings');
    expect(s.report?.findings.map((f) => f.id)).toEqual(['proxy-auth-basic', 'lm-response-sent']);
    expect(s.selectedFixes).toEqual(['proxy-auth-ntlm', 'lmcompat-3']);
    expect(needsFixing(s.report)).toBe(true);
    // The proxy check runs after the scan, on by default.
    expect(fake.channels()).toEqual(['app:info', 'outlook:status', 'scan:run', 'proxy:check']);
    expect(s.proxyCheck.status).toBe('done');
    expect(s.report?.proxyChecks?.[0]?.result?.schemes).toEqual(['basic', 'ntlm', 'negotiate']);
  });

  it('keeps one LAN Manager fix when a technician switches to level 2', async () => {
    const store = createWizardStore({ api: fakeApi().api });
    await store.getState().scan();
    store.getState().toggleFix('lmcompat-2', true);
    expect(store.getState().selectedFixes).toEqual(['proxy-auth-ntlm', 'lmcompat-2']);
  });

  it('reports "nothing to fix" when the scan finds nothing actionable', async () => {
    const store = createWizardStore({ api: fakeApi({ fixed: true }).api });
    await store.getState().scan();
    expect(store.getState().step).toBe('findings');
    expect(needsFixing(store.getState().report)).toBe(false);
    expect(store.getState().selectedFixes).toEqual([]);
  });

  it('a failed scan stays on the scan step with the error kind', async () => {
    const fake = fakeApi();
    fake.api['scan:run'] = async () => {
      throw new ApiError('unreadable-input', 'bad hive');
    };
    const store = createWizardStore({ api: fake.api });
    await store.getState().start();
    expect(store.getState().step).toBe('scan');
    expect(store.getState().error).toEqual({ action: 'scan', kind: 'unreadable-input', message: 'bad hive' });
    expect(store.getState().busy).toBeNull();
  });

  it('plans the selected fixes in order, then goes to the settings', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().scan();
    await store.getState().planSelected();
    expect(store.getState().step).toBe('settings');
    expect(store.getState().plan?.changes).toHaveLength(2);
    expect(fake.calls.find((c) => c.channel === 'fix:plan')?.args).toEqual([
      { fixes: ['proxy-auth-ntlm', 'lmcompat-3'] },
    ]);
  });

  it('a declined administrator prompt ends in an error state with nothing applied', async () => {
    const fake = fakeApi({ declined: true });
    const store = createWizardStore({ api: fake.api });
    await store.getState().scan();
    await store.getState().planSelected();
    await store.getState().chooseMode('auto');
    expect(store.getState().step).toBe('prepare');
    await store.getState().apply();
    const s = store.getState();
    expect(s.step).toBe('apply');
    expect(s.outcome?.status).toBe('elevation-declined');
    expect(s.error).toMatchObject({ action: 'apply', kind: 'elevation-declined' });
    // Nothing applied: the journal holds no applied change and a re-scan still shows the problems.
    await store.getState().loadHistory();
    expect(store.getState().history.filter((r) => r.state === 'applied')).toEqual([]);
    await store.getState().verify();
    expect(needsFixing(store.getState().afterReport)).toBe(true);
  });

  it('applies, then asks for restarts, then verifies before → after', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().scan();
    await store.getState().planSelected();
    await store.getState().apply();
    expect(store.getState().outcome?.status).toBe('applied');
    expect(store.getState().error).toBeNull();
    store.getState().afterApply();
    expect(store.getState().step).toBe('restart');
    await store.getState().verify();
    const s = store.getState();
    expect(s.step).toBe('verify');
    expect(needsFixing(s.report)).toBe(true);
    expect(needsFixing(s.afterReport)).toBe(false);
  });

  it('polls outlook:status about every second and stops once Outlook is closed', async () => {
    vi.useFakeTimers();
    const fake = fakeApi({ outlookRunning: true });
    const store = createWizardStore({ api: fake.api });
    await store.getState().checkOutlook();
    expect(store.getState().outlookRunning).toBe(true);
    store.getState().waitForOutlookClosed();
    expect(store.getState().waitingForOutlook).toBe(true);
    await vi.advanceTimersByTimeAsync(3000);
    const polls = fake.channels().filter((c) => c === 'outlook:status').length;
    expect(polls).toBe(4);
    fake.state.outlookRunning = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.getState().outlookRunning).toBe(false);
    expect(store.getState().waitingForOutlook).toBe(false);
    const after = fake.channels().filter((c) => c === 'outlook:status').length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.channels().filter((c) => c === 'outlook:status').length).toBe(after);
    // Never closes Outlook itself.
    expect(fake.channels()).not.toContain('demo:set-outlook');
  });

  it('stops polling when the waiting page goes away (cancel)', async () => {
    vi.useFakeTimers();
    const fake = fakeApi({ outlookRunning: true });
    const store = createWizardStore({ api: fake.api });
    const cancel = store.getState().waitForOutlookClosed(1000);
    await vi.advanceTimersByTimeAsync(2000);
    cancel();
    const n = fake.calls.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.calls.length).toBe(n);
    expect(store.getState().waitingForOutlook).toBe(false);
  });

  it('restarts Windows only after registering the resume entry, then reloads in the demo', async () => {
    const fake = fakeApi();
    const storage = memoryStorage();
    const reload = vi.fn();
    const store = createWizardStore({ api: fake.api, storage, reload });
    await store.getState().init();
    await store.getState().scan();
    await store.getState().planSelected();
    await store.getState().apply();
    store.getState().askRestartWindows();
    expect(store.getState().confirmRestart).toBe(true);
    expect(fake.channels()).not.toContain('windows:restart');
    await store.getState().restartWindowsNow();
    const ch = fake.channels();
    expect(ch.indexOf('resume:register')).toBeGreaterThan(-1);
    expect(ch.indexOf('resume:register')).toBeLessThan(ch.indexOf('windows:restart'));
    expect(fake.calls.find((c) => c.channel === 'windows:restart')?.args).toEqual([{ confirmed: true }]);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(storage.getItem(RESUME_KEY)).toContain('proxy-auth-basic');
  });

  it('after a restart, app:info resumeAtVerify goes straight to Verify with the earlier "before"', async () => {
    const storage = memoryStorage();
    const first = fakeApi();
    const store1 = createWizardStore({ api: first.api, storage, reload: () => undefined });
    await store1.getState().init();
    store1.getState().setAudience('technician');
    await store1.getState().scan();
    await store1.getState().planSelected();
    await store1.getState().apply();
    await store1.getState().restartWindowsNow();

    const second = fakeApi({ info: appInfo({ resumeAtVerify: true }), fixed: true });
    const store2 = createWizardStore({ api: second.api, storage });
    await store2.getState().init();
    const s = store2.getState();
    expect(s.step).toBe('verify');
    expect(s.resumed).toBe(true);
    expect(s.audience).toBe('technician');
    expect(needsFixing(s.report)).toBe(true);
    expect(needsFixing(s.afterReport)).toBe(false);
    // The "before" asked the proxy, so the re-check does too (like with like).
    expect(second.channels()).toEqual(['app:info', 'outlook:status', 'scan:run', 'proxy:check']);
    expect(storage.getItem(RESUME_KEY)).toBeNull();
  });

  it('saves the report in the current language and copies the summary', async () => {
    const fake = fakeApi();
    const write = vi.fn(async () => undefined);
    const store = createWizardStore({ api: fake.api, writeClipboard: write, storage: memoryStorage() });
    store.getState().setLocale('zh-CN');
    await store.getState().saveReport();
    expect(fake.calls.find((c) => c.channel === 'report:save')?.args).toEqual([{ locale: 'zh-CN' }]);
    expect(store.getState().saved?.htmlPath).toBe('/r/report.html');
    await store.getState().copySummary();
    expect(write).toHaveBeenCalledWith('Summary: fixed');
    expect(store.getState().copyStatus).toBe('copied');
  });

  it('reports a failed copy', async () => {
    const store = createWizardStore({
      api: fakeApi().api,
      writeClipboard: async () => {
        throw new Error('denied');
      },
    });
    await store.getState().copySummary();
    expect(store.getState().copyStatus).toBe('failed');
  });

  it('lists history and undoes a change, reloading the list', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().scan();
    await store.getState().planSelected();
    await store.getState().apply();
    await store.getState().openHistory();
    expect(store.getState().view).toBe('history');
    expect(store.getState().history.map((r) => r.state)).toEqual(['applied']);
    await store.getState().undo('20260101-000000-abcdef');
    const s = store.getState();
    expect(s.historyResult).toMatchObject({ ok: true, outcome: { status: 'rolled-back' } });
    expect(s.history.map((r) => r.state)).toEqual(['rolled-back']);
    // What the wizard showed before the undo is stale: it starts over at Welcome.
    expect(s.view).toBe('history');
    expect(s.step).toBe('welcome');
    expect(s.outcome).toBeNull();
    expect(s.report).toBeNull();
  });

  it('keeps an undo failure as a result, not a crash', async () => {
    const fake = fakeApi();
    fake.api['fix:rollback'] = async () => {
      throw new ApiError('usage', 'only an applied change can be undone');
    };
    const store = createWizardStore({ api: fake.api });
    await store.getState().undo('20260101-000000-abcdef');
    expect(store.getState().historyResult).toEqual({
      changeId: '20260101-000000-abcdef',
      ok: false,
      kind: 'usage',
      message: 'only an applied change can be undone',
    });
  });

  it('loading a demo scenario starts the wizard over', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().init();
    await store.getState().scan();
    await store.getState().planSelected();
    await store.getState().demoLoadScenario('xp-outlook2003-fixed');
    const s = store.getState();
    expect(s.step).toBe('welcome');
    expect(s.report).toBeNull();
    expect(s.plan).toBeNull();
    expect(s.appInfo?.scenario).toBe('xp-outlook2003-fixed');
  });

  it('toggles the simulated Outlook and remembers the language choice', async () => {
    const fake = fakeApi();
    const storage = memoryStorage();
    const store = createWizardStore({ api: fake.api, storage });
    await store.getState().demoSetOutlook(true);
    expect(store.getState().outlookRunning).toBe(true);
    expect(fake.state.outlookRunning).toBe(true);
    store.getState().setLocale('zh-CN');
    expect(storage.getItem(LOCALE_KEY)).toBe('zh-CN');
  });
});

describe('proxy check', () => {
  it('merges the proxy findings: no NTLM offered means the NTLM fix is not proposed', async () => {
    const fake = fakeApi({ proxy: 'no-ntlm' });
    const store = createWizardStore({ api: fake.api });
    await store.getState().scan();
    const s = store.getState();
    expect(s.step).toBe('findings');
    expect(s.report?.findings.map((f) => f.id)).toEqual([
      'proxy-auth-basic',
      'lm-response-sent',
      'proxy-offers-no-ntlm',
    ]);
    expect(s.report?.findings.find((f) => f.id === 'proxy-auth-basic')?.fixes).toEqual([]);
    // Without NTLM the LAN Manager level changes nothing for Outlook (the planner refuses it too).
    expect(s.selectedFixes).toEqual([]);
    expect(s.busy).toBeNull();
  });

  it('Cancel goes on at once with the plain scan and tells the service to stop', async () => {
    const fake = fakeApi({ proxy: 'hang' });
    const store = createWizardStore({ api: fake.api });
    const scanning = store.getState().scan();
    await vi.waitFor(() => expect(store.getState().busy).toBe('proxy'));
    expect(store.getState().proxyCheck.status).toBe('running');
    expect(store.getState().step).toBe('scan');
    store.getState().cancelProxyCheck();
    await scanning;
    const s = store.getState();
    expect(s.step).toBe('findings');
    expect(s.proxyCheck.status).toBe('cancelled');
    expect(s.report?.proxyChecks).toBeUndefined();
    expect(s.selectedFixes).toEqual(['proxy-auth-ntlm', 'lmcompat-3']);
    expect(fake.channels()).toContain('proxy:cancel');
    expect(s.busy).toBeNull();
  });

  it('a failed proxy check keeps the plain scan and says why', async () => {
    const store = createWizardStore({ api: fakeApi({ proxy: 'fail' }).api });
    await store.getState().scan();
    const s = store.getState();
    expect(s.step).toBe('findings');
    expect(s.proxyCheck).toEqual({
      status: 'failed',
      kind: 'unreadable-input',
      message: 'the proxy CA file is missing',
    });
    expect(s.error).toBeNull();
    expect(s.report?.findings).toHaveLength(2);
  });

  it('can be switched off, and is skipped when no account uses a proxy', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    store.getState().setProxyCheckEnabled(false);
    await store.getState().scan();
    expect(fake.channels()).toEqual(['scan:run']);
    const noProxy = fakeApi();
    const plain = noProxy.api['scan:run'];
    noProxy.api['scan:run'] = async () => {
      const r = await plain();
      return { ...r, profiles: r.profiles.map((p) => ({ ...p, accounts: [] })) };
    };
    await createWizardStore({ api: noProxy.api }).getState().scan();
    expect(noProxy.channels()).toEqual(['scan:run']);
  });

  it('writes a PRF for a profile', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().savePrf('Outlook');
    expect(fake.calls.find((c) => c.channel === 'prf:save')?.args).toEqual([{ profile: 'Outlook' }]);
    expect(store.getState().prf).toMatchObject({ profile: 'Outlook', path: '/r/Outlook-ntlm.prf' });
  });
});

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
