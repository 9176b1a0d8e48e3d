// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, Locale } from './contract';
import type { DownloadFile } from './store/download';
import { APPLIED, appInfo, COLLECTED_SERVER, COLLECTED_XP, fakeApi, recordOf } from './test/fixtures';
import { renderApp } from './test/render-app';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function start(info: Partial<AppInfo> = {}, locale: Locale = 'en') {
  const downloads: DownloadFile[] = [];
  const fake = fakeApi({ info: appInfo(info) });
  const ctx = renderApp({ fake, locale, deps: { download: (f) => downloads.push(f) } });
  await act(() => ctx.store.getState().init());
  return { ...ctx, downloads };
}

/** Welcome → Findings → Settings → Choose on the PC that is open. */
async function toChoose() {
  fireEvent.click(screen.getByTestId('start-scan'));
  fireEvent.click(await screen.findByTestId('findings-next'));
  fireEvent.click(await screen.findByTestId('settings-next'));
  await screen.findByTestId('step-choose');
}

describe('Another PC', () => {
  it('Welcome points a PC older than Windows 10 to it; collect.cmd downloads in the browser host', async () => {
    const { downloads } = await start();
    expect(screen.getByTestId('older-windows').textContent).toContain('older than Windows 10');
    fireEvent.click(screen.getByTestId('welcome-another'));
    const view = await screen.findByTestId('view-another');
    expect(document.activeElement).toBe(within(view).getByTestId('step-heading'));
    expect(screen.queryByTestId('step-rail')).toBeNull();
    fireEvent.click(screen.getByTestId('collect-script'));
    await waitFor(() =>
      expect(screen.getByTestId('collect-script-handed').textContent).toBe('Downloaded collect.cmd'),
    );
    expect(downloads.map((d) => d.name)).toEqual(['collect.cmd']);
    // The browser host uploads a folder; it has no picker of its own.
    expect(screen.getByTestId('upload-collected').getAttribute('webkitdirectory')).toBe('');
    expect(screen.queryByTestId('open-collected')).toBeNull();
    fireEvent.click(screen.getByTestId('another-back'));
    expect(await screen.findByTestId('step-welcome')).toBeTruthy();
  });

  it('Electron: saves collect.cmd and opens the folder through the main process picker', async () => {
    const { fake } = await start({ mode: 'electron' });
    fake.state.save = { kind: 'saved', path: 'C:\\Users\\tech\\Downloads\\collect.cmd' };
    fireEvent.click(screen.getByTestId('nav-another'));
    expect(screen.getByTestId('collect-script').textContent).toBe('Save collect.cmd…');
    fireEvent.click(screen.getByTestId('collect-script'));
    await waitFor(() =>
      expect(screen.getByTestId('collect-script-handed').textContent).toBe(
        'Saved to C:\\Users\\tech\\Downloads\\collect.cmd',
      ),
    );
    expect(screen.queryByTestId('upload-collected')).toBeNull();
    fireEvent.click(screen.getByTestId('open-collected'));
    // It opens, checks that PC and shows its findings under the banner.
    await screen.findByTestId('step-findings');
    expect(screen.getByTestId('collected-banner').textContent).toContain('XP-ACCT-07');
  });

  it('says why a picked folder was not sent', async () => {
    await start();
    fireEvent.click(screen.getByTestId('nav-another'));
    const kitFile = new File(['{}'], 'kit.json');
    fireEvent.change(screen.getByTestId('upload-collected'), { target: { files: [kitFile] } });
    const note = await screen.findByTestId('upload-note');
    expect(note.getAttribute('data-problem')).toBe('kit');
    expect(note.textContent).toContain('fix kit');
  });
});

describe('a collected PC on screen', () => {
  it('the banner says whose PC it is, when it was collected (its own clock) and that nothing here changes', async () => {
    await start({ collected: COLLECTED_XP });
    const banner = screen.getByTestId('collected-banner');
    expect(banner.textContent).toContain('You are looking at XP-ACCT-07, a collected PC');
    expect(screen.getByTestId('collected-who').textContent).toBe(
      "Collected as Windows user CONTOSO\\jsmith, on 2026-12-01 14:05:09 (that PC's own clock).",
    );
    expect(banner.textContent).toContain('Nothing on this computer is changed');
    expect(screen.getByTestId('collected-close')).toBeTruthy();
    // Welcome checks that PC, and does not point to Another PC while one is open.
    expect(screen.getByTestId('start-scan').textContent).toBe('Check XP-ACCT-07');
    expect(screen.queryByTestId('older-windows')).toBeNull();
  });

  it('a demo that started on the folder has nowhere to go back to; missing parts are said', async () => {
    await start({ collected: { ...COLLECTED_XP, canReturn: false, missing: ['HKEY_LOCAL_MACHINE\\X'] } });
    expect(screen.queryByTestId('collected-close')).toBeNull();
    expect(screen.getByTestId('collected-missing').textContent).toContain('HKEY_LOCAL_MACHINE\\X');
    // No simulated Outlook to open or close there.
    expect(screen.queryByTestId('demo-outlook')).toBeNull();
  });

  it('Choose offers a fix kit instead of fixing; the Kit page has the .zip and what to do with it', async () => {
    const { downloads, fake } = await start({ collected: COLLECTED_XP });
    await toChoose();
    expect(screen.queryByTestId('choose-auto')).toBeNull();
    fireEvent.click(screen.getByTestId('choose-kit'));
    const step = await screen.findByTestId('step-kit');
    expect(within(step).getByTestId('step-heading').textContent).toBe('Fix kit for XP-ACCT-07');
    expect(screen.getAllByTestId('kit-change').map((li) => li.getAttribute('data-kind'))).toEqual([
      'roh-auth-scheme',
      'lm-compatibility-level',
    ]);
    const who = screen.getByTestId('kit-who');
    expect(within(who).getByText(/run fix.cmd as CONTOSO\\jsmith/)).toBeTruthy();
    expect([...who.querySelectorAll('li[data-part]')].map((li) => li.getAttribute('data-part'))).toEqual([
      'user',
      'machine',
      'both',
    ]);
    expect(screen.getByTestId('kit-restarts').textContent).toContain('Restart Windows');
    expect(screen.getByTestId('kit-verify').textContent).toContain('"after" folder');
    fireEvent.click(screen.getByTestId('kit-download'));
    await waitFor(() => expect(screen.getByTestId('kit-handed').textContent).toMatch(/^Downloaded fix-kit-/));
    expect(downloads.map((d) => d.mime)).toEqual(['application/zip']);
    expect(fake.channels()).not.toContain('fix:apply');
    // Back to check the after folder.
    fireEvent.click(screen.getByTestId('kit-open-after'));
    expect(await screen.findByTestId('view-another')).toBeTruthy();
  });

  it('History lists the kit beside the changes, never undoable; this PC’s changes wait until it is closed', async () => {
    const { fake } = await start({ collected: COLLECTED_XP });
    fake.state.journal.unshift(recordOf(APPLIED, 'applied'));
    await toChoose();
    fireEvent.click(screen.getByTestId('choose-kit'));
    await screen.findByTestId('step-kit');
    fireEvent.click(screen.getByTestId('nav-history'));
    const row = await screen.findByTestId('history-kit-row');
    expect(row.textContent).toContain('Fix kit made for XP-ACCT-07');
    expect(row.textContent).toContain('Nothing changed on this PC');
    expect(within(row).queryByTestId('history-undo')).toBeNull();
    expect(screen.getAllByTestId('history-row')).toHaveLength(1);
    expect(screen.queryByTestId('history-undo')).toBeNull();
    expect(screen.getByTestId('history-collected-note')).toBeTruthy();
    fireEvent.click(within(row).getByTestId('history-kit-download'));
    await waitFor(() =>
      expect(within(row).getByTestId('history-kit-handed').textContent).toMatch(/^Downloaded/),
    );
  });

  it('a collected server opens in Server problems, and KB914137 makes a kit instead of a change', async () => {
    const { fake } = await start({ collected: COLLECTED_SERVER });
    expect(await screen.findByTestId('view-server')).toBeTruthy();
    fireEvent.click(await screen.findByTestId('guide-kb914137'));
    expect(screen.queryByTestId('add-backconnection')).toBeNull();
    const make = screen.getByTestId('make-backconnection-kit') as HTMLButtonElement;
    expect(make.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('guide-fqdn'), { target: { value: 'smtp.contoso.com' } });
    fireEvent.click(screen.getByTestId('guide-fill'));
    await waitFor(() => expect(make.disabled).toBe(false));
    expect(make.textContent).toContain('smtp.contoso.com');
    fireEvent.click(make);
    const ready = await screen.findByTestId('kit-ready');
    expect(ready.textContent).toContain('The fix kit for EXFE01 is ready');
    expect(within(ready).getByTestId('kit-restart-iis').textContent).toContain('IIS Admin');
    expect(fake.channels()).not.toContain('server:add-backconnection');
  });

  it('speaks Chinese too', async () => {
    await start({ collected: COLLECTED_XP }, 'zh-CN');
    expect(screen.getByTestId('collected-banner').textContent).toContain('您正在查看收集来的电脑 XP-ACCT-07');
    await toChoose();
    expect(screen.getByTestId('choose-kit').textContent).toContain('生成修复包');
  });

  it('the demo lists collected folders in their own group', async () => {
    await start();
    const select = screen.getByTestId('demo-scenario');
    const groups = [...select.querySelectorAll('optgroup')].map((g) => g.getAttribute('label'));
    expect(groups).toEqual(['Simulated PCs', 'Collected folders (read-only)']);
    expect(select.querySelector('optgroup:last-child option')!.textContent).toBe(
      'XP-ACCT-07: folder written by collect.cmd',
    );
  });
});
