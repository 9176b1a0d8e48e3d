// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from './contract';
import { manualSteps } from './steps/manual-steps';
import { fakeApi, LM_STRING_PLAN, NO_NTLM, sampleReport } from './test/fixtures';
import { renderApp } from './test/render-app';

afterEach(cleanup);

/** xp-outlook2003-lm-string: LmCompatibilityLevel is REG_SZ "2"; after lmcompat-3, REG_DWORD 3. */
async function lmStringPc(opts: { technician?: boolean; locale?: Locale } = {}) {
  const fake = fakeApi({
    reports: {
      before: sampleReport('xp-outlook2003-lm-string'),
      after: sampleReport('xp-outlook2003-lm-string.after-lmcompat-3'),
    },
    plan: LM_STRING_PLAN,
  });
  const ctx = renderApp({ fake, locale: opts.locale });
  await act(() => ctx.store.getState().init());
  if (opts.technician) act(() => ctx.store.getState().setAudience('technician'));
  await act(() => ctx.store.getState().start());
  return ctx;
}

describe('LmCompatibilityLevel stored as text', () => {
  it('Findings shows the value as it is stored, and that the level in effect is unknown', async () => {
    const { store } = await lmStringPc({ technician: true });
    const card = screen.getByTestId('finding-lm-level-invalid');
    expect(card.textContent).toContain('holds “2”, stored as text');
    expect(card.textContent).toContain('not known whether Windows still sends the old LAN Manager answer');
    expect(card.textContent).toContain('replaced by level 3');
    expect(card.textContent).toContain('This is not a lowering');
    expect(card.textContent).toContain('Undo puts back exactly the value that is there now');
    // lmcompat-2 refuses an invalid value: the technician gets no choice of levels.
    expect(screen.queryByRole('radio')).toBeNull();
    expect(store.getState().selectedFixes).toEqual(['lmcompat-3']);
  });

  it('Settings marks no level as "now", shows the stored value, and level 3 after the fix', async () => {
    const { store } = await lmStringPc({ technician: true });
    await act(() => store.getState().planSelected());
    const unknown = screen.getByTestId('lm-current-unknown');
    expect(unknown.getAttribute('data-kind')).toBe('invalid');
    expect(unknown.textContent).toContain('holds “2”, stored as text, which is not a level');
    expect(unknown.textContent).toContain('Stored as REG_SZ 2.');
    const levels = screen.getByTestId('lm-levels');
    expect(levels.getAttribute('data-current')).toBe('unknown');
    expect(levels.querySelector('[data-current="true"]')).toBeNull();
    expect(levels.querySelector('[data-proposed="true"]')?.getAttribute('data-level')).toBe('3');
    expect(screen.getByTestId('lm-replace').textContent).toContain(
      'Undo puts back exactly the value stored now',
    );
    const raw = screen.getByRole('table');
    expect(raw.textContent).toContain('REG_SZ "2"');
    expect(raw.textContent).toContain('REG_DWORD 0x00000003 (3)');
  });

  it('Prepare says the value is replaced, not raised; Verify shows "2" (not a level) → 3', async () => {
    const { store } = await lmStringPc();
    await act(() => store.getState().planSelected());
    await act(() => store.getState().chooseMode('auto'));
    expect(screen.getByTestId('step-prepare').textContent).toContain(
      'Windows sign-in level: replace the stored “2” with 3 (undo puts it back exactly)',
    );
    await act(() => store.getState().apply());
    expect(store.getState().outcome?.status).toBe('applied');
    await act(() => store.getState().restartWindowsLater());
    await act(() => store.getState().verify());
    const row = screen.getByTestId('verify-table').querySelector('[data-row="lm"]')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '“2” (not a level)',
      '→',
      '3',
    ]);
    expect(screen.getByTestId('verify-ok')).toBeTruthy();
  });

  it('History names the replacement and its undo brings "2" back, saying so', async () => {
    const { store } = await lmStringPc({ technician: true });
    await act(() => store.getState().planSelected());
    await act(() => store.getState().apply());
    await act(() => store.getState().openHistory());
    const row = screen.getByTestId('history-row');
    expect(row.textContent).toContain('Windows sign-in level set to 3, replacing “2” (not a level)');
    expect(row.textContent).toContain('LmCompatibilityLevel: REG_SZ "2" → REG_DWORD 0x00000003 (3)');
    fireEvent.click(within(row).getByTestId('history-undo'));
    const back = await screen.findByTestId('history-invalid-back');
    expect(back.textContent).toContain('holds “2” again, exactly as before');
    expect(back.textContent).toContain('the level in effect is unknown again');
  });

  it('the manual steps delete the text value and make a DWORD, since regedit cannot change its type', () => {
    const keys = manualSteps(LM_STRING_PLAN).map((s) => s.key);
    expect(keys).toContain('manual.registry.r3Text');
    expect(keys).not.toContain('manual.registry.r3');
  });

  it('says it in Simplified Chinese', async () => {
    await lmStringPc({ locale: 'zh-CN' });
    const card = screen.getByTestId('finding-lm-level-invalid');
    expect(card.textContent).toContain('保存的是“2”，形式为文本');
    expect(card.textContent).toContain('这不是降低安全级别');
  });
});

describe('invalid level variants', () => {
  it('held back, like a low level, while the proxy refuses NTLM and no account can use it', async () => {
    const base = sampleReport('xp-outlook2003-lm-string');
    const profile = base.profiles[0]!;
    const account = profile.accounts[0]!;
    const basic = { ...account, rpcOverHttp: { ...account.rpcOverHttp, authScheme: 'basic' as const } };
    const report = {
      ...base,
      profiles: [{ ...profile, accounts: [basic] }],
      findings: [
        {
          id: 'proxy-auth-basic' as const,
          severity: 'error' as const,
          kb: 'KB820281',
          profile: 'Outlook',
          account: account.section,
          fixes: [],
          facts: { proxyServer: 'mail.contoso.com', sslOnly: true },
        },
        base.findings[0]!,
        { ...NO_NTLM, account: account.section },
      ],
    };
    const ctx = renderApp({ fake: fakeApi({ reports: { before: report } }) });
    await act(() => ctx.store.getState().start());
    expect(screen.getByTestId('finding-lm-level-invalid').textContent).toContain(
      'Nothing is changed for now.',
    );
    expect(screen.getByTestId('finding-lm-level-invalid').textContent).toContain(
      'the proxy does not accept NTLM',
    );
    expect(ctx.store.getState().selectedFixes).toEqual([]);
  });

  it('an invalid value that does not matter yet, or that an undo could not restore, is not offered', async () => {
    const base = sampleReport('xp-outlook2003-lm-string');
    const finding = base.findings[0]!;
    const notNeeded = { ...base, findings: [{ ...finding, severity: 'info' as const, fixes: [] }] };
    const fake = fakeApi({ reports: { before: notNeeded } });
    const ctx = renderApp({ fake });
    await act(() => ctx.store.getState().start());
    expect(screen.getByTestId('finding-lm-level-invalid').textContent).toContain(
      'Nothing is changed for now',
    );
    cleanup();
    const binary = {
      ...base,
      findings: [
        { ...finding, fixes: [], facts: { type: 'REG_BINARY', data: '03 00 00 00', defaultLevel: 0 } },
      ],
    };
    const again = renderApp({ fake: fakeApi({ reports: { before: binary } }) });
    await act(() => again.store.getState().start());
    const card = screen.getByTestId('finding-lm-level-invalid');
    expect(card.textContent).toContain('stored as a value of type REG_BINARY');
    expect(card.textContent).toContain('set LmCompatibilityLevel to the number 3 (a DWORD value) by hand');
  });
});
