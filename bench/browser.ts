/**
 * Wizard start and renderer memory in Chromium (the browser host).
 *
 *   node dist/bench/browser.cjs --samples 10 [--chromium /usr/bin/chromium] [--step-timeout 15000]
 *
 * Startup: from page.goto to the first interactive step (the welcome step visible and its
 * "start scan" button enabled), each sample in a fresh browser context, next to the floor: a
 * blank HTML page from a tiny HTTP server on 127.0.0.1, loaded the same way, alternating.
 * Memory: the renderer's JS heap (CDP Runtime.getHeapUsage, after a forced GC) once a
 * walkthrough has gone as far through the wizard as the renderer allows.
 *
 * Prints one BENCH_RESULT line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { MB, arg, emit, median, round } from './lib/util';

const ROOT = join(__dirname, '..', '..');
const samples = Number(arg('samples', '10'));
const executablePath = arg('chromium', '/usr/bin/chromium');
const stepTimeout = Number(arg('step-timeout', '15000'));
const scenario = arg('scenario', 'xp-outlook2003-basic');

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const BLANK =
  '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>';

/**
 * Runs in every page before its own scripts: reports (through a CDP binding, so the time is
 * taken in Node the moment it happens) when the welcome step is visible and "start scan" is
 * enabled, and keeps the in-page time (ms since navigation start) in window.__benchReadyAt.
 */
const READY_DETECTOR = `(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const ready = () => {
    const root = document.querySelector('[data-testid="step-welcome"]');
    const start = document.querySelector('[data-testid="start-scan"]');
    return !!root && !!start && visible(root) && visible(start) && !start.disabled &&
      start.getAttribute('aria-disabled') !== 'true';
  };
  let done = false;
  const check = () => {
    if (done || !ready()) return;
    done = true;
    window.__benchReadyAt = performance.now();
    observer.disconnect();
    window.__benchReady();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const frame = () => { check(); if (!done) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

interface PageWindow {
  __benchReadyAt?: number;
}

function startDemo(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist/demo/server.js'), '--scenario', scenario, '--port', '0', '--no-open'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (url) => resolve({ url: url.trim(), child }));
    child.once('exit', (code) =>
      reject(new Error(`demo server exited with code ${code} before printing its URL`)),
    );
  });
}

function startBlankServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(BLANK);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, server });
    });
  });
}

/** A fresh context with the ready detector installed; resolves `ready` with Node's clock. */
async function freshContext(browser: Browser): Promise<{ context: BrowserContext; ready: Promise<number> }> {
  const context = await browser.newContext({ locale: 'en-US' });
  let resolveReady!: (t: number) => void;
  const ready = new Promise<number>((r) => (resolveReady = r));
  await context.exposeBinding('__benchReady', () => resolveReady(performance.now()));
  await context.addInitScript({ content: READY_DETECTOR });
  return { context, ready };
}

function timeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

interface Sample {
  wallMs: number;
  inPageMs: number;
  /** Where the wizard's time went, in ms since navigation start (wizard samples only). */
  phases?: Phases;
}

interface Phases {
  htmlEnd: number;
  scriptsEnd: number;
  domContentLoaded: number;
  firstApiStart: number;
  firstApiEnd: number;
  firstPaint: number;
  ready: number;
}

/** In the page: resource and paint timings next to the ready time. */
function readPhases(): Phases {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const scripts = res.filter((r) => r.initiatorType === 'script' || /\.js(\?|$)/.test(r.name));
  const api = res.filter((r) => r.name.includes('/api/'));
  const paint = performance.getEntriesByName('first-paint')[0];
  return {
    htmlEnd: nav?.responseEnd ?? NaN,
    scriptsEnd: scripts.length > 0 ? Math.max(...scripts.map((r) => r.responseEnd)) : NaN,
    domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
    firstApiStart: api.length > 0 ? Math.min(...api.map((r) => r.startTime)) : NaN,
    firstApiEnd: api.length > 0 ? Math.min(...api.map((r) => r.responseEnd)) : NaN,
    firstPaint: paint?.startTime ?? NaN,
    ready: (window as unknown as PageWindow).__benchReadyAt ?? NaN,
  };
}

async function wizardSample(browser: Browser, url: string, errors: string[]): Promise<Sample> {
  const { context, ready } = await freshContext(browser);
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const t1 = await timeout(
      ready,
      stepTimeout,
      'the welcome step ([data-testid="step-welcome"] visible, [data-testid="start-scan"] enabled)',
    );
    const phases = await page.evaluate(readPhases);
    return { wallMs: t1 - t0, inPageMs: phases.ready, phases };
  } finally {
    await context.close();
  }
}

async function floorSample(browser: Browser, url: string): Promise<Sample> {
  const { context } = await freshContext(browser);
  try {
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    const t1 = performance.now();
    const inPage = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav?.loadEventEnd ?? NaN;
    });
    return { wallMs: t1 - t0, inPageMs: inPage };
  } finally {
    await context.close();
  }
}

/** The walkthrough: click, then wait for what the click leads to. */
const STEPS: { click: string; then?: string }[] = [
  { click: 'start-scan', then: '[data-testid="step-findings"]' },
  { click: 'findings-next', then: '[data-testid="step-settings"]' },
  { click: 'settings-next', then: '[data-testid="step-choose"]' },
  { click: 'choose-auto', then: '[data-testid="step-prepare"]' },
  { click: 'apply-now', then: '[data-testid="apply-step-verify"][data-state="done"]' },
  { click: 'apply-next', then: '[data-testid="step-restart"]' },
  { click: 'restart-outlook' },
  { click: 'restart-windows-now', then: '[data-testid="confirm-restart"]' },
  { click: 'confirm-restart-yes', then: '[data-testid="step-verify"]' },
  { click: 'verify-next', then: '[data-testid="step-report"]' },
  { click: 'save-report', then: '[data-testid="report-saved"]' },
];

async function walkthrough(
  page: Page,
): Promise<{ done: string[]; stoppedAt: string | null; why: string | null }> {
  const done: string[] = [];
  for (const s of STEPS) {
    try {
      await page.getByTestId(s.click).click({ timeout: stepTimeout });
      if (s.then) await page.locator(s.then).first().waitFor({ state: 'visible', timeout: stepTimeout });
      done.push(s.click);
    } catch (e) {
      return { done, stoppedAt: s.click, why: (e instanceof Error ? e.message : String(e)).split('\n')[0]! };
    }
  }
  return { done, stoppedAt: null, why: null };
}

async function heapAfterWalkthrough(browser: Browser, url: string, errors: string[]) {
  const { context, ready } = await freshContext(browser);
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await timeout(ready, stepTimeout, 'the welcome step');
    const walk = await walkthrough(page);
    const cdp = await context.newCDPSession(page);
    const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const jsHeapUsed = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    return {
      heapMb: round(after.usedSize / MB),
      heapBeforeGcMb: round(before / MB),
      heapTotalMb: round(after.totalSize / MB),
      perfJsHeapUsedMb: round(jsHeapUsed / MB),
      walkthrough: walk,
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const demo = await startDemo();
  const blank = await startBlankServer();
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS, headless: true });
  const errors: string[] = [];
  try {
    // One unrecorded pair warms the browser, the servers and the disk cache.
    await wizardSample(browser, demo.url, errors);
    await floorSample(browser, blank.url);
    const wizard: Sample[] = [];
    const floor: Sample[] = [];
    for (let i = 0; i < samples; i++) {
      wizard.push(await wizardSample(browser, demo.url, errors));
      floor.push(await floorSample(browser, blank.url));
    }
    const medianMs = median(wizard.map((s) => s.wallMs));
    const floorMs = median(floor.map((s) => s.wallMs));
    const inPageMedianMs = median(wizard.map((s) => s.inPageMs));
    const inPageFloorMs = median(floor.map((s) => s.inPageMs));
    const heap = await heapAfterWalkthrough(browser, demo.url, errors);
    emit({
      startup: {
        medianMs: round(medianMs, 1),
        floorMs: round(floorMs, 1),
        ratio: round(medianMs / floorMs, 2),
        inPageMedianMs: round(inPageMedianMs, 1),
        inPageFloorMs: round(inPageFloorMs, 1),
        inPageRatio: round(inPageMedianMs / inPageFloorMs, 2),
        samples,
        wizardPhasesMs: Object.fromEntries(
          Object.keys(wizard[0]!.phases!).map((k) => [
            k,
            round(median(wizard.map((s) => s.phases![k as keyof Phases])), 1),
          ]),
        ),
        wizardMs: wizard.map((s) => round(s.wallMs, 1)),
        floorSamplesMs: floor.map((s) => round(s.wallMs, 1)),
      },
      heap,
      browserVersion: browser.version(),
      pageErrors: [...new Set(errors)].slice(0, 5),
    });
  } finally {
    await browser.close();
    demo.child.kill();
    blank.server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
