import { expect, test } from './support/wizard';

// LmCompatibilityLevel created as REG_SZ "2": shown as stored, replaced by REG_DWORD 3, and the
// undo from History brings the text value back exactly (a new scan finds it again).
test('LmCompatibilityLevel stored as text: replaced by 3, and undone from History', async ({
  openWizard,
}) => {
  const w = await openWizard('xp-outlook2003-lm-string');
  const { page } = w;
  await page.getByTestId('audience-technician').click();
  await page.getByTestId('start-scan').click();

  await w.step('step-findings');
  const card = page.getByTestId('finding-lm-level-invalid');
  await expect(card).toContainText('holds “2”, stored as text');
  await expect(card).toContainText('This is not a lowering');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await w.shot('findings-invalid-level');
  await page.getByTestId('findings-next').click();

  await w.step('step-settings');
  await expect(page.getByTestId('lm-current-unknown')).toContainText('Stored as REG_SZ 2.');
  await expect(page.getByTestId('lm-levels')).toHaveAttribute('data-current', 'unknown');
  await expect(page.getByTestId('lm-levels').locator('[data-level="3"]')).toHaveAttribute(
    'data-proposed',
    'true',
  );
  await expect(page.getByTestId('lm-replace')).toBeVisible();
  await expect(page.locator('.raw-table')).toContainText('REG_SZ "2"');
  await w.shot('settings-invalid-level');
  await page.getByTestId('settings-next').click();
  await page.getByTestId('choose-auto').click();

  await w.step('step-prepare');
  await expect(page.getByTestId('step-prepare')).toContainText('replace the stored “2” with 3');
  await page.getByTestId('apply-now').click();
  await w.step('step-apply');
  await expect(page.getByTestId('apply-step-verify')).toHaveAttribute('data-state', 'done');
  await page.getByTestId('apply-next').click();
  await w.step('step-restart');
  await page.getByTestId('restart-windows-later').click();
  await page.getByTestId('restart-next').click();

  await w.step('step-verify');
  const lm = page.getByTestId('verify-table').locator('tr[data-row="lm"] td');
  await expect(lm).toHaveText(['“2” (not a level)', '→', '3']);
  await expect(page.getByTestId('verify-ok')).toBeVisible();
  await w.shot('verify-invalid-level');

  await page.getByTestId('nav-history').click();
  await w.step('view-history');
  const row = page.getByTestId('history-row').first();
  await expect(row).toContainText('Windows sign-in level set to 3, replacing “2” (not a level)');
  await expect(row).toContainText('REG_SZ "2" → REG_DWORD 0x00000003 (3)');
  await row.getByTestId('history-undo').click();
  await expect(page.getByTestId('history-invalid-back')).toContainText('holds “2” again, exactly as before');
  await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-state', 'rolled-back');
  await w.shot('history-invalid-level-undone');

  // The machine itself has the text value back: a new scan finds it as before.
  await page.getByTestId('nav-wizard').click();
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
  await expect(page.getByTestId('finding-lm-level-invalid')).toContainText('holds “2”, stored as text');
});
