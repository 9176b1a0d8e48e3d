import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/wizard';

/**
 * What Outlook 2007+ does at start when the Exchange server's Autodiscover hands out Basic: it
 * writes Basic (1) back into the account's PR_ROH_PROXY_AUTH_SCHEME. Done to the simulated PC's
 * export the way Windows would replace the file: a new file renamed over the old one.
 */
function autodiscoverPutsBasicBack(machineDir: string): void {
  const file = join(machineDir, 'registry.reg');
  const text = readFileSync(file).toString('utf16le');
  const ntlm = '"00036627"=hex:02,00,00,00';
  expect(text.split(ntlm)).toHaveLength(2);
  writeFileSync(`${file}.tmp`, Buffer.from(text.replace(ntlm, '"00036627"=hex:01,00,00,00'), 'utf16le'));
  renameSync(`${file}.tmp`, file);
}

// Windows 7 + Outlook 2010 on Basic: the switch to NTLM is applied, Outlook restarts, and the
// Exchange server puts Basic back. Verify says so, why, and who must act, and offers no re-apply.
test('Autodiscover puts Basic back after the restart: Verify explains, offers nothing to re-apply', async ({
  openWizard,
}) => {
  const w = await openWizard('win7-outlook2010-wow64');
  const { page } = w;
  await page.getByTestId('audience-technician').click();
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
  await expect(page.getByTestId('autodiscover-notice')).toContainText(
    'Profile “Outlook” (Outlook 2010): jsmith@contoso.com',
  );
  await page.getByTestId('findings-next').click();
  await w.step('step-settings');
  await expect(page.getByTestId('autodiscover-notice')).toBeVisible();
  await page.getByTestId('settings-next').click();
  await page.getByTestId('choose-auto').click();
  await w.step('step-prepare');
  await page.getByTestId('apply-now').click();
  await w.step('step-apply');
  await expect(page.getByTestId('apply-step-verify')).toHaveAttribute('data-state', 'done');
  await page.getByTestId('apply-next').click();
  await w.step('step-restart');
  await page.getByTestId('restart-outlook').click();
  await expect(page.getByTestId('restart-next')).toBeEnabled();

  autodiscoverPutsBasicBack(w.machineDir());
  await page.getByTestId('restart-next').click();

  await w.step('step-verify');
  const notice = page.getByTestId('autodiscover-reverted');
  await expect(notice).toContainText('The proxy sign-in went back to Basic');
  await expect(notice).toContainText(
    'switched to NTLM for mail.contoso.com, and now it signs in with Basic again',
  );
  await expect(notice).toContainText('Outlook 2010 takes this setting from the Exchange server');
  await expect(notice).toContainText('The switch is not offered again');
  await expect(notice.getByTestId('admin-commands')).toContainText('-ClientAuthenticationMethod Ntlm');
  await expect(page.getByTestId('verify-ok')).toHaveCount(0);
  await expect(page.getByTestId('verify-table').locator('tr[data-row^="auth-"] td').last()).toHaveText(
    'Basic Authentication',
  );
  await w.shot('verify-reverted');

  // Checking again does not offer the switch either.
  await page.getByTestId('verify-next').click();
  await w.step('step-report');
  await page.getByRole('button', { name: 'Check this PC again' }).click();
  await w.step('step-findings');
  await expect(page.getByTestId('finding-proxy-auth-basic')).toContainText('Not offered again');
  await expect(page.getByTestId('finding-autodiscover-reverted')).toBeVisible();
  await w.shot('findings-after-revert');
});
