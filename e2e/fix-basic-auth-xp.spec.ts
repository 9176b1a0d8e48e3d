import { expect, test } from './support/wizard';

// The main KB820281 flow: Windows XP + Outlook 2003 on Basic proxy sign-in with
// LmCompatibilityLevel absent (0), fixed end to end through both restarts and the report.
test('Basic auth + LM 0 on XP: fixed end to end through restarts and report', async ({ openWizard }) => {
  const w = await openWizard('xp-outlook2003-basic');
  const { page } = w;

  await w.step('step-welcome');
  await expect(page.getByTestId('step-rail')).toBeVisible();
  await w.shot('welcome');
  await page.getByTestId('audience-technician').click();
  await page.getByTestId('start-scan').click();

  await w.step('step-findings');
  await expect(page.getByTestId('finding-proxy-auth-basic')).toContainText('KB820281');
  await expect(page.getByTestId('finding-lm-response-sent')).toBeVisible();
  await w.shot('findings');
  await page.getByTestId('findings-next').click();

  await w.step('step-settings');
  await expect(page.getByTestId('proxy-settings-current')).toContainText('mail.contoso.com');
  await expect(page.getByTestId('proxy-settings-current')).toContainText('Basic');
  await expect(page.getByTestId('proxy-settings-proposed')).toContainText('NTLM');
  await expect(page.getByTestId('lm-levels')).toBeVisible();
  await w.shot('settings');
  await page.getByTestId('settings-next').click();

  await w.step('step-choose');
  await w.shot('choose');
  await page.getByTestId('choose-auto').click();

  await w.step('step-prepare');
  // Only the LmCompatibilityLevel change needs an administrator: explained before the prompt.
  await expect(page.getByTestId('uac-explainer')).toBeVisible();
  await expect(page.getByTestId('outlook-running-notice')).toHaveCount(0);
  await w.shot('prepare');
  await page.getByTestId('apply-now').click();

  await w.step('step-apply');
  for (const s of ['backup', 'write', 'verify']) {
    await expect(page.getByTestId(`apply-step-${s}`)).toHaveAttribute('data-state', 'done');
  }
  await w.shot('apply');
  await page.getByTestId('apply-next').click();

  await w.step('step-restart');
  await expect(page.getByTestId('restart-outlook')).toBeVisible();
  await page.getByTestId('restart-outlook').click();
  await w.shot('restart');
  await page.getByTestId('restart-windows-now').click();
  await expect(page.getByTestId('confirm-restart')).toBeVisible();
  await w.shot('confirm-restart');
  await page.getByTestId('confirm-restart-yes').click();

  // The simulated PC restarts; the RunOnce entry reopens the wizard at verification.
  await w.step('step-verify');
  await expect(page.getByTestId('verify-ok')).toBeVisible();
  await expect(page.getByTestId('verify-table')).toContainText('NTLM');
  await w.shot('verify');
  await page.getByTestId('verify-next').click();

  await w.step('step-report');
  await page.getByTestId('save-report').click();
  await expect(page.getByTestId('report-saved')).toContainText('.html');
  await expect(page.getByTestId('report-saved')).toContainText('.json');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-summary').click();
  await expect(page.getByTestId('copy-status')).toBeVisible();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toContain('proxy-auth-basic');
  expect(clip).toContain('LmCompatibilityLevel');
  await w.shot('report');
});
