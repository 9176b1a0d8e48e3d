// Composes the README image from the e2e screenshots of the main walkthrough (run `npm run e2e` first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dir = 'artifacts/e2e/chromium-basic-auth-lm-0-on-xp-fixed-end-to-end-through-restarts-and-report';
const shots = ['02-findings', '03-settings', '06-apply', '09-verify'];
const img = (name) => `data:image/png;base64,${readFileSync(join(dir, `${name}.png`)).toString('base64')}`;
const html = `<!doctype html><style>
  body{margin:0;background:#e8e8e8;display:grid;grid-template-columns:repeat(2,640px);gap:8px;padding:8px}
  div{width:640px;height:380px;overflow:hidden;border:1px solid #ccc;background:#fff}
  img{width:640px;display:block}</style>
  ${shots.map((s) => `<div><img src="${img(s)}"></div>`).join('')}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1304, height: 792 } });
await page.setContent(html);
await page.screenshot({ path: 'docs/images/wizard-main-steps.png' });
await browser.close();
console.log('wrote docs/images/wizard-main-steps.png');
