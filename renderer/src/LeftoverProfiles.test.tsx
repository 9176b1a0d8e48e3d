// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangePlan, DiagnosisReport, Locale } from './contract';
import { fakeApi, sampleReport, TWO_ACCOUNTS_PLAN } from './test/fixtures';
import { renderApp } from './test/render-app';

afterEach(cleanup);

async function scanOf(
  report: DiagnosisReport,
  opts: { technician?: boolean; locale?: Locale; plan?: ChangePlan } = {},
) {
  const fake = fakeApi({ reports: { before: report }, plan: opts.plan });
  const ctx = renderApp({ fake, locale: opts.locale });
  await act(() => ctx.store.getState().init());
  if (opts.technician) act(() => ctx.store.getState().setAudience('technician'));
  await act(() => ctx.store.getState().start());
  return ctx;
}

const C2R = 'win10-m365-c2r-leftover-wms';
const WMS_PATH =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook';

/** The C2R PC, but its live profile signs in with Basic too (so there is something to fix). */
function c2rLiveOnBasic(): DiagnosisReport {
  const r = sampleReport(C2R);
  const live = r.profiles.find((p) => p.status === 'live')!;
  const account = live.accounts[0]!;
  const basic = {
    ...account,
    rpcOverHttp: { ...account.rpcOverHttp, authScheme: 'basic' as const, authSchemeValue: 1 },
  };
  return {
    ...r,
    profiles: r.profiles.map((p) => (p === live ? { ...p, accounts: [basic] } : p)),
    findings: [
      {
        id: 'proxy-auth-basic',
        severity: 'error',
        kb: 'KB820281',
        profile: 'Outlook',
        account: account.section,
        fixes: ['proxy-auth-ntlm'],
        facts: { proxyServer: 'outlook.contoso.com', sslOnly: true },
      },
    ],
  };
}

describe('a Click-to-Run PC with a profile left over from Outlook 2010', () => {
  it('shows the leftover profile apart, on Basic yet not a finding, and says nothing is to fix', async () => {
    await scanOf(sampleReport(C2R));
    expect(screen.getByTestId('no-findings')).toBeTruthy();
    expect(screen.queryAllByTestId(/^finding-/)).toEqual([]);
    const panel = screen.getByTestId('leftover-profiles');
    const items = within(panel).getAllByTestId('leftover-profile');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toBe(
      '“Outlook” — left over from Outlook 2003–2010, not used by the installed Outlook',
    );
    expect(panel.textContent).toContain('never changes them');
    // Nothing to select: no fix, no PRF, no way on to Settings.
    expect(screen.queryByTestId('findings-next')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    // Raw detail only for technicians.
    expect(panel.textContent).not.toContain(WMS_PATH);
  });

  it('technicians see where it is, how it signs in, and the Click-to-Run install with its build', async () => {
    await scanOf(sampleReport(C2R), { technician: true });
    const item = screen.getByTestId('leftover-profile');
    expect(item.textContent).toContain(WMS_PATH);
    expect(item.textContent).toContain('jsmith@contoso.com: proxy sign-in Basic Authentication');
    const install = screen.getByTestId('installed-outlook');
    expect(install.getAttribute('data-install-type')).toBe('click-to-run');
    expect(install.textContent).toBe(
      'Outlook 2016 or later · 64-bit · Click-to-Run · build 16.0.17928.20114 · O365ProPlusRetail',
    );
    expect(screen.getByTestId('machine-summary').textContent).toContain('Windows 10 Pro');
    expect(screen.getByTestId('machine-lm').textContent).toBe('3 (Windows default, not set)');
  });

  it('never offers the leftover profile on Settings: the live one is drawn, the old one not listed', async () => {
    const report = c2rLiveOnBasic();
    const live = report.profiles.find((p) => p.status === 'live')!;
    const section = live.accounts[0]!.section;
    const change = TWO_ACCOUNTS_PLAN.changes[0]!;
    const plan = {
      ...TWO_ACCOUNTS_PLAN,
      changes: [{ ...change, account: section, path: `${live.keyPath}\\${section}` }],
    };
    const { store } = await scanOf(report, { plan });
    expect(store.getState().selectedFixes).toEqual(['proxy-auth-ntlm']);
    await act(() => store.getState().planSelected());
    const settings = screen.getByTestId('step-settings');
    expect(settings.textContent).toContain('https://outlook.contoso.com');
    expect(settings.textContent).not.toContain('mail.contoso.com');
    expect(settings.querySelector('.other-accounts')).toBeNull();
  });

  it('the Verify table compares the live profile only', async () => {
    const { store } = await scanOf(c2rLiveOnBasic());
    await act(() => store.getState().verify());
    const rows = [...screen.getByTestId('verify-table').querySelectorAll('tbody tr')].map((r) =>
      r.getAttribute('data-row'),
    );
    const live = sampleReport(C2R).profiles.find((p) => p.status === 'live')!.accounts[0]!.section;
    expect(rows).toEqual([`auth-${live}`, 'lm', 'problems']);
  });

  it('with leftover profiles only, "no profiles" says the installed Outlook has none here', async () => {
    const r = sampleReport(C2R);
    await scanOf({
      ...r,
      profiles: r.profiles.filter((p) => p.status === 'leftover'),
      findings: [
        {
          id: 'no-outlook-profiles',
          severity: 'info',
          kb: 'KB820281',
          profile: null,
          account: null,
          fixes: [],
          facts: { leftoverProfiles: 1 },
        },
      ],
    });
    const card = screen.getByTestId('finding-no-outlook-profiles');
    expect(card.getAttribute('data-text')).toBe('no-live-profiles');
    expect(card.textContent).toContain('The installed Outlook has no profile here');
    expect(card.textContent).toContain('The 1 profile(s) found are left over from an older Outlook.');
    expect(screen.getByTestId('leftover-profiles')).toBeTruthy();
  });

  it('an MSI install is named as such, in Chinese too', async () => {
    await scanOf(sampleReport('xp-outlook2003-lm-string'), { technician: true, locale: 'zh-CN' });
    expect(screen.getByTestId('installed-outlook').textContent).toBe(
      'Outlook 2003 · 32 位 · Windows Installer（MSI）',
    );
    expect(screen.getByTestId('machine-lm').textContent).toBe('“2”（不是有效级别）');
  });

  it('end users get no machine summary', async () => {
    await scanOf(sampleReport(C2R));
    expect(screen.queryByTestId('machine-summary')).toBeNull();
  });
});
