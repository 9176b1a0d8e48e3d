import { expect, test } from './support/wizard';

test('"Show me how": manual steps one at a time with check boxes, printable', async ({ openWizard }) => {
  const w = await openWizard('xp-outlook2003-basic');
  const { page } = w;
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
  await page.getByTestId('findings-next').click();
  await page.getByTestId('settings-next').click();
  await page.getByTestId('choose-manual').click();

  await w.step('step-manual');
  await expect(page.getByTestId('manual-print')).toBeVisible();
  const boxes = page.locator('[data-testid^="manual-step-"]');
  const count = await boxes.count();
  expect(count).toBeGreaterThanOrEqual(4);
  await w.shot('manual');
  for (let i = 1; i <= count; i++) {
    const box = page.getByTestId(`manual-step-${i}`);
    await box.check();
    await expect(box).toBeChecked();
  }
  await w.shot('manual-done');
  await page.getByTestId('manual-done').click();
  // Nothing was changed by the wizard itself, so verification still finds the problems.
  await w.step('step-verify');
  await expect(page.getByTestId('verify-ok')).toHaveCount(0);
});
