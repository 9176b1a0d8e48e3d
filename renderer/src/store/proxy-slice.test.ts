// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { fakeApi } from '../test/fixtures';
import { createWizardStore } from './wizard-store';

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

  it('writes a PRF for a profile, asking in the language on screen', async () => {
    const fake = fakeApi({ prf: { notCovered: ['helpdesk@fabrikam.com'] } });
    const store = createWizardStore({ api: fake.api, initialLocale: 'zh-CN' });
    await store.getState().savePrf('Outlook');
    expect(fake.calls.find((c) => c.channel === 'prf:save')?.args).toEqual([
      { profile: 'Outlook', locale: 'zh-CN' },
    ]);
    expect(store.getState().prf).toMatchObject({
      profile: 'Outlook',
      path: '/r/Outlook-ntlm.prf',
      notCovered: ['helpdesk@fabrikam.com'],
    });
    expect(store.getState().prfRefusal).toBeNull();
    expect(store.getState().busy).toBeNull();
  });

  it('keeps a refusal as the answer for that profile, not as a failure', async () => {
    const message =
      'The account on Basic (helpdesk) is not the first Exchange account… Use the wizard’s own fix.';
    const fake = fakeApi({ prf: { refusal: new ApiError('blocked', message) } });
    const store = createWizardStore({ api: fake.api });
    await store.getState().savePrf('Outlook');
    expect(store.getState().prfRefusal).toEqual({ profile: 'Outlook', message });
    expect(store.getState().prf).toBeNull();
    expect(store.getState().error).toBeNull();
    // Another try starts clean; a real failure goes to the error notice.
    const broken = fakeApi({ prf: { refusal: new ApiError('apply-failed', 'disk full') } });
    const other = createWizardStore({ api: broken.api });
    await other.getState().savePrf('Outlook');
    expect(other.getState().prfRefusal).toBeNull();
    expect(other.getState().error).toEqual({ action: 'prf', kind: 'apply-failed', message: 'disk full' });
  });
});
