// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from './test/fixtures';
import { renderApp } from './test/render-app';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function toSettings() {
  const ctx = renderApp();
  await act(() => ctx.store.getState().init());
  fireEvent.click(screen.getByTestId('start-scan'));
  await screen.findByTestId('step-findings');
  fireEvent.click(screen.getByTestId('findings-next'));
  await screen.findByTestId('step-settings');
  return ctx;
}

describe('wizard UI', () => {
  it('marks the current step in the rail with aria-current="step"', async () => {
    const { store } = renderApp();
    const rail = screen.getByTestId('step-rail');
    const current = () =>
      within(rail)
        .getAllByRole('listitem')
        .filter((li) => li.getAttribute('aria-current') === 'step');
    expect(within(rail).getAllByRole('listitem')).toHaveLength(10);
    expect(current()).toHaveLength(1);
    expect(current()[0]!.textContent).toContain('Welcome');
    await act(() => store.getState().scan());
    expect(current()).toHaveLength(1);
    expect(current()[0]!.textContent).toContain('Findings');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('3');
  });

  it('moves focus to the new step heading on every step change', async () => {
    const { store } = renderApp();
    expect(document.activeElement).toBe(screen.getByTestId('step-heading'));
    expect(document.activeElement?.closest('[data-testid="step-welcome"]')).not.toBeNull();
    fireEvent.click(screen.getByTestId('start-scan'));
    await screen.findByTestId('step-findings');
    const heading = screen.getByTestId('step-heading');
    expect(heading.tagName).toBe('H1');
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(heading);
    act(() => store.getState().goTo('choose'));
    expect(document.activeElement).toBe(screen.getByTestId('step-heading'));
    expect(document.activeElement?.closest('[data-testid="step-choose"]')).not.toBeNull();
  });

  it('shows each finding with what, why, change and its KB', async () => {
    renderApp();
    fireEvent.click(screen.getByTestId('start-scan'));
    const card = await screen.findByTestId('finding-proxy-auth-basic');
    expect(card.textContent).toContain('mail.contoso.com');
    expect(card.textContent).toContain('KB820281');
    expect(within(card).getByText('Why Outlook asks')).toBeTruthy();
    expect(screen.getByTestId('finding-lm-response-sent').textContent).toContain('level is 0');
  });

  it('shows the calm "nothing to fix" state when the scan is clean', async () => {
    const { store } = renderApp({ fake: fakeApi({ fixed: true }) });
    await act(() => store.getState().start());
    expect(screen.getByTestId('no-findings').textContent).toContain('should connect without asking');
    expect(screen.queryByTestId('findings-next')).toBeNull();
  });

  it('draws the proxy settings current vs proposed with only the authentication row highlighted', async () => {
    await toSettings();
    const current = screen.getByTestId('proxy-settings-current');
    const proposed = screen.getByTestId('proxy-settings-proposed');
    const changed = (el: HTMLElement) =>
      [...el.querySelectorAll('.proxy-row.changed')].map((r) => r.getAttribute('data-row'));
    expect(changed(current)).toEqual(['auth']);
    expect(changed(proposed)).toEqual(['auth']);
    expect(within(current).getByRole('combobox').textContent).toBe('Basic Authentication');
    expect(within(proposed).getByRole('combobox').textContent).toBe('NTLM Authentication');
    expect(current.textContent).toContain('https://mail.contoso.com');
    expect(within(current).getByLabelText('Connect using SSL only')).toHaveProperty('checked', true);
    const levels = screen.getByTestId('lm-levels');
    const li = within(levels).getAllByRole('listitem');
    expect(li).toHaveLength(6);
    expect(li[0]!.getAttribute('data-current')).toBe('true');
    expect(li[3]!.getAttribute('data-proposed')).toBe('true');
  });

  it('technicians see registry paths and raw values; end users do not', async () => {
    const { store } = await toSettings();
    expect(screen.queryByText(/PR_ROH_FLAGS/)).toBeNull();
    act(() => store.getState().setAudience('technician'));
    expect(screen.getAllByText('PR_ROH_FLAGS').length).toBeGreaterThan(0);
    expect(screen.getByText(/Lsa\\LmCompatibilityLevel/)).toBeTruthy();
  });

  it('shows technicians each value before and after in the words of the ticket report', async () => {
    const { store } = await toSettings();
    act(() => store.getState().setAudience('technician'));
    const cells = () =>
      [...document.querySelectorAll('.raw-table tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td code')].slice(1).map((c) => c.textContent),
      );
    expect(cells()).toEqual([
      ['REG_BINARY 01 00 00 00', 'REG_BINARY 02 00 00 00'],
      ['(absent)', 'REG_DWORD 0x00000003 (3)'],
    ]);
    act(() => store.getState().setLocale('zh-CN'));
    expect(cells()[1]).toEqual(['（不存在）', 'REG_DWORD 0x00000003 (3)']);
  });

  it('walks the manual path one checkbox at a time, prints, then verifies', async () => {
    const { fake } = await toSettings();
    fireEvent.click(screen.getByTestId('settings-next'));
    fireEvent.click(await screen.findByTestId('choose-manual'));
    await screen.findByTestId('step-manual');
    const boxes = screen
      .getAllByRole('checkbox')
      .filter((b) => b.getAttribute('data-testid')?.startsWith('manual-step-'));
    expect(boxes).toHaveLength(13);
    expect(screen.getByText(/0 of 13 steps done/)).toBeTruthy();
    const first = screen.getByTestId('manual-step-1') as HTMLInputElement;
    expect(first.closest('li')?.className).toContain('next');
    fireEvent.click(first);
    expect(first.checked).toBe(true);
    expect(screen.getByText(/1 of 13 steps done/)).toBeTruthy();
    expect(screen.getByTestId('manual-step-2').closest('li')?.className).toContain('next');
    expect(screen.getByText(/HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa/)).toBeTruthy();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    fireEvent.click(screen.getByTestId('manual-print'));
    expect(print).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('manual-done'));
    await screen.findByTestId('verify-table');
    expect(fake.channels()).not.toContain('fix:apply');
  });

  it('waits for Outlook to close before applying, and explains the administrator prompt', async () => {
    const fake = fakeApi({ outlookRunning: true });
    const { store } = renderApp({ fake });
    await act(async () => {
      await store.getState().scan();
      await store.getState().planSelected();
      await store.getState().chooseMode('auto');
    });
    expect(screen.getByTestId('outlook-running-notice')).toBeTruthy();
    expect(screen.getByTestId('uac-explainer').textContent).toContain('administrator');
    expect((screen.getByTestId('apply-now') as HTMLButtonElement).disabled).toBe(true);
    fake.state.outlookRunning = false;
    fireEvent.click(screen.getByTestId('outlook-check-again'));
    await waitFor(() => expect(screen.queryByTestId('outlook-running-notice')).toBeNull());
    expect((screen.getByTestId('apply-now') as HTMLButtonElement).disabled).toBe(false);
    expect(fake.channels()).not.toContain('demo:set-outlook');
  });

  it('explains a declined administrator prompt with "Try again"', async () => {
    const { store } = renderApp({ fake: fakeApi({ declined: true }) });
    await act(async () => {
      await store.getState().scan();
      await store.getState().planSelected();
      await store.getState().chooseMode('auto');
    });
    fireEvent.click(screen.getByTestId('apply-now'));
    const alert = await screen.findByTestId('apply-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('nothing was changed');
    expect(screen.getByTestId('apply-step-backup').getAttribute('data-state')).toBe('done');
    expect(screen.getByTestId('apply-step-write').getAttribute('data-state')).toBe('failed');
    expect(screen.getByTestId('apply-step-verify').getAttribute('data-state')).toBe('pending');
    expect(screen.queryByTestId('apply-next')).toBeNull();
    expect(screen.getByTestId('apply-retry')).toBeTruthy();
  });

  it('asks before restarting Windows and can be cancelled', async () => {
    const fake = fakeApi();
    const { store } = renderApp({ fake });
    await act(async () => {
      await store.getState().scan();
      await store.getState().planSelected();
      await store.getState().apply();
    });
    fireEvent.click(screen.getByTestId('apply-next'));
    await screen.findByTestId('step-restart');
    fireEvent.click(screen.getByTestId('restart-windows-now'));
    const dialog = screen.getByTestId('confirm-restart');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('confirm-restart-no'));
    fireEvent.click(screen.getByTestId('confirm-restart-no'));
    expect(screen.queryByTestId('confirm-restart')).toBeNull();
    expect(fake.channels()).not.toContain('windows:restart');
  });

  it('saves the report, shows the paths and says "Copied"', async () => {
    const writeClipboard = vi.fn(async () => undefined);
    const { store } = renderApp({ deps: { writeClipboard } });
    act(() => store.getState().goTo('report'));
    fireEvent.click(screen.getByTestId('save-report'));
    expect((await screen.findByTestId('report-saved')).textContent).toContain('/r/report.json');
    fireEvent.click(screen.getByTestId('copy-summary'));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toBe('Copied'));
    expect(writeClipboard).toHaveBeenCalledWith('Summary: fixed');
  });

  it('lists history and undoes a change with one click', async () => {
    const { store } = renderApp();
    await act(async () => {
      await store.getState().scan();
      await store.getState().planSelected();
      await store.getState().apply();
    });
    fireEvent.click(screen.getByTestId('nav-history'));
    const row = await screen.findByTestId('history-row');
    expect(row.getAttribute('data-state')).toBe('applied');
    expect(row.getAttribute('data-change-id')).toBe('20260101-000000-abcdef');
    fireEvent.click(within(row).getByTestId('history-undo'));
    expect((await screen.findByTestId('history-result')).textContent).toContain('undone');
    await waitFor(() =>
      expect(screen.getByTestId('history-row').getAttribute('data-state')).toBe('rolled-back'),
    );
    expect(screen.queryByTestId('history-undo')).toBeNull();
    // After an undo the wizard starts over: its earlier results no longer describe the PC.
    fireEvent.click(screen.getByTestId('nav-wizard'));
    expect(screen.getByTestId('step-welcome')).toBeTruthy();
  });

  it('switches the whole UI to Simplified Chinese', async () => {
    const { store } = renderApp();
    await act(() => store.getState().init());
    const select = screen.getByTestId('language') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['en', 'zh-CN']);
    fireEvent.change(select, { target: { value: 'zh-CN' } });
    await waitFor(() =>
      expect(screen.getByTestId('step-heading').textContent).toBe('让 Outlook 不再反复要求输入密码'),
    );
    expect(screen.getByTestId('start-scan').textContent).toBe('检查这台电脑');
    expect(screen.getByTestId('nav-history').textContent).toContain('历史记录');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(store.getState().locale).toBe('zh-CN');
  });

  it('shows the demo panel with the scenario picker and the Outlook switch', async () => {
    const fake = fakeApi();
    const { store } = renderApp({ fake });
    await act(() => store.getState().init());
    const picker = screen.getByTestId('demo-scenario') as HTMLSelectElement;
    expect(picker.value).toBe('xp-outlook2003-basic');
    fireEvent.change(picker, { target: { value: 'xp-outlook2003-fixed' } });
    await waitFor(() => expect(fake.channels()).toContain('demo:load-scenario'));
    const outlook = screen.getByTestId('demo-outlook') as HTMLInputElement;
    expect(outlook.checked).toBe(false);
    fireEvent.click(outlook);
    await waitFor(() => expect((screen.getByTestId('demo-outlook') as HTMLInputElement).checked).toBe(true));
    expect(fake.state.outlookRunning).toBe(true);
  });
});
