import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from '../electron/core/causes/text/en.json';
import zhCN from '../electron/core/causes/text/zh-CN.json';
import { expect, test, type Wizard } from './support/wizard';

// Issue 13 in the wizard, in both languages: an undoable cause fix ("always prompt" cleared, then
// undone from History) and a saved sign-in removed (said before, and in History, to be final).
const LANGUAGES = [
  {
    locale: 'en',
    texts: en,
    ui: {
      cannotUndo: 'Cannot be undone',
      alwaysPromptOff: '"Always prompt" switched off',
      promptOn: 'always asks for the password',
      promptOff: 'uses the Windows sign-in',
    },
  },
  {
    locale: 'zh-CN',
    texts: zhCN,
    ui: {
      cannotUndo: '无法撤消',
      alwaysPromptOff: '已关闭“始终提示”',
      promptOn: '始终要求输入密码',
      promptOff: '使用 Windows 登录',
    },
  },
] as const;

const SSPI = 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com';
const PROXY = 'outlook.contoso.com';

async function begin(w: Wizard, locale: string): Promise<void> {
  const { page } = w;
  await page.getByTestId('language').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
}

for (const { locale, texts, ui } of LANGUAGES) {
  test(`"Always prompt" switched off, Outlook restarted, then undone from History (${locale})`, async ({
    openWizard,
  }) => {
    const w = await openWizard('xp-outlook2003-always-prompt');
    const { page } = w;
    await begin(w, locale);
    const card = page.getByTestId('finding-prompt-always-on');
    await expect(card.getByRole('heading')).toHaveText(texts.findings['prompt-always-on'].title);
    await expect(card.getByTestId('cause-offered')).toHaveText(texts.fixes['prompt-always-off'].label);
    await expect(card.getByTestId('cause-source')).toContainText('POLICY-PROMPT');
    await w.shot(`findings-always-prompt-${locale}`);
    await page.getByTestId('findings-next').click();

    await w.step('step-settings');
    const change = page.getByTestId('cause-change');
    await expect(change).toContainText(texts.fixes['prompt-always-off'].label);
    await expect(change.getByTestId('cause-now')).toHaveText(ui.promptOn);
    await expect(change.getByTestId('cause-then')).toHaveText(ui.promptOff);
    await w.shot(`settings-always-prompt-${locale}`);
    await page.getByTestId('settings-next').click();
    await page.getByTestId('choose-auto').click();

    await w.step('step-prepare');
    await page.getByTestId('apply-now').click();
    await w.step('step-apply');
    await expect(page.getByTestId('apply-step-verify')).toHaveAttribute('data-state', 'done');
    await page.getByTestId('apply-next').click();
    await w.step('step-restart');
    await page.getByTestId('restart-outlook').click();
    await page.getByTestId('restart-next').click();
    await w.step('step-verify');
    await expect(page.getByTestId('verify-ok')).toBeVisible();
    await expect(page.getByTestId('verify-table').locator('tr[data-row^="prompt-"] td')).toHaveText([
      ui.promptOn,
      '→',
      ui.promptOff,
    ]);
    await w.shot(`verify-always-prompt-${locale}`);

    await page.getByTestId('nav-history').click();
    await w.step('view-history');
    const row = page.getByTestId('history-row').first();
    await expect(row).toContainText(ui.alwaysPromptOff);
    await expect(row.getByTestId('history-removal')).toHaveCount(0);
    // Outlook runs again after the restart: the undo waits until it is closed, and says so.
    await row.getByTestId('history-undo').click();
    await expect(page.getByTestId('history-result')).toHaveAttribute('data-status', 'blocked');
    await page.getByTestId('demo-outlook').uncheck();
    await page.getByTestId('history-row').first().getByTestId('history-undo').click();
    await expect(page.getByTestId('history-result')).toHaveAttribute('data-status', 'rolled-back');
    await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-state', 'rolled-back');
    await w.shot(`history-always-prompt-undone-${locale}`);

    // The simulated PC has the bit back: a new scan finds the setting on again.
    await page.getByTestId('nav-wizard').click();
    await page.getByTestId('start-scan').click();
    await w.step('step-findings');
    await expect(page.getByTestId('finding-prompt-always-on')).toBeVisible();
  });

  test(`a saved sign-in removed after a plain warning, marked not undoable in History (${locale})`, async ({
    openWizard,
  }) => {
    const w = await openWizard('win10-outlook2016-saved-credentials');
    const { page } = w;
    await begin(w, locale);
    const card = page.getByTestId('finding-saved-credentials');
    await expect(card.getByRole('heading')).toHaveText(texts.findings['saved-credentials'].title);
    await page.getByTestId('findings-next').click();

    await w.step('step-settings');
    const rows = page.getByTestId('credential-row');
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId('credential-pick').first()).not.toBeChecked();
    await expect(page.getByTestId('credential-pick').last()).not.toBeChecked();
    await expect(page.getByTestId('plan-skip')).toHaveAttribute('data-reason', 'none-picked');
    await page
      .locator(`[data-testid="credential-row"][data-target="${SSPI}"]`)
      .getByTestId('credential-pick')
      .check();
    await expect(page.getByTestId('credential-picked')).toBeVisible();
    await expect(page.getByTestId('plan-skip')).toHaveCount(0);
    await w.shot(`settings-credentials-${locale}`);
    await page.getByTestId('settings-next').click();

    await w.step('step-choose');
    await page.getByTestId('choose-auto').click();
    const dialog = page.getByTestId('confirm-removal');
    await expect(dialog).toContainText(
      texts.fixes['remove-saved-credentials'].confirm.replace('{count}', '1'),
    );
    await expect(dialog).toContainText(SSPI);
    await expect(page.getByTestId('confirm-removal-no')).toBeFocused();
    await w.shot(`confirm-removal-${locale}`);
    await page.getByTestId('confirm-removal-yes').click();

    await w.step('step-prepare');
    await expect(page.getByTestId('prepare-removal')).toContainText(SSPI);
    await page.getByTestId('apply-now').click();
    await w.step('step-apply');
    await expect(page.getByTestId('apply-step-remove')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('apply-removed')).toContainText(SSPI);
    await page.getByTestId('apply-next').click();
    await w.step('step-restart');
    await page.getByTestId('restart-outlook').click();
    await page.getByTestId('restart-next').click();
    await w.step('step-verify');
    await expect(page.getByTestId('verify-table').locator('tr[data-row="saved-credentials"] td')).toHaveText([
      '2',
      '→',
      '1',
    ]);

    await page.getByTestId('nav-history').click();
    await w.step('view-history');
    const row = page.getByTestId('history-row').first();
    await expect(row.getByTestId('history-removal')).toContainText(SSPI);
    await expect(row.getByTestId('history-removal')).toContainText(ui.cannotUndo);
    await expect(row.getByTestId('history-undo')).toHaveCount(0);
    await expect(row.getByTestId('history-no-undo')).toHaveText(ui.cannotUndo);
    await w.shot(`history-removal-${locale}`);

    // Gone from the simulated PC's store; the proxy's entry, not picked, is still there.
    const facts = JSON.parse(readFileSync(join(w.machineDir(), 'machine.json'), 'utf8')) as {
      savedCredentials: { targetName: string }[];
    };
    expect(facts.savedCredentials.map((c) => c.targetName)).not.toContain(SSPI);
    expect(facts.savedCredentials.map((c) => c.targetName)).toContain(PROXY);
  });
}

test('nothing found: what was checked, what to look at next, and the Authn column explained', async ({
  openWizard,
}) => {
  const w = await openWizard('xp-outlook2003-fixed');
  const { page } = w;
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
  await expect(page.getByTestId('step-heading')).toHaveText('No known cause found');
  const guidance = page.getByTestId('no-cause-guidance');
  await expect(guidance.getByTestId('guidance-checked')).toContainText(en.guidance.checked['prompt-setting']);
  await expect(guidance.getByTestId('guidance-steps').locator('li').first()).toHaveText(
    en.guidance.steps['connection-status'],
  );
  await page.getByTestId('authn-input').fill('Clear [Anonymous]');
  await expect(page.getByTestId('authn-reading')).toHaveAttribute('data-verdict', 'prompt');
  await expect(page.getByTestId('authn-reading')).toContainText(en.guidance.authn.CLEAR);
  await w.shot('nothing-found-authn-en');
  // The language can change at any time; the reading follows it.
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('authn-reading')).toContainText(zhCN.guidance.authn.CLEAR);
  await guidance.getByRole('button', { name: 'Bearer*' }).click();
  await expect(page.getByTestId('authn-reading')).toHaveAttribute('data-verdict', 'modern');
  await w.shot('nothing-found-authn-zh-CN');
});
