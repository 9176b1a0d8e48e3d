import { expect, test, walkToPrepare } from './support/wizard';

test('undo from History restores the previous settings', async ({ openWizard }) => {
  const w = await openWizard('xp-outlook2003-basic');
  const { page } = w;
  await walkToPrepare(w);
  await page.getByTestId('apply-now').click();
  await expect(page.getByTestId('apply-step-verify')).toHaveAttribute('data-state', 'done');

  await page.getByTestId('nav-history').click();
  await w.step('view-history');
  const row = page.getByTestId('history-row').first();
  await expect(row).toHaveAttribute('data-state', 'applied');
  await w.shot('history-before-undo');
  await row.getByTestId('history-undo').click();
  await expect(page.getByTestId('history-result')).toBeVisible();
  await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-state', 'rolled-back');
  await w.shot('history-after-undo');

  // Back in the wizard, a new scan finds Basic sign-in again.
  await page.getByTestId('nav-wizard').click();
  await page.getByTestId('start-scan').click();
  await expect(page.getByTestId('finding-proxy-auth-basic')).toBeVisible();
});
