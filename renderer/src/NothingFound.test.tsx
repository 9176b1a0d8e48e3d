// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../electron/core/causes/text/en.json';
import zhCN from '../../electron/core/causes/text/zh-CN.json';
import type { Locale } from './contract';
import { fakeApi, sampleReport } from './test/fixtures';
import { renderApp } from './test/render-app';

afterEach(cleanup);

async function cleanPc(locale: Locale = 'en') {
  const fake = fakeApi({ reports: { before: sampleReport('xp-outlook2003-fixed') } });
  const ctx = renderApp({ fake, locale });
  await act(() => ctx.store.getState().init());
  await act(() => ctx.store.getState().start());
  return ctx;
}

describe('nothing found: what was checked and what to look at next', () => {
  it('lists the checks and the Connection Status steps instead of a bare "nothing to fix"', async () => {
    await cleanPc();
    expect(screen.getByTestId('step-heading').textContent).toBe('No known cause found');
    const g = screen.getByTestId('no-cause-guidance');
    const checked = within(g).getByTestId('guidance-checked');
    expect(checked.textContent).toContain(en.guidance.checked['logon-security']);
    expect(checked.querySelectorAll('li')).toHaveLength(6);
    const steps = [...within(g).getByTestId('guidance-steps').querySelectorAll('li')];
    expect(steps.map((s) => s.getAttribute('data-key'))).toEqual([
      'connection-status',
      'authn-column',
      'protocol-column',
      'proxy-not-asked',
      'credential-store-not-read',
    ]);
    expect(steps[0]!.textContent).toBe(en.guidance.steps['connection-status']);
  });

  it('explains what the person types or picks from the Authn column', async () => {
    await cleanPc();
    const input = screen.getByTestId('authn-input');
    fireEvent.change(input, { target: { value: 'Clear [Anonymous]' } });
    const reading = screen.getByTestId('authn-reading');
    expect(reading.getAttribute('data-verdict')).toBe('prompt');
    expect(reading.textContent).toContain(en.guidance.authn.CLEAR);
    expect(reading.textContent).toContain('the connection inside it (in brackets)');
    fireEvent.click(screen.getByRole('button', { name: 'Bearer*' }));
    expect(screen.getByTestId('authn-reading').getAttribute('data-verdict')).toBe('modern');
    fireEvent.change(input, { target: { value: 'Passwort' } });
    expect(screen.getByTestId('authn-reading').textContent).toContain(
      '“Passwort” is not a value Outlook shows in this column',
    );
    fireEvent.change(input, { target: { value: '' } });
    expect(screen.queryByTestId('authn-reading')).toBeNull();
  });

  it('speaks Chinese', async () => {
    await cleanPc('zh-CN');
    const g = screen.getByTestId('no-cause-guidance');
    expect(g.textContent).toContain(zhCN.guidance.steps['authn-column']);
    fireEvent.click(within(g).getByRole('button', { name: 'NTLM' }));
    const reading = screen.getByTestId('authn-reading');
    expect(reading.getAttribute('data-verdict')).toBe('windows');
    expect(reading.textContent).toContain(zhCN.guidance.authn.NTLM);
  });

  it('is not shown when something was found', async () => {
    const fake = fakeApi({ reports: { before: sampleReport('xp-outlook2003-always-prompt') } });
    const ctx = renderApp({ fake });
    await act(() => ctx.store.getState().start());
    expect(screen.queryByTestId('no-cause-guidance')).toBeNull();
  });
});
