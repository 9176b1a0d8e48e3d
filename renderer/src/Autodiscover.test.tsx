// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api/api-error';
import type { Locale } from './contract';
import {
  fakeApi,
  revertedAfterRestart,
  sampleReport,
  TWO_ACCOUNTS_BASIC,
  TWO_ACCOUNTS_PLAN,
  type FakeApiOptions,
} from './test/fixtures';
import { renderApp } from './test/render-app';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** win10-outlook2016-two-accounts: Outlook 2016, one account on Basic, one on NTLM. */
async function twoAccounts(
  opts: {
    technician?: boolean;
    locale?: Locale;
    fake?: FakeApiOptions;
    clip?: (s: string) => Promise<void>;
  } = {},
) {
  const fake = fakeApi({
    reports: { before: sampleReport('win10-outlook2016-two-accounts') },
    plan: TWO_ACCOUNTS_PLAN,
    ...opts.fake,
  });
  const ctx = renderApp({ fake, locale: opts.locale, deps: { writeClipboard: opts.clip } });
  await act(() => ctx.store.getState().init());
  if (opts.technician) act(() => ctx.store.getState().setAudience('technician'));
  await act(() => ctx.store.getState().start());
  return ctx;
}

const SET_2013 =
  'Get-OutlookAnywhere | Where-Object { "$($_.ExternalHostname)" -eq \'outlook.contoso.com\' -or "$($_.InternalHostname)" -eq \'outlook.contoso.com\' } | Set-OutlookAnywhere -ExternalClientAuthenticationMethod Ntlm -InternalClientAuthenticationMethod Ntlm';

describe('Autodiscover on Findings and Settings', () => {
  it('explains that Exchange can put Basic back, and who must act; commands only for technicians', async () => {
    const { store } = await twoAccounts();
    const panel = screen.getByTestId('autodiscover-notice');
    expect(panel.textContent).toContain('The Exchange server can switch this back to Basic');
    expect(panel.textContent).toContain('every time they start');
    expect(within(panel).getByTestId('autodiscover-profile').textContent).toBe(
      'Profile “Outlook” (Outlook 2016 or later): jsmith@contoso.com, helpdesk@fabrikam.com',
    );
    expect(panel.textContent).toContain('Only the Exchange administrator can make NTLM stick');
    expect(within(panel).queryByTestId('admin-commands')).toBeNull();
    act(() => store.getState().setAudience('technician'));
    // Folded away until the technician opens it.
    expect(within(panel).getByTestId('admin-details').hasAttribute('open')).toBe(false);
    const hosts = within(panel)
      .getAllByTestId('admin-commands')
      .map((c) => c.getAttribute('data-host'));
    expect(hosts).toEqual(['outlook.contoso.com', 'mail.fabrikam.com']);
  });

  it('technicians copy the Set-OutlookAnywhere command of their Exchange version', async () => {
    const clip = vi.fn(async () => undefined);
    await twoAccounts({ technician: true, clip });
    const contoso = screen.getAllByTestId('admin-commands')[0]!;
    const labels = [...contoso.querySelectorAll('.command-label')].map((l) => l.textContent);
    expect(labels).toEqual([
      'See what the server hands out',
      'Hand out NTLM — Exchange 2007 before SP1',
      'Hand out NTLM — Exchange 2007 SP1 to Exchange 2010',
      'Hand out NTLM — Exchange 2013 and later',
    ]);
    const copy = within(contoso).getAllByTestId('copy-command');
    expect(copy[3]!.getAttribute('aria-label')).toBe(
      'Copy the command: Hand out NTLM — Exchange 2013 and later',
    );
    fireEvent.click(copy[3]!);
    await waitFor(() => expect(clip).toHaveBeenCalledWith(SET_2013));
  });

  it('Settings repeats it for the account the plan switches to NTLM', async () => {
    const { store } = await twoAccounts();
    await act(() => store.getState().planSelected());
    const settings = screen.getByTestId('step-settings');
    expect(within(settings).getByTestId('autodiscover-notice')).toBeTruthy();
  });

  it('an Outlook 2003 profile has no Autodiscover: no notice', async () => {
    const fake = fakeApi({ reports: { before: sampleReport('xp-outlook2003-lm-string') } });
    const ctx = renderApp({ fake });
    await act(() => ctx.store.getState().start());
    expect(screen.queryByTestId('autodiscover-notice')).toBeNull();
  });
});

describe('Verify after Autodiscover switched it back', () => {
  it('says it went back to Basic, why and who must act, and offers nothing to apply again', async () => {
    const { store } = await twoAccounts({
      technician: true,
      fake: {
        reports: { before: sampleReport('win10-outlook2016-two-accounts'), after: revertedAfterRestart() },
      },
    });
    await act(() => store.getState().planSelected());
    await act(() => store.getState().apply());
    await act(() => store.getState().restartOutlook());
    await act(() => store.getState().verify());
    const notice = screen.getByTestId('autodiscover-reverted');
    expect(notice.textContent).toContain('The proxy sign-in went back to Basic');
    expect(notice.textContent).toContain(
      'The profile “Outlook” was switched to NTLM for outlook.contoso.com, and now it signs in with Basic again.',
    );
    expect(notice.textContent).toContain('Outlook 2016 or later takes this setting from the Exchange server');
    expect(notice.textContent).toContain('The switch is not offered again');
    expect(within(notice).getByTestId('admin-commands').getAttribute('data-host')).toBe(
      'outlook.contoso.com',
    );
    const verify = screen.getByTestId('step-verify');
    expect(within(verify).queryByTestId('verify-ok')).toBeNull();
    expect(within(verify).queryByRole('button', { name: /apply|fix/i })).toBeNull();
    // Checking again: the Basic finding explains why its fix is not offered.
    await act(() => store.getState().scan());
    const card = screen.getByTestId('finding-proxy-auth-basic');
    expect(card.textContent).toContain('Not offered again');
    expect(store.getState().selectedFixes).toEqual([]);
    expect(store.getState().report?.findings.find((f) => f.id === 'autodiscover-reverted')?.account).toBe(
      TWO_ACCOUNTS_BASIC,
    );
  });

  it('says it in Simplified Chinese', async () => {
    const { store } = await twoAccounts({
      locale: 'zh-CN',
      fake: {
        reports: { before: sampleReport('win10-outlook2016-two-accounts'), after: revertedAfterRestart() },
      },
    });
    await act(() => store.getState().planSelected());
    await act(() => store.getState().apply());
    await act(() => store.getState().verify());
    expect(screen.getByTestId('autodiscover-reverted').textContent).toContain(
      '代理登录方式又变回了基本身份验证',
    );
  });
});

describe('the PRF panel', () => {
  async function prfPanel(fake: FakeApiOptions, locale: Locale = 'en') {
    const { store } = await twoAccounts({ technician: true, locale, fake });
    await act(() => store.getState().planSelected());
    act(() => store.getState().goTo('choose'));
    fireEvent.click(screen.getByTestId('make-prf'));
    return store;
  }

  it('shows a refusal in plain words with the alternative, asked in the language on screen', async () => {
    const message =
      'The account on Basic (helpdesk@fabrikam.com) is not the first Exchange account of profile "Outlook". Use the wizard\'s own fix instead ("Fix it for me").';
    const store = await prfPanel({ prf: { refusal: new ApiError('blocked', message) } }, 'zh-CN');
    const refused = await screen.findByTestId('prf-refused');
    expect(refused.textContent).toContain('未生成 PRF 文件');
    expect(refused.textContent).toContain(message);
    expect(screen.queryByTestId('prf-saved')).toBeNull();
    expect(store.getState().error).toBeNull();
  });

  it('names the accounts a PRF cannot reach', async () => {
    await prfPanel({ prf: { notCovered: ['helpdesk@fabrikam.com'] } });
    const note = await screen.findByTestId('prf-not-covered');
    expect(note.textContent).toBe(
      "Only the first Exchange account (jsmith@contoso.com) is in this file. These accounts of the profile also sign in with Basic, and need the wizard's own fix (“Fix it for me”): helpdesk@fabrikam.com.",
    );
  });
});
