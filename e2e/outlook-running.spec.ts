import { expect, test, walkToPrepare } from './support/wizard';

test('Outlook running: the wizard waits for it to close, then applies', async ({ openWizard }, info) => {
  test.skip(info.project.name === 'electron', 'needs the demo panel to close the simulated Outlook');
  const w = await openWizard('xp-outlook2003-outlook-running');
  const { page } = w;
  await walkToPrepare(w);

  await expect(page.getByTestId('outlook-running-notice')).toBeVisible();
  await expect(page.getByTestId('apply-now')).toBeDisabled();
  await w.shot('outlook-running');

  // The person closes Outlook (here: the demo's simulated Outlook); the wizard notices.
  await page.getByTestId('demo-outlook').uncheck();
  await page.getByTestId('outlook-check-again').click();
  await expect(page.getByTestId('outlook-running-notice')).toHaveCount(0);
  await expect(page.getByTestId('apply-now')).toBeEnabled();
  await w.shot('outlook-closed');
  await page.getByTestId('apply-now').click();
  await w.step('step-apply');
  await expect(page.getByTestId('apply-step-verify')).toHaveAttribute('data-state', 'done');
});
