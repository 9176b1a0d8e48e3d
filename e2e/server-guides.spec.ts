import { expect, test } from './support/wizard';

// The server troubleshooter (issue 5) on a simulated Exchange 2003 front-end whose Application
// log holds EXPROX 1000 and MSExchange OWA 71 events (assets/machines/exchange2003-frontend-events).
const SCENARIO = 'exchange2003-frontend-events';

test('server problems: events lead to their guides, names fill the commands, commands copy', async ({
  openWizard,
}) => {
  const w = await openWizard(SCENARIO);
  const { page } = w;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await w.step('step-welcome');
  await page.getByTestId('nav-server').click();
  await w.step('view-server');
  for (const id of ['exprox-1000', 'kb914137', 'owa-71', 'kb183545']) {
    await expect(page.getByTestId(`guide-${id}`)).toBeVisible();
  }
  const events = page.getByTestId('server-events').getByTestId('server-event');
  await expect(events).toHaveCount(2);
  const exprox = page.locator('[data-testid="server-event"][data-guide="exprox-1000"]');
  await expect(exprox).toContainText('EXPROX, event 1000 — 2 in the log');
  await expect(page.locator('[data-testid="server-event"][data-guide="owa-71"]')).toContainText(
    'MSExchange OWA',
  );
  await w.shot('server-problems');

  // Jump from the event to its guide.
  await exprox.getByTestId('event-open').click();
  const guide = page.getByTestId('guide-view');
  await expect(guide).toHaveAttribute('data-guide', 'exprox-1000');
  await expect(page.getByTestId('guide-title')).toBeFocused();
  await expect(page.getByTestId('guide-meaning')).toContainText('Kerberos');
  await expect(page.getByTestId('guide-checks').locator('li')).toHaveCount(4);
  // What IIS on this (simulated) server offers: only NTLM, so Kerberos cannot work.
  const iis = page.getByTestId('iis-reading');
  await expect(iis).toContainText('W3SVC/1/ROOT/Exchange');
  await expect(iis.locator('li')).toHaveAttribute('data-kerberos', 'no');
  await page.getByTestId('copy-command').first().click();
  await expect(page.getByTestId('copy-command-status').first()).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'cscript %SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs GET W3SVC/1/ROOT/NTAuthenticationProviders',
  );
  await w.shot('guide-exprox-1000');
  await page.getByTestId('guide-back').click();

  // By event ID: typing 71 opens the OWA guide.
  await page.getByTestId('event-id').fill('71');
  await expect(guide).toHaveAttribute('data-guide', 'owa-71');
  const commands = guide.locator('pre code');
  await expect(commands.first()).toContainText('Get-OwaVirtualDirectory -Server <SERVER>');
  // A hostile name is refused by the service and explained next to the field.
  await page.getByTestId('guide-server').fill('CAS01 & calc');
  await page.getByTestId('guide-fill').click();
  await expect(page.getByTestId('guide-params-error')).toContainText('is not a computer name');
  await expect(commands.first()).toContainText('<SERVER>');
  await w.shot('guide-owa-71-refused');
  await page.getByTestId('guide-server').fill('CAS01');
  await page.getByTestId('guide-fqdn').fill('mail.contoso.com');
  await page.getByTestId('guide-fill').click();
  await expect(page.getByTestId('guide-params-error')).toHaveCount(0);
  await expect(commands.nth(1)).toHaveText(
    'Set-OwaVirtualDirectory -Identity "CAS01\\owa (Default Web Site)" -InternalUrl "https://mail.contoso.com/owa"',
  );
  await expect(commands.nth(3)).toHaveText('setspn -S HTTP/mail.contoso.com CAS01');
  await page.getByTestId('copy-command').nth(1).click();
  await expect(page.getByTestId('copy-command-status').nth(1)).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('https://mail.contoso.com/owa');
  await w.shot('guide-owa-71-filled');

  // The double-hop guide explains; there is nothing to run or change.
  await page.getByTestId('guide-back').click();
  await page.getByTestId('guide-kb183545').click();
  await expect(guide.locator('pre')).toHaveCount(0);
  await expect(page.getByTestId('guide-no-fix')).toBeVisible();

  // Guide texts come from the service in the chosen language.
  await page.getByTestId('guide-back').click();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('guide-kb914137')).toContainText('SMTP 虚拟服务器身份验证失败');
  await expect(page.getByTestId('nav-server')).toContainText('服务器问题');
  await w.shot('server-problems-zh');
});

test('KB914137: the FQDN goes into BackConnectionHostNames, shows in History, and Undo works', async ({
  openWizard,
}) => {
  const w = await openWizard(SCENARIO);
  const { page } = w;
  await w.step('step-welcome');
  await page.getByTestId('audience-technician').click();
  await page.getByTestId('nav-server').click();
  await w.step('view-server');
  await page.getByTestId('guide-kb914137').click();
  const guide = page.getByTestId('guide-view');
  await expect(guide).toHaveAttribute('data-guide', 'kb914137');
  // The administrator prompt is explained before anything can be done.
  await expect(page.getByTestId('backconnection-uac')).toContainText('administrator prompt');
  await expect(page.getByTestId('add-backconnection')).toBeDisabled();

  await page.getByTestId('guide-server').fill('EXCH01');
  await page.getByTestId('guide-fqdn').fill('smtp.contoso.com');
  await page.getByTestId('guide-fill').click();
  await expect(guide.locator('pre code').nth(1)).toHaveText('setspn -S SMTPSVC/smtp.contoso.com EXCH01');
  await expect(page.getByTestId('add-backconnection')).toContainText('smtp.contoso.com');
  await w.shot('kb914137-ready');
  await page.getByTestId('add-backconnection').click();
  const result = page.getByTestId('backconnection-result');
  await expect(result).toHaveAttribute('data-state', 'applied');
  await expect(page.getByTestId('iisadmin-reminder')).toContainText('IIS Admin');
  await w.shot('kb914137-applied');

  // Adding it twice changes nothing (merged without duplicates).
  await page.getByTestId('add-backconnection').click();
  await expect(result).toHaveAttribute('data-state', 'nothing-to-do');

  // History from the header (the outcome's own link appears only when something changed).
  await page.getByTestId('nav-history').click();
  await w.step('view-history');
  const row = page.getByTestId('history-row').first();
  await expect(row).toHaveAttribute('data-state', 'applied');
  await expect(row).toContainText('BackConnectionHostNames');
  await w.shot('history-backconnection');
  await row.getByTestId('history-undo').click();
  await expect(page.getByTestId('history-result')).toHaveAttribute('data-status', 'rolled-back');
  await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-state', 'rolled-back');
  await w.shot('history-undone');

  // Back where the technician came from; the name can be added again after the undo.
  await expect(page.getByTestId('nav-wizard')).toHaveText('Back to server problems');
  await page.getByTestId('nav-wizard').click();
  await expect(page.getByTestId('view-server')).toBeVisible();
  await expect(page.getByTestId('guide-view')).toHaveAttribute('data-guide', 'kb914137');
  await page.getByTestId('add-backconnection').click();
  await expect(page.getByTestId('backconnection-result')).toHaveAttribute('data-state', 'applied');
});
