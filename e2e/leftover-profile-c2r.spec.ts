import { expect, test } from './support/wizard';

// Windows 10 + 64-bit Microsoft 365 Apps (Click-to-Run) on NTLM, with an Outlook 2010 profile of
// the same name left over on Basic: the old profile is shown apart, never offered, never a finding.
test('Click-to-Run PC with a leftover Outlook 2010 profile: shown apart, nothing to fix', async ({
  openWizard,
}) => {
  const w = await openWizard('win10-m365-c2r-leftover-wms');
  const { page } = w;
  await page.getByTestId('audience-technician').click();
  await page.getByTestId('start-scan').click();

  await w.step('step-findings');
  await expect(page.getByTestId('step-heading')).toHaveText('No known cause found');
  await expect(page.getByTestId('no-findings')).toBeVisible();
  await expect(page.getByTestId('coverage-incomplete')).toHaveCount(0);
  // The leftover profile is on Basic, yet it is no finding and nothing offers to change it.
  await expect(page.locator('[data-testid^="finding-"]')).toHaveCount(0);
  await expect(page.getByTestId('findings-next')).toHaveCount(0);
  const leftover = page.getByTestId('leftover-profile');
  await expect(leftover).toHaveCount(1);
  await expect(leftover).toContainText(
    '“Outlook” — left over from Outlook 2003–2010, not used by the installed Outlook',
  );
  await expect(leftover).toContainText('Windows Messaging Subsystem\\Profiles\\Outlook');
  await expect(leftover).toContainText('proxy sign-in Basic Authentication');
  // The installed Outlook, as a technician needs it: Click-to-Run and its build.
  await expect(page.getByTestId('machine-lm')).toHaveText('3 (Windows default, not set)');
  await expect(page.getByTestId('installed-outlook')).toHaveText(
    'Outlook 2016 or later · 64-bit · Click-to-Run · build 16.0.17928.20114 · O365ProPlusRetail',
  );
  // Outlook 2016 takes its settings from Autodiscover: the admin's command is one click away.
  const notice = page.getByTestId('autodiscover-notice');
  await expect(notice.getByTestId('autodiscover-profile')).toHaveText(
    'Profile “Outlook” (Outlook 2016 or later): jsmith@contoso.com',
  );
  // Folded away on a page with nothing to fix; one click opens it.
  await expect(notice.getByTestId('admin-details')).not.toHaveAttribute('open');
  await notice.getByTestId('admin-details').locator('summary').click();
  const admin = notice.getByTestId('admin-commands');
  await expect(admin).toHaveAttribute('data-host', 'outlook.contoso.com');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await admin.getByTestId('copy-command').last().click();
  await expect(admin.getByTestId('copy-command-status').last()).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    'Set-OutlookAnywhere -ExternalClientAuthenticationMethod Ntlm -InternalClientAuthenticationMethod Ntlm',
  );
  await w.shot('findings-leftover-technician');

  await page.getByRole('button', { name: 'Go to the report' }).click();
  await w.step('step-report');
  await page.getByTestId('save-report').click();
  await expect(page.getByTestId('report-saved')).toContainText('.html');
  await w.shot('report');
});
