import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { _electron, expect, test as base, type Page, type TestInfo } from '@playwright/test';

const ROOT = join(__dirname, '..', '..');

/**
 * Starts `dist/demo/server.js` for one scenario and resolves with the URL it prints first.
 * With `assetsDir`, the scenario comes from `<assetsDir>/machines/<scenario>` (EXPROXY_ASSETS_DIR).
 */
function startDemo(
  scenario: string,
  assetsDir: string | undefined,
  tmp: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist/demo/server.js'), '--scenario', scenario, '--port', '0', '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      // Its own temporary folder, so a test can find the simulated PC the demo copied there.
      env: { ...process.env, TMPDIR: tmp, ...(assetsDir ? { EXPROXY_ASSETS_DIR: assetsDir } : {}) },
    },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (url) => resolve({ url, child }));
    child.once('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
  });
}

export interface Wizard {
  readonly page: Page;
  /** Saves a screenshot under artifacts/e2e/<test>/, numbered in order. */
  shot(name: string): Promise<void>;
  /** Waits for a step to be shown and its heading to have focus (a11y contract). */
  step(id: string): Promise<void>;
  /**
   * The folder of the simulated PC the wizard is working on (registry.reg, machine.json), for a
   * test that plays a part of the outside world, e.g. Outlook rewriting its profile.
   */
  machineDir(): string;
}

function screenshotDir(info: TestInfo): string {
  const slug = `${info.project.name}-${info.title}`.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const dir = join(ROOT, 'artifacts', 'e2e', slug);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function makeWizard(page: Page, info: TestInfo, machineDir: () => string): Wizard {
  const dir = screenshotDir(info);
  let n = 0;
  return {
    page,
    machineDir,
    shot: async (name) => {
      n += 1;
      await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
    },
    step: async (id) => {
      const root = page.getByTestId(id);
      await expect(root).toBeVisible();
      await expect(root.getByTestId('step-heading')).toBeFocused();
    },
  };
}

export interface OpenOptions {
  /**
   * A folder with `machines/<scenario>/` to use instead of the project's assets (a machine a
   * test made itself, e.g. one whose proxy points at a local HTTPS server).
   */
  readonly assetsDir?: string;
}

type Fixtures = { openWizard: (scenario: string, opts?: OpenOptions) => Promise<Wizard> };

export const test = base.extend<Fixtures>({
  openWizard: async ({ browser }, use, info) => {
    const cleanups: Array<() => Promise<void>> = [];
    const electronPath = info.project.metadata?.electronPath as string | null | undefined;
    if (info.project.name === 'electron') {
      test.skip(!electronPath, 'Electron binary not installed on this machine (see the printed reason)');
      await use(async (scenario, opts = {}) => {
        const machine = join(mkdtempSync(join(tmpdir(), 'exproxy-e2e-')), 'machine');
        cpSync(join(opts.assetsDir ?? join(ROOT, 'assets'), 'machines', scenario), machine, {
          recursive: true,
        });
        const app = await _electron.launch({
          executablePath: electronPath!,
          args: [join(ROOT, 'dist/main/main.js'), '--machine', machine],
          env: { ...process.env, EXPROXY_DATA_DIR: join(machine, '..', 'state') },
        });
        cleanups.push(() => app.close());
        return makeWizard(await app.firstWindow(), info, () => machine);
      });
    } else {
      await use(async (scenario, opts = {}) => {
        const tmp = mkdtempSync(join(tmpdir(), 'exproxy-e2e-demo-'));
        const { url, child } = await startDemo(scenario, opts.assetsDir, tmp);
        cleanups.push(async () => {
          child.kill();
          rmSync(tmp, { recursive: true, force: true });
        });
        const context = await browser.newContext({ locale: 'en-US' });
        cleanups.push(() => context.close());
        const page = await context.newPage();
        // Fail the test on any error the page logs (CSP violations included).
        page.on('pageerror', (e) => info.annotations.push({ type: 'pageerror', description: e.message }));
        await page.goto(url);
        // The demo copies the scenario to <its temp>/exproxy-demo-*/machine (a new one per scenario).
        const machineDir = () => {
          const sessions = readdirSync(tmp).filter((d) => d.startsWith('exproxy-demo-'));
          if (sessions.length !== 1)
            throw new Error(`expected one demo session in ${tmp}, found ${sessions.length}`);
          return join(tmp, sessions[0]!, 'machine');
        };
        return makeWizard(page, info, machineDir);
      });
    }
    for (const c of cleanups.reverse()) await c();
    const pageErrors = info.annotations.filter((a) => a.type === 'pageerror');
    expect(pageErrors, 'errors thrown in the page').toEqual([]);
  },
});

export { expect };

/** Welcome → Scan → Findings → Settings → Choose ("Fix it for me"): lands on Prepare. */
export async function walkToPrepare(w: Wizard): Promise<void> {
  const { page } = w;
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
  await page.getByTestId('findings-next').click();
  await page.getByTestId('settings-next').click();
  await page.getByTestId('choose-auto').click();
  await w.step('step-prepare');
}
