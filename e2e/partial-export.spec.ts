import { expect, test } from './support/wizard';

// An export of only the LSA key (level 0): nothing to fix turns up in it, but it shows neither
// the profiles nor the install, so the wizard must not give the all-clear.
test('partial export: incomplete up front, never "nothing to fix", the lines that complete it', async ({
  openWizard,
}) => {
  const w = await openWizard('xp-lsa-only-export');
  const { page } = w;
  await page.getByTestId('audience-technician').click();
  await page.getByTestId('start-scan').click();

  await w.step('step-findings');
  await expect(page.getByTestId('step-heading')).toHaveText('Nothing found, but the check is incomplete');
  await expect(page.getByTestId('no-findings')).toHaveCount(0);
  await expect(page.getByTestId('no-findings-incomplete')).toBeVisible();
  await expect(page.getByTestId('step-findings')).not.toContainText('Nothing to fix');
  const notice = page.getByTestId('coverage-incomplete');
  await expect(notice.locator('li[data-part]')).toHaveText([
    'the Outlook profiles of the installed Outlook',
    'which Outlook is installed',
    'the Windows version',
    'whether a policy sets the Windows sign-in level',
  ]);
  const exportLines = notice.locator('pre code').first();
  await expect(exportLines).toContainText(
    'reg export "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles" outlook-wms.reg /y',
  );
  await expect(exportLines).toContainText('export-complete.reg');
  await expect(notice).toContainText('exproxy diagnose --hive export-complete.reg');
  await expect(notice).toContainText('gpresult /scope computer /z');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await notice.getByTestId('copy-command').first().click();
  await expect(notice.getByTestId('copy-command-status').first()).toHaveText('Copied');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip.split('\n')[0]).toMatch(/^reg export "HKCU\\Software\\Microsoft\\Windows NT\\/);
  expect(clip.split('\n').at(-1)).toMatch(/^copy \/b export\.reg\+/);
  await w.shot('findings-incomplete');

  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('step-heading')).toHaveText('没有发现问题，但检查并不完整');
  await expect(notice).toContainText('这次检查并不完整');
  await w.shot('findings-incomplete-zh');
});

// Only the Outlook profiles were exported: the Basic profile is found and fixable, but the LAN
// Manager level is "not in this export", never "not set".
test('profiles-only export: the finding is shown, the LAN Manager level is not claimed', async ({
  openWizard,
}) => {
  const w = await openWizard('xp-outlook2003-hkcu-only');
  const { page } = w;
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
  await expect(page.getByTestId('coverage-incomplete')).toContainText('This check is incomplete');
  await expect(page.getByTestId('install-unknown')).toContainText('the result is uncertain');
  await expect(page.getByTestId('finding-proxy-auth-basic')).toBeVisible();
  await page.getByTestId('findings-next').click();
  await w.step('step-settings');
  await expect(page.getByTestId('lm-current-unknown')).toHaveAttribute('data-kind', 'not-in-export');
  await expect(page.getByTestId('lm-levels')).toHaveAttribute('data-current', 'unknown');
  await expect(page.getByTestId('lm-levels').locator('[data-current="true"]')).toHaveCount(0);
  await w.shot('settings-lm-not-in-export');
});

// Another user's profiles, exported by an administrator from HKEY_USERS\<SID> and joined with the
// LSA, Office and Windows exports: read as that user's own, and the SID named for technicians.
test('HKEY_USERS export: read as that user, the SID named', async ({ openWizard }) => {
  const w = await openWizard('xp-outlook2003-hku-export');
  const { page } = w;
  await page.getByTestId('audience-technician').click();
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
  await expect(page.getByTestId('user-hive')).toContainText(
    'Read from HKEY_USERS\\S-1-5-21-1177238915-682003330-725345543-1004',
  );
  await expect(page.getByTestId('finding-proxy-auth-basic')).toBeVisible();
  // Only the policy is beyond an export here.
  await expect(page.getByTestId('coverage-incomplete').locator('li[data-part]')).toHaveText([
    'whether a policy sets the Windows sign-in level',
  ]);
  await w.shot('findings-hku-export');
});
