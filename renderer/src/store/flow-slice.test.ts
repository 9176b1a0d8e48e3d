// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { appInfo, fakeApi, memoryStorage, needsFixing } from '../test/fixtures';
import { createWizardStore, RESUME_KEY } from './wizard-store';

afterEach(() => {
  vi.useRealTimers();
});

describe('wizard steps: scan, plan, apply, restart, verify, report', () => {
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
    expect(fake.channels()).toEqual([
      'app:info',
      'recovery:status',
      'outlook:status',
      'scan:run',
      'proxy:check',
    ]);
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
    expect(second.channels()).toEqual([
      'app:info',
      'recovery:status',
      'outlook:status',
      'scan:run',
      'proxy:check',
    ]);
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
});
