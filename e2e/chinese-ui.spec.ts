import { expect, test } from './support/wizard';

const HAN = /[\u4e00-\u9fff]/;

test('Simplified Chinese: the whole walk-through speaks Chinese', async ({ openWizard }) => {
  const w = await openWizard('xp-outlook2003-basic');
  const { page } = w;
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('step-heading')).toHaveText(HAN);
  await w.shot('welcome-zh');
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
  await expect(page.getByTestId('step-heading')).toHaveText(HAN);
  await expect(page.getByTestId('finding-proxy-auth-basic')).toHaveText(HAN);
  await w.shot('findings-zh');
  await page.getByTestId('findings-next').click();
  await w.step('step-settings');
  await expect(page.getByTestId('step-heading')).toHaveText(HAN);
  await w.shot('settings-zh');
  await page.getByTestId('settings-next').click();
  await page.getByTestId('choose-auto').click();
  await page.getByTestId('apply-now').click();
  await w.step('step-apply');
  await expect(page.getByTestId('apply-step-verify')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('step-heading')).toHaveText(HAN);
  await w.shot('apply-zh');
  // The choice survives a reload.
  await page.reload();
  await expect(page.getByTestId('language')).toHaveValue('zh-CN');
});
