// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding, Locale } from './contract';
import { FindingCard } from './components/FindingCard';
import { createI18n } from './i18n';
import { fakeApi, NO_NTLM, proxyCheck, URL_RPC, xpReport } from './test/fixtures';
import { renderApp } from './test/render-app';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function card(finding: Finding, opts: { technician?: boolean; noNtlm?: Finding; locale?: Locale } = {}) {
  const i18n = createI18n(opts.locale ?? 'en');
  render(
    <I18nextProvider i18n={i18n}>
      <FindingCard finding={finding} technician={opts.technician ?? false} noNtlm={opts.noNtlm} />
    </I18nextProvider>,
  );
  return screen.getByTestId(`finding-${finding.id}`);
}

const base = { severity: 'warning', kb: 'KB820281', profile: 'Outlook', account: 'abc', fixes: [] } as const;

describe('finding cards of the proxy check', () => {
  it('no NTLM: says who must change what, in both languages', () => {
    const en = card(NO_NTLM);
    expect(en.textContent).toContain('does not accept NTLM');
    expect(en.textContent).toContain('It answered: basic');
    expect(en.textContent).toContain('Exchange administrator must turn on Integrated Windows authentication');
    cleanup();
    const zh = card(NO_NTLM, { locale: 'zh-CN' });
    expect(zh.textContent).toContain('Exchange 代理不接受 NTLM');
    expect(zh.textContent).toContain('mail.contoso.com');
  });

  it('the Basic finding says NTLM will not be offered when the proxy refuses it', () => {
    const basic = xpReport('broken').findings[0]!;
    const el = card({ ...basic, fixes: [] }, { noNtlm: NO_NTLM });
    expect(within(el).getByTestId('no-ntlm-notice').textContent).toContain('NTLM will not be offered');
    expect(el.textContent).toContain('accepts only basic');
    expect(el.textContent).not.toContain('The profile switches to NTLM');
    cleanup();
    // With NTLM still offered the usual text stays.
    const normal = card(basic);
    expect(within(normal).queryByTestId('no-ntlm-notice')).toBeNull();
    expect(normal.textContent).toContain('The profile switches to NTLM');
  });

  it('names the stage that failed when the proxy could not be reached', () => {
    const el = card({
      ...base,
      id: 'proxy-unreachable',
      facts: {
        proxyServer: 'mail.contoso.com',
        url: URL_RPC,
        stage: 'timeout',
        code: 'EXPROXY_TIMEOUT',
        message: 'no answer',
      },
    });
    expect(el.textContent).toContain('the proxy did not answer in time');
    expect(el.textContent).toContain(URL_RPC);
  });

  it('tells a name only in the alternative names apart from a missing name', () => {
    const facts = {
      proxyServer: 'mail.contoso.com',
      url: URL_RPC,
      expectedName: 'mail.contoso.com',
      principalName: 'msstd:mail.contoso.com',
      commonName: 'www.contoso.com',
      altNames: 'www.contoso.com, mail.contoso.com',
      onlyInAltNames: true,
    };
    const alt = card({ ...base, id: 'proxy-certificate-name-mismatch', facts }, { technician: true });
    expect(alt.textContent).toContain('Windows XP does not');
    expect(alt.textContent).toContain('issued to www.contoso.com');
    cleanup();
    const none = card({
      ...base,
      id: 'proxy-certificate-name-mismatch',
      facts: { ...facts, altNames: '', onlyInAltNames: false },
    });
    expect(none.textContent).toContain('not in the certificate at all');
    expect(none.textContent).toContain('other names: —');
  });

  it('an untrusted certificate shows the reason', () => {
    const el = card({
      ...base,
      id: 'proxy-certificate-untrusted',
      facts: { proxyServer: 'mail.contoso.com', url: URL_RPC, reason: 'SELF_SIGNED_CERT_IN_CHAIN' },
    });
    expect(el.textContent).toContain('SELF_SIGNED_CERT_IN_CHAIN');
    expect(el.textContent).toContain('never accepts an untrusted certificate');
  });
});

describe('proxy check in the wizard', () => {
  it('shows the proxy answer to technicians, with schemes and certificate', async () => {
    const fake = fakeApi({ proxy: 'no-ntlm' });
    const { store } = renderApp({ fake });
    act(() => store.getState().setAudience('technician'));
    fireEvent.click(screen.getByTestId('start-scan'));
    await screen.findByTestId('step-findings');
    expect(screen.getByTestId('finding-proxy-offers-no-ntlm')).toBeTruthy();
    expect(screen.getByTestId('no-ntlm-notice')).toBeTruthy();
    // The LAN Manager level alone would not help: held back, and said so.
    expect(screen.getByTestId('finding-lm-response-sent').textContent).toContain(
      'Nothing is changed for now',
    );
    expect(screen.queryByRole('radio')).toBeNull();
    const panel = screen.getByTestId('proxy-answer');
    expect(within(panel).getByTestId('proxy-answer-status').textContent).toBe('HTTP 401');
    expect(within(panel).getByTestId('proxy-answer-schemes').textContent).toBe('basic');
    expect(within(panel).getByTestId('proxy-answer-trusted').getAttribute('data-trusted')).toBe('true');
    expect(panel.textContent).toContain('autodiscover.contoso.com');
  });

  it('end users do not see the technical proxy answer', async () => {
    renderApp({ fake: fakeApi({ proxy: 'ntlm' }) });
    fireEvent.click(screen.getByTestId('start-scan'));
    await screen.findByTestId('step-findings');
    expect(screen.queryByTestId('proxy-answer')).toBeNull();
    expect(screen.queryByTestId('finding-proxy-offers-no-ntlm')).toBeNull();
  });

  it('shows the wait with a Cancel that goes on with the plain scan', async () => {
    const fake = fakeApi({ proxy: 'hang' });
    renderApp({ fake });
    fireEvent.click(screen.getByTestId('start-scan'));
    const progress = await screen.findByTestId('proxy-check-progress');
    expect(progress.textContent).toContain('no password is sent');
    fireEvent.click(screen.getByTestId('proxy-check-cancel'));
    await screen.findByTestId('step-findings');
    expect(screen.getByTestId('proxy-check-note').getAttribute('data-status')).toBe('cancelled');
    expect(fake.channels()).toContain('proxy:cancel');
    expect(screen.getByTestId('finding-proxy-auth-basic')).toBeTruthy();
  });

  it('skipped proxies say so in the technician panel', async () => {
    const fake = fakeApi();
    fake.api['proxy:check'] = async () => ({
      ...(await fake.api['scan:run']()),
      proxyChecks: [proxyCheck([], { result: null, skipped: 'simulated PC: no test server for this proxy' })],
    });
    const { store } = renderApp({ fake });
    act(() => store.getState().setAudience('technician'));
    fireEvent.click(screen.getByTestId('start-scan'));
    const panel = await screen.findByTestId('proxy-answer');
    expect(panel.textContent).toContain('Not asked');
    expect(panel.textContent).toContain('no test server');
  });

  it('technicians can make a PRF instead, and see where it is and how to apply it', async () => {
    const fake = fakeApi();
    const { store } = renderApp({ fake });
    act(() => store.getState().setAudience('technician'));
    await act(async () => {
      await store.getState().scan();
      await store.getState().planSelected();
      store.getState().goTo('choose');
    });
    fireEvent.click(screen.getByTestId('make-prf'));
    const saved = await screen.findByTestId('prf-saved');
    expect(saved.textContent).toContain('/r/Outlook-ntlm.prf');
    expect(screen.getByTestId('prf-command').textContent).toBe(
      'outlook.exe /importprf "/r/Outlook-ntlm.prf"',
    );
    expect(screen.getByTestId('prf-text').tagName).toBe('PRE');
    expect(screen.getByTestId('prf-text').textContent).toContain('RPCProxyAuthScheme=2');
  });

  it('offers no PRF when the proxy refuses NTLM, nor to end users', async () => {
    const { store } = renderApp({ fake: fakeApi({ proxy: 'no-ntlm' }) });
    act(() => store.getState().setAudience('technician'));
    await act(async () => {
      await store.getState().scan();
      store.getState().goTo('choose');
    });
    expect(screen.queryByTestId('make-prf')).toBeNull();
    cleanup();
    const other = renderApp();
    await act(async () => {
      await other.store.getState().scan();
      other.store.getState().goTo('choose');
    });
    expect(screen.queryByTestId('make-prf')).toBeNull();
  });
});

describe('server troubleshooter', () => {
  async function openServer(fake = fakeApi()) {
    const writeClipboard = vi.fn(async () => undefined);
    const ctx = renderApp({ fake, deps: { writeClipboard } });
    fireEvent.click(screen.getByTestId('nav-server'));
    await screen.findByTestId('guide-kb914137');
    return { ...ctx, writeClipboard };
  }

  it('opens from the header with its heading focused, lists guides and events', async () => {
    await openServer();
    const view = screen.getByTestId('view-server');
    expect(document.activeElement).toBe(within(view).getByTestId('step-heading'));
    for (const id of ['exprox-1000', 'kb914137', 'owa-71', 'kb183545'])
      expect(screen.getByTestId(`guide-${id}`)).toBeTruthy();
    const events = await screen.findAllByTestId('server-event');
    expect(events.map((e) => e.getAttribute('data-guide'))).toEqual(['exprox-1000', 'owa-71']);
    expect(events[0]!.textContent).toContain('EXPROX, event 1000 — 1 in the log');
    expect(events[0]!.textContent).toContain('Fell back to NTLM.');
    expect(screen.queryByTestId('step-rail')).toBeNull();
  });

  it('jumps from an event to its guide, and back', async () => {
    await openServer();
    const [first] = await screen.findAllByTestId('server-event');
    fireEvent.click(within(first!).getByTestId('event-open'));
    const guide = screen.getByTestId('guide-view');
    expect(guide.getAttribute('data-guide')).toBe('exprox-1000');
    expect(document.activeElement).toBe(screen.getByTestId('guide-title'));
    expect(screen.getByTestId('guide-symptom').textContent).toBe('Symptom of exprox-1000');
    expect(within(screen.getByTestId('guide-checks')).getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('guide-back'));
    expect(screen.queryByTestId('guide-view')).toBeNull();
    expect(screen.getByTestId('guide-owa-71')).toBeTruthy();
  });

  it('typing an event ID selects the guide; an unknown one says so', async () => {
    await openServer();
    const input = screen.getByTestId('event-id');
    fireEvent.change(input, { target: { value: '71' } });
    expect(screen.getByTestId('guide-view').getAttribute('data-guide')).toBe('owa-71');
    fireEvent.click(screen.getByTestId('guide-back'));
    const again = screen.getByTestId('event-id');
    fireEvent.change(again, { target: { value: '4625' } });
    fireEvent.submit(again.closest('form')!);
    expect(screen.getByTestId('event-no-match').textContent).toContain('4625');
  });

  it('fills the names into the commands and copies a command', async () => {
    const { writeClipboard, fake } = await openServer();
    fireEvent.click(screen.getByTestId('guide-kb914137'));
    const cmds = () =>
      screen.getAllByTestId('guide-command').map((c) => c.querySelector('pre code')!.textContent);
    expect(cmds()).toEqual(['setspn -L <SERVER>', 'setspn -S SMTPSVC/<FQDN> <SERVER>']);
    fireEvent.change(screen.getByTestId('guide-server'), { target: { value: 'EXCH01' } });
    fireEvent.change(screen.getByTestId('guide-fqdn'), { target: { value: ' smtp.contoso.com ' } });
    fireEvent.click(screen.getByTestId('guide-fill'));
    await waitFor(() =>
      expect(cmds()).toEqual(['setspn -L EXCH01', 'setspn -S SMTPSVC/smtp.contoso.com EXCH01']),
    );
    expect(fake.calls.filter((c) => c.channel === 'server:guides').at(-1)?.args).toEqual([
      { locale: 'en', server: 'EXCH01', fqdn: 'smtp.contoso.com' },
    ]);
    fireEvent.click(screen.getAllByTestId('copy-command')[1]!);
    await waitFor(() => expect(screen.getAllByTestId('copy-command-status')[1]!.textContent).toBe('Copied'));
    expect(writeClipboard).toHaveBeenCalledWith('setspn -S SMTPSVC/smtp.contoso.com EXCH01');
  });

  it('explains a refused name kindly, next to the field', async () => {
    await openServer();
    fireEvent.click(screen.getByTestId('guide-kb914137'));
    fireEvent.change(screen.getByTestId('guide-server'), { target: { value: 'EXCH01 & calc' } });
    fireEvent.click(screen.getByTestId('guide-fill'));
    const err = await screen.findByTestId('guide-params-error');
    expect(err.textContent).toContain('“EXCH01 & calc” is not a computer name');
    expect(screen.getByTestId('guide-server').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('error')).toBeNull();
  });

  it('adds the FQDN to BackConnectionHostNames after explaining the prompt, then History lists it', async () => {
    await openServer();
    fireEvent.click(screen.getByTestId('guide-kb914137'));
    expect(screen.getByTestId('backconnection-uac').textContent).toContain('administrator prompt');
    expect((screen.getByTestId('add-backconnection') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('guide-fqdn'), { target: { value: 'smtp.contoso.com' } });
    fireEvent.click(screen.getByTestId('guide-fill'));
    await waitFor(() =>
      expect((screen.getByTestId('add-backconnection') as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId('add-backconnection'));
    const result = await screen.findByTestId('backconnection-result');
    expect(result.getAttribute('data-state')).toBe('applied');
    expect(screen.getByTestId('iisadmin-reminder').textContent).toContain('IIS Admin');
    fireEvent.click(screen.getByTestId('backconnection-history'));
    const row = await screen.findByTestId('history-row');
    expect(row.textContent).toContain('BackConnectionHostNames');
    expect(screen.getByTestId('nav-wizard').textContent).toBe('Back to server problems');
  });

  it('re-fetches the guides when the language changes', async () => {
    const { fake } = await openServer();
    fireEvent.change(screen.getByTestId('language'), { target: { value: 'zh-CN' } });
    await waitFor(() => expect(screen.getByTestId('guide-kb914137').textContent).toContain('指南 kb914137'));
    expect(fake.calls.filter((c) => c.channel === 'server:guides').at(-1)?.args).toEqual([
      { locale: 'zh-CN' },
    ]);
    expect(screen.getByTestId('nav-server').textContent).toContain('服务器问题');
  });
});
