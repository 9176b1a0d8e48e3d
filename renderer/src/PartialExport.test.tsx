// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from './contract';
import { fakeApi, sampleReport, type SampleReportName } from './test/fixtures';
import { renderApp } from './test/render-app';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Scan a sample machine's export and land on Findings, as a technician or end user. */
async function findingsOf(
  name: SampleReportName,
  opts: { technician?: boolean; locale?: Locale; writeClipboard?: (s: string) => Promise<void> } = {},
) {
  const fake = fakeApi({ reports: { before: sampleReport(name) } });
  const ctx = renderApp({ fake, locale: opts.locale, deps: { writeClipboard: opts.writeClipboard } });
  await act(() => ctx.store.getState().init());
  if (opts.technician) act(() => ctx.store.getState().setAudience('technician'));
  await act(() => ctx.store.getState().start());
  return { ...ctx, step: screen.getByTestId('step-findings') };
}

describe('a partial export on Findings', () => {
  it('says up front that it is incomplete and what it lacks, and still shows what it found', async () => {
    const { step } = await findingsOf('xp-outlook2003-hkcu-only');
    const notice = within(step).getByTestId('coverage-incomplete');
    // Up front: before any finding.
    const cards = within(step).getAllByTestId(/^finding-/);
    expect(notice.compareDocumentPosition(cards[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(notice.textContent).toContain('This check is incomplete');
    expect([...notice.querySelectorAll('li[data-part]')].map((li) => li.getAttribute('data-part'))).toEqual([
      'officeInstall',
      'lsa',
      'osVersion',
      'policy',
    ]);
    expect(within(notice).getByTestId('install-unknown').textContent).toContain('result is uncertain');
    expect(screen.getByTestId('finding-proxy-auth-basic')).toBeTruthy();
    // End users are not handed registry commands.
    expect(within(notice).queryByTestId('copy-command')).toBeNull();
    expect(notice.textContent).toContain('technician view');
  });

  it('never says "nothing to fix" when nothing was found in what the export shows', async () => {
    const { step } = await findingsOf('xp-lsa-only-export');
    expect(screen.getByTestId('step-heading').textContent).toBe('Nothing found, but the check is incomplete');
    expect(screen.queryByTestId('no-findings')).toBeNull();
    expect(screen.getByTestId('no-findings-incomplete').textContent).toContain('not an all-clear');
    expect(step.textContent).not.toContain('Nothing to fix');
    expect(step.textContent).not.toContain('should connect without asking');
    expect(within(step).getByTestId('coverage-incomplete').textContent).toContain(
      'the Outlook profiles of the installed Outlook',
    );
    expect(screen.queryByTestId('findings-next')).toBeNull();
  });

  it('gives technicians the reg export lines that complete it, one copy for all, and the policy look-up', async () => {
    const writeClipboard = vi.fn(async () => undefined);
    await findingsOf('xp-lsa-only-export', { technician: true, writeClipboard });
    const notice = screen.getByTestId('coverage-incomplete');
    const commands = [...notice.querySelectorAll('pre code')].map((c) => c.textContent);
    const exports = commands[0]!.split('\n');
    expect(exports[0]).toBe(
      'reg export "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles" outlook-wms.reg /y',
    );
    expect(exports).toContain(
      'reg export "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion" windows-version.reg /y',
    );
    expect(exports.at(-1)).toMatch(/^copy \/b export\.reg\+.*export-complete\.reg$/);
    expect(commands).toContain('exproxy diagnose --hive export-complete.reg');
    expect(commands).toContain('gpresult /scope computer /z');
    // What the export does show is still stated: the stored level 0.
    expect(screen.getByTestId('machine-lm').textContent).toBe('0 (stored)');
    // The Windows version export carries Winlogon: the technician is warned before sending it.
    expect(notice.textContent).toContain('Winlogon');
    fireEvent.click(within(notice).getAllByTestId('copy-command')[0]!);
    await waitFor(() =>
      expect(within(notice).getAllByTestId('copy-command-status')[0]!.textContent).toBe('Copied'),
    );
    expect(writeClipboard).toHaveBeenCalledWith(exports.join('\n'));
  });

  it('names the user of an HKEY_USERS export; the SID itself only for technicians', async () => {
    const sid = 'S-1-5-21-1177238915-682003330-725345543-1004';
    const { store } = await findingsOf('xp-outlook2003-hku-export');
    expect(screen.getByTestId('user-hive').textContent).toContain("another Windows user's settings");
    expect(screen.getByTestId('user-hive').textContent).not.toContain(sid);
    act(() => store.getState().setAudience('technician'));
    expect(screen.getByTestId('user-hive').textContent).toContain(`HKEY_USERS\\${sid}`);
    expect(screen.getByTestId('machine-summary').textContent).toContain(sid);
    // Only the policy is unknown there: no export lines, but the policy look-up.
    const notice = screen.getByTestId('coverage-incomplete');
    expect([...notice.querySelectorAll('pre code')].map((c) => c.textContent)).toEqual([
      'gpresult /scope computer /z',
    ]);
  });

  it('a complete export shows no coverage notice', async () => {
    await findingsOf('win10-m365-c2r-leftover-wms', { technician: true });
    expect(screen.queryByTestId('coverage-incomplete')).toBeNull();
    expect(screen.getByTestId('no-findings')).toBeTruthy();
  });

  it('says it in Simplified Chinese too', async () => {
    await findingsOf('xp-lsa-only-export', { locale: 'zh-CN' });
    expect(screen.getByTestId('step-heading').textContent).toBe('没有发现问题，但检查并不完整');
    expect(screen.getByTestId('coverage-incomplete').textContent).toContain('这次检查并不完整');
    expect(screen.getByTestId('coverage-incomplete').textContent).toContain('已安装 Outlook 的配置文件');
  });
});

describe('the LAN Manager level an export does not show', () => {
  it('Settings claims no level and says why', async () => {
    const { store } = await findingsOf('xp-outlook2003-hkcu-only');
    await act(() => store.getState().planSelected());
    const unknown = screen.getByTestId('lm-current-unknown');
    expect(unknown.getAttribute('data-kind')).toBe('not-in-export');
    expect(unknown.textContent).toContain('does not include this setting');
    expect(screen.getByTestId('lm-levels').querySelector('[data-current="true"]')).toBeNull();
  });
});
