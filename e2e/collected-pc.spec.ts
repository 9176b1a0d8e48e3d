import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKitZip } from './support/kit-zip';
import { expect, test } from './support/wizard';

// Issue 11 in the wizard: a PC the app cannot run on, through the folder collect.cmd wrote there.
const ROOT = join(__dirname, '..');
const XP_FOLDER = join(ROOT, 'assets', 'collected', 'XP-ACCT-07-12012026-140509');
const XP_SCENARIO = 'collected-xp-acct-07-12012026-140509';
const SERVER_SCENARIO = 'collected-exfe01-12012026-091500';
const HAN = /[\u4e00-\u9fff]/;

test.beforeEach(() => {
  test.skip(
    test.info().project.name === 'electron',
    'Electron opens the folder and saves files through native dialogs, which Playwright cannot drive',
  );
});

/** collect.cmd as `exproxy kit collect` writes it (the CLI is built with everything else). */
function cliCollectScript(): Buffer {
  const out = mkdtempSync(join(tmpdir(), 'exproxy-e2e-collect-'));
  execFileSync(process.execPath, [join(ROOT, 'dist/cli/exproxy.js'), 'kit', 'collect', '--out', out]);
  return readFileSync(join(out, 'collect.cmd'));
}

test('another PC: collect.cmd, open its folder, findings under the banner, a fix kit as one .zip', async ({
  openWizard,
}) => {
  const w = await openWizard('xp-outlook2003-basic');
  const { page } = w;
  await w.step('step-welcome');
  await expect(page.getByTestId('older-windows')).toContainText('older than Windows 10');
  await page.getByTestId('welcome-another').click();
  await w.step('view-another');
  await w.shot('another-pc');

  // The same bytes as `exproxy kit collect`.
  const [script] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('collect-script').click(),
  ]);
  expect(script.suggestedFilename()).toBe('collect.cmd');
  expect(readFileSync(await script.path())).toEqual(cliCollectScript());
  await expect(page.getByTestId('collect-script-handed')).toHaveText('Downloaded collect.cmd');

  // The folder's files go up; the wizard checks that PC at once.
  await page.getByTestId('upload-collected').setInputFiles(XP_FOLDER);
  await w.step('step-findings');
  const banner = page.getByTestId('collected-banner');
  await expect(banner).toContainText('You are looking at XP-ACCT-07, a collected PC');
  await expect(page.getByTestId('collected-who')).toContainText('CONTOSO\\jsmith, on 2026-12-01 14:05:09');
  await expect(banner).toContainText('Nothing on this computer is changed');
  await expect(page.getByTestId('finding-proxy-auth-basic')).toContainText('mail.contoso.com');
  await expect(page.getByTestId('finding-lm-response-sent')).toBeVisible();
  await w.shot('collected-findings');

  await page.getByTestId('findings-next').click();
  await w.step('step-settings');
  await page.getByTestId('settings-next').click();
  await w.step('step-choose');
  await expect(page.getByTestId('choose-auto')).toHaveCount(0);
  await w.shot('choose-kit');
  await page.getByTestId('choose-kit').click();
  await w.step('step-kit');
  await expect(page.getByTestId('kit-who').locator('li[data-part]')).toHaveCount(3);
  await expect(page.getByTestId('kit-restarts')).toContainText('Restart Windows');
  await expect(page.getByTestId('kit-verify')).toContainText('"after" folder');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('kit-download').click(),
  ]);
  const kitId = await page.getByTestId('kit-ready').getAttribute('data-kit-id');
  expect(download.suggestedFilename()).toBe(`fix-kit-${kitId}.zip`);
  await expect(page.getByTestId('kit-handed')).toHaveText(`Downloaded fix-kit-${kitId}.zip`);
  await w.shot('kit-ready');
  const zip = await readKitZip(download);
  expect(zip.folder).toBe(`fix-kit-${kitId}`);
  expect(zip.files).toEqual(
    [
      'check/machine-after.reg',
      'check/machine-before.reg',
      'check/user-after.reg',
      'check/user-before.reg',
      'fix-machine.reg',
      'fix-user.reg',
      'fix.cmd',
      'kit.json',
      'steps.html',
      'undo-machine.reg',
      'undo-user.reg',
      'undo.cmd',
    ].sort(),
  );
  expect(zip.manifest).toMatchObject({
    format: 'exchange-proxy-wizard-fix-kit',
    language: 'en',
    source: { computer: 'XP-ACCT-07', account: 'jsmith', collectedAt: '2026-12-01T14:05:09' },
    parts: { user: true, machine: true },
  });
  expect(zip.manifest.values.map((v) => [v.part, v.name, v.after])).toEqual([
    ['user', '00036627', { type: 'REG_BINARY', hex: '02000000' }],
    ['machine', 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }],
  ]);
  // XP's .reg format: UTF-16LE with a byte order mark; scripts CRLF.
  expect([...zip.bytes('fix-user.reg').subarray(0, 2)]).toEqual([0xff, 0xfe]);
  expect(zip.bytes('fix.cmd').toString('latin1')).toContain('\r\n');

  // History: the kit, beside the (empty) journal; nothing to undo.
  await page.getByTestId('nav-history').click();
  await w.step('view-history');
  const row = page.getByTestId('history-kit-row');
  await expect(row).toContainText('Fix kit made for XP-ACCT-07');
  await expect(row).toContainText('Nothing changed on this PC');
  await expect(page.getByTestId('history-undo')).toHaveCount(0);
  await w.shot('history-kit');

  // Back on the simulated PC the wizard started on, at the start.
  await page.getByTestId('collected-close').click();
  await expect(page.getByTestId('collected-banner')).toHaveCount(0);
  await w.step('step-welcome');
  await expect(page.getByTestId('older-windows')).toBeVisible();
});

test('a collected PC in Chinese: banner, kit page and steps.html in Chinese', async ({ openWizard }) => {
  const w = await openWizard(XP_SCENARIO);
  const { page } = w;
  await page.getByTestId('language').selectOption('zh-CN');
  await w.step('step-welcome');
  const banner = page.getByTestId('collected-banner');
  await expect(banner).toContainText('您正在查看收集来的电脑 XP-ACCT-07');
  await expect(banner).toContainText('2026-12-01 14:05:09');
  // The demo started on this folder: there is no other PC to go back to.
  await expect(page.getByTestId('collected-close')).toHaveCount(0);
  await w.shot('collected-welcome-zh');
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
  await expect(page.getByTestId('finding-proxy-auth-basic')).toHaveText(HAN);
  await page.getByTestId('findings-next').click();
  await page.getByTestId('settings-next').click();
  await w.step('step-choose');
  await expect(page.getByTestId('choose-kit')).toContainText('生成修复包');
  await page.getByTestId('choose-kit').click();
  await w.step('step-kit');
  await expect(page.getByTestId('step-heading')).toHaveText('XP-ACCT-07 的修复包');
  await expect(page.getByTestId('kit-who')).toContainText('以管理员身份运行');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('kit-download').click(),
  ]);
  await expect(page.getByTestId('kit-handed')).toHaveText(HAN);
  await w.shot('kit-ready-zh');
  const zip = await readKitZip(download);
  expect(zip.manifest.language).toBe('zh-CN');
  const steps = zip.bytes('steps.html').toString('utf8');
  expect(steps).toContain('<html lang="zh-CN">');
  expect(steps).toMatch(HAN);
});

test('a server collected with /server: Server problems, its events, and the BackConnectionHostNames kit', async ({
  openWizard,
}) => {
  const w = await openWizard(SERVER_SCENARIO);
  const { page } = w;
  // A server collected with /server opens where it is read.
  await w.step('view-server');
  await expect(page.getByTestId('collected-banner')).toContainText('EXFE01, a collected server');
  const events = page.getByTestId('server-events').getByTestId('server-event');
  await expect(events).toHaveCount(2);
  await expect(page.locator('[data-testid="server-event"][data-guide="exprox-1000"]')).toBeVisible();
  await w.shot('collected-server');

  await page.getByTestId('guide-kb914137').click();
  await expect(page.getByTestId('add-backconnection')).toHaveCount(0);
  await expect(page.getByTestId('make-backconnection-kit')).toBeDisabled();
  await page.getByTestId('guide-server').fill('EXFE01');
  await page.getByTestId('guide-fqdn').fill('mail.contoso.com');
  await page.getByTestId('guide-fill').click();
  await page.getByTestId('make-backconnection-kit').click();
  const ready = page.getByTestId('kit-ready');
  await expect(ready).toContainText('The fix kit for EXFE01 is ready');
  await expect(page.getByTestId('kit-restart-iis')).toContainText('IIS Admin');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('kit-download').click(),
  ]);
  await w.shot('server-kit');
  const zip = await readKitZip(download);
  expect(zip.files).toEqual(
    [
      'check/machine-after.reg',
      'check/machine-before.reg',
      'fix-machine.reg',
      'fix.cmd',
      'kit.json',
      'steps.html',
      'undo-machine.reg',
      'undo.cmd',
    ].sort(),
  );
  expect(zip.manifest.values).toEqual([
    expect.objectContaining({
      part: 'machine',
      name: 'BackConnectionHostNames',
      before: { type: 'REG_MULTI_SZ', data: ['owa.contoso.com'] },
      after: { type: 'REG_MULTI_SZ', data: ['owa.contoso.com', 'mail.contoso.com'] },
    }),
  ]);
  expect(zip.bytes('steps.html').toString('utf8')).toContain('iisadmin');

  // Chinese: the guide and the kit panel follow.
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('product-fix-kit')).toContainText('EXFE01 的修复包');
  await w.shot('server-kit-zh');
});
