import { expect, test, walkToPrepare } from './support/wizard';

test('declined administrator prompt: explained, nothing left half-done', async ({ openWizard }) => {
  const w = await openWizard('xp-outlook2003-uac-declined');
  const { page } = w;
  await page.getByTestId('audience-enduser').click();
  await walkToPrepare(w);
  await expect(page.getByTestId('uac-explainer')).toBeVisible();
  await page.getByTestId('apply-now').click();

  await w.step('step-apply');
  const error = page.getByTestId('apply-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('apply-retry')).toBeVisible();
  await w.shot('declined');

  // The profile change was undone with the rest: the history shows no applied change.
  await page.getByTestId('nav-history').click();
  await w.step('view-history');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).not.toHaveAttribute('data-state', 'applied');
  await expect(page.getByTestId('history-undo')).toHaveCount(0);
  await w.shot('history');
});
