import { defineConfig } from '@playwright/test';
import { electronBinary } from './e2e/support/electron-binary';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const electron = electronBinary();
// Workers load this file too: say it once, from the main process.
if (!electron.path && !process.env.TEST_WORKER_INDEX)
  console.log(`e2e: Electron project skipped — ${electron.reason}`);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'artifacts/e2e-output',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'artifacts/playwright.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      // Chromium as root in a container, and no background calls to Google on a closed network.
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium', locale: 'en-US' } },
    { name: 'electron', use: { locale: 'en-US' }, metadata: { electronPath: electron.path } },
  ],
});
