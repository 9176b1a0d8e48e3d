// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../electron/core/causes/text/en.json';
import zhCN from '../../electron/core/causes/text/zh-CN.json';
import type { ChangePlan, CredentialPick, DiagnosisReport, Locale } from './contract';
import { credentialPlan, PROMPT_PLAN } from './test/cause-fixtures';
import { fakeApi, sampleReport, type SampleReportName } from './test/fixtures';
import { renderApp } from './test/render-app';

afterEach(cleanup);

const SSPI = 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com';
const PROXY = 'outlook.contoso.com';

async function pc(
  before: SampleReportName | DiagnosisReport,
  opts: {
    after?: SampleReportName | DiagnosisReport;
    plan?: ChangePlan | ((c: readonly CredentialPick[]) => ChangePlan);
    locale?: Locale;
    technician?: boolean;
  } = {},
) {
  const fake = fakeApi({
    reports: {
      before: typeof before === 'string' ? sampleReport(before) : before,
      ...(opts.after
        ? { after: typeof opts.after === 'string' ? sampleReport(opts.after) : opts.after }
        : {}),
    },
    plan: opts.plan,
  });
  const ctx = renderApp({ fake, locale: opts.locale });
  await act(() => ctx.store.getState().init());
  if (opts.technician) act(() => ctx.store.getState().setAudience('technician'));
  await act(() => ctx.store.getState().start());
  return ctx;
}

function planCalls(fake: ReturnType<typeof fakeApi>) {
  return fake.calls.filter((c) => c.channel === 'fix:plan').map((c) => c.args[0]);
}

describe('Findings for the other causes of prompts', () => {
  it('every cause on the XP PC is shown in the core words, with its source and what it offers', async () => {
    await pc('xp-outlook2003-causes', { technician: true });
    const prompt = screen.getByTestId('finding-prompt-always-on');
    expect(within(prompt).getByRole('heading').textContent).toBe(en.findings['prompt-always-on'].title);
    expect(prompt.textContent).toContain(en.findings['prompt-always-on'].why);
    expect(within(prompt).getByTestId('cause-offered').textContent).toBe(en.fixes['prompt-always-off'].label);
    expect(within(prompt).getByTestId('cause-source').textContent).toBe('Source: POLICY-PROMPT');

    const kerberos = screen.getByTestId('finding-logon-kerberos-only');
    expect(kerberos.textContent).toContain('connects through the Internet (mail.contoso.com)');
    // Outlook 2003 off the domain: NTLM is what the core recommends, and what is offered.
    expect(within(kerberos).getByTestId('cause-offered').textContent).toBe(en.fixes['logon-ntlm'].label);

    // Microsoft 365: a new profile on a supported Outlook, never a switch to NTLM.
    const cloud = screen.getByTestId('finding-exchange-online-rpc');
    expect(cloud.textContent).toContain('outlook.office365.com');
    expect(cloud.textContent).toContain(en.findings['exchange-online-rpc'].next);
    expect(within(cloud).queryByTestId('cause-offered')).toBeNull();
    expect(within(cloud).getByTestId('cause-not-offered').getAttribute('data-reason')).toBe('cloud');

    // Damaged values are explained, never offered.
    const damaged = screen.getAllByTestId('finding-cause-value-unreadable');
    expect(damaged).toHaveLength(2);
    expect(damaged[0]!.textContent).toContain('PT_LONG needs 4 bytes, found 2');
    expect(within(damaged[0]!).getByTestId('cause-not-offered').getAttribute('data-reason')).toBe(
      'unreadable',
    );
    // The technician sees the raw facts beside the words.
    const raw = prompt.querySelector('dl.raw')!;
    expect(raw.textContent).toContain('prompt-always-on');
    expect(raw.textContent).toContain('flags12');
  });

  it('policy-set values are explained and not offered; no fix is selected for them', async () => {
    const { store } = await pc('win7-outlook2013-policies');
    for (const id of ['prompt-always-policy', 'logon-policy-kerberos']) {
      const card = screen.getAllByTestId(`finding-${id}`)[0]!;
      expect(within(card).getByTestId('cause-not-offered').getAttribute('data-reason')).toBe('policy');
      expect(within(card).queryByTestId('cause-offered')).toBeNull();
    }
    expect(screen.getAllByTestId('finding-prompt-always-policy')[0]!.textContent).toContain(
      'PromptForCredentials = 1 under HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\15.0\\Outlook\\Security',
    );
    expect(store.getState().selectedFixes).toEqual(['modern-auth-2013-on', 'msoauth-autodiscover-on']);
  });

  it('speaks Chinese from the core Chinese texts', async () => {
    await pc('win10-outlook2016-cloud', { locale: 'zh-CN' });
    const card = screen.getByTestId('finding-mapi-http-disabled');
    expect(within(card).getByRole('heading').textContent).toBe(zhCN.findings['mapi-http-disabled'].title);
    expect(within(card).getByTestId('cause-source').textContent).toBe('来源：KB2937684');
    expect(
      within(screen.getByTestId('finding-exchange-online-rpc')).getByTestId('cause-not-offered').textContent,
    ).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('"Always prompt" switched off: planned, applied, restarted, undone', () => {
  it('Settings shows the flags before → after; Prepare waits for Outlook; History undoes it', async () => {
    const { store, fake } = await pc('xp-outlook2003-always-prompt', {
      after: 'xp-outlook2003-always-prompt.after-prompt-always-off',
      plan: PROMPT_PLAN,
    });
    expect(store.getState().selectedFixes).toEqual(['prompt-always-off']);
    await act(() => store.getState().planSelected());
    const change = screen.getByTestId('cause-change');
    expect(change.textContent).toContain(en.fixes['prompt-always-off'].label);
    expect(within(change).getByTestId('cause-now').textContent).toBe('always asks for the password');
    expect(within(change).getByTestId('cause-then').textContent).toBe('uses the Windows sign-in');
    // The stored bytes are for technicians, in the table of registry values.
    expect(screen.queryByText('REG_BINARY 8c 11 00 00')).toBeNull();
    act(() => store.getState().setAudience('technician'));
    const raw = screen.getByRole('table');
    expect(raw.textContent).toContain('REG_BINARY 8c 11 00 00');
    expect(raw.textContent).toContain('REG_BINARY 84 11 00 00');
    expect(screen.queryByTestId('credential-picker')).toBeNull();

    // A profile value: Outlook must be closed first.
    act(() => {
      fake.state.outlookRunning = true;
    });
    await act(() => store.getState().chooseMode('auto'));
    expect(screen.getByTestId('outlook-running-notice')).toBeTruthy();
    expect((screen.getByTestId('apply-now') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('step-prepare').textContent).toContain(
      `${en.fixes['prompt-always-off'].label} (profile Outlook)`,
    );
    act(() => {
      fake.state.outlookRunning = false;
    });
    await act(() => store.getState().checkOutlook());
    fireEvent.click(screen.getByTestId('apply-now'));
    await act(async () => {});
    expect(store.getState().outcome?.status).toBe('applied');
    expect(screen.getByTestId('apply-step-write').getAttribute('data-state')).toBe('done');
    expect(screen.queryByTestId('apply-step-remove')).toBeNull();
    fireEvent.click(screen.getByTestId('apply-next'));
    expect(screen.getByTestId('restart-outlook')).toBeTruthy();
    await act(() => store.getState().verify());
    expect(screen.getByTestId('verify-ok')).toBeTruthy();
    const account = PROMPT_PLAN.changes[0]!.account!;
    const cells = screen.getByTestId('verify-table').querySelector(`[data-row="prompt-${account}"]`)!;
    expect(cells.querySelector('th')!.textContent).toBe('“Always prompt” (profile Outlook)');
    expect([...cells.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'always asks for the password',
      '→',
      'uses the Windows sign-in',
    ]);

    await act(() => store.getState().openHistory());
    const row = screen.getByTestId('history-row');
    expect(row.textContent).toContain('"Always prompt" switched off');
    expect(within(row).queryByTestId('history-removal')).toBeNull();
    fireEvent.click(within(row).getByTestId('history-undo'));
    await act(async () => {});
    expect(screen.getByTestId('history-result').getAttribute('data-status')).toBe('rolled-back');
    expect(screen.queryByTestId('history-not-undone')).toBeNull();
  });
});

describe('saved sign-ins: a pick list, a plain confirmation, History says it cannot be undone', () => {
  it('lists the stale candidates only (never a token), none picked; each pick plans again', async () => {
    const { store, fake } = await pc('win10-outlook2016-saved-credentials', {
      plan: (c) => credentialPlan(c),
    });
    expect(store.getState().selectedFixes).toEqual(['remove-saved-credentials']);
    await act(() => store.getState().planSelected());
    const rows = screen.getAllByTestId('credential-row');
    expect(rows.map((r) => r.getAttribute('data-target'))).toEqual([SSPI, PROXY]);
    expect(rows[0]!.textContent).toContain('CONTOSO\\jsmith');
    expect(rows[1]!.textContent).toContain('Windows (domain password)');
    expect(rows[1]!.textContent).toContain('saved for the Exchange proxy outlook.contoso.com');
    const boxes = screen.getAllByTestId('credential-pick') as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([false, false]);
    // Nothing picked: nothing removed, and the plan says why.
    expect(planCalls(fake)).toEqual([{ fixes: ['remove-saved-credentials'] }]);
    expect(screen.getByTestId('plan-skip').getAttribute('data-reason')).toBe('none-picked');
    expect(screen.getByTestId('settings-next').textContent).not.toBe('Next');

    fireEvent.click(boxes[1]!);
    await act(async () => {});
    expect(planCalls(fake).at(-1)).toEqual({
      fixes: ['remove-saved-credentials'],
      credentials: [{ targetName: PROXY, type: 2 }],
    });
    expect(store.getState().plan?.removals.map((r) => r.targetName)).toEqual([PROXY]);
    expect(screen.getByTestId('credential-picked').textContent).toContain('cannot be undone');
    expect(screen.queryByTestId('plan-skip')).toBeNull();
    fireEvent.click(screen.getAllByTestId('credential-pick')[1]!);
    await act(async () => {});
    expect(store.getState().credentialPicks).toEqual([]);
  });

  it('asks before removing, saying it cannot be undone; apply removes; History offers no undo', async () => {
    const before = sampleReport('win10-outlook2016-saved-credentials');
    const after = {
      ...before,
      savedCredentials: before.savedCredentials!.filter((m) => m.credential.targetName !== SSPI),
    };
    const { store, fake } = await pc(before, { after, plan: (c) => credentialPlan(c) });
    await act(() => store.getState().planSelected());
    fireEvent.click(screen.getAllByTestId('credential-pick')[0]!);
    await act(async () => {});
    fireEvent.click(screen.getByTestId('settings-next'));
    fireEvent.click(screen.getByTestId('choose-auto'));
    const dialog = screen.getByTestId('confirm-removal');
    expect(dialog.textContent).toContain(
      'Remove the saved sign-ins you picked (1) from Windows. This cannot be undone',
    );
    expect(dialog.textContent).toContain('Outlook will ask for your password once');
    expect(dialog.textContent).toContain(SSPI);
    // Going back changes nothing and stays on Choose.
    fireEvent.click(screen.getByTestId('confirm-removal-no'));
    expect(screen.queryByTestId('confirm-removal')).toBeNull();
    expect(store.getState().step).toBe('choose');
    fireEvent.click(screen.getByTestId('choose-auto'));
    fireEvent.click(screen.getByTestId('confirm-removal-yes'));
    await act(async () => {});
    expect(store.getState().step).toBe('prepare');
    expect(screen.getByTestId('prepare-removal').textContent).toContain(`${SSPI} (cannot be undone)`);

    fireEvent.click(screen.getByTestId('apply-now'));
    await act(async () => {});
    const apply = fake.calls.find((c) => c.channel === 'fix:apply')!.args[0];
    expect(apply).toMatchObject({ credentials: [{ targetName: SSPI, type: 1 }] });
    expect(screen.getByTestId('apply-step-remove').getAttribute('data-state')).toBe('done');
    expect(screen.queryByTestId('apply-step-backup')).toBeNull();
    expect(screen.getByTestId('apply-removed').textContent).toContain(SSPI);
    expect(screen.getByTestId('apply-undo-partial').textContent).toBe(
      'This change cannot be undone: removed sign-ins cannot be put back.',
    );

    await act(() => store.getState().verify());
    const saved = screen.getByTestId('verify-table').querySelector('[data-row="saved-credentials"]')!;
    expect([...saved.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['2', '→', '1']);

    await act(() => store.getState().openHistory());
    const row = screen.getByTestId('history-row');
    expect(within(row).getByTestId('history-removal').textContent).toContain(
      `Saved sign-in removed: ${SSPI}`,
    );
    expect(within(row).getByTestId('history-removal').textContent).toContain('Cannot be undone');
    expect(within(row).queryByTestId('history-undo')).toBeNull();
    expect(within(row).getByTestId('history-no-undo')).toBeTruthy();
  });

  it('an undo of a mixed change puts the settings back and says the removal stays', async () => {
    const { store } = await pc('win10-outlook2016-saved-credentials', {
      plan: (c) => credentialPlan(c, PROMPT_PLAN),
    });
    act(() => store.getState().toggleFix('prompt-always-off', true));
    await act(() => store.getState().planSelected());
    await act(() => store.getState().toggleCredential({ targetName: PROXY, type: 2 }, true));
    await act(() => store.getState().chooseMode('auto'));
    await act(() => store.getState().apply());
    expect(store.getState().outcome?.status).toBe('applied');
    expect(screen.getByTestId('apply-undo-partial').textContent).toBe(
      'The settings can be undone from History; the removed sign-ins cannot.',
    );
    await act(() => store.getState().openHistory());
    const row = screen.getByTestId('history-row');
    expect(within(row).getByTestId('history-removal').getAttribute('data-removed')).toBe('true');
    fireEvent.click(within(row).getByTestId('history-undo'));
    await act(async () => {});
    expect(screen.getByTestId('history-result').getAttribute('data-status')).toBe('rolled-back');
    expect(screen.getByTestId('history-not-undone').textContent).toContain(
      `The removed saved sign-ins stay removed; nobody can put them back: ${PROXY}.`,
    );
  });
});
