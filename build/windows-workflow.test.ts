// The Windows release workflow, checked where it cannot run: it only runs on a GitHub Windows
// runner, so a step that is missing, out of order, in the wrong shell, or that names a script,
// suite or sample that does not exist must fail here instead of on release day.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unattendedArgs } from '../electron/main/unattended-entry';
import { parseRegFile } from '../electron/core/registry/reg-file';
import { EXIT } from '../electron/services/commands/exit-codes';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKFLOW = '.github/workflows/windows-release.yml';

// js-yaml, as build/packaging.test.ts uses it: electron-builder's own parser (no new dependency).
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly on: { push?: { tags?: string[] }; workflow_dispatch?: unknown };
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { 'runs-on': string; 'timeout-minutes': number; steps: Step[] }>;
}

const workflow = yaml.load(read(WORKFLOW)) as Workflow;
const job = workflow.jobs.msi!;
const steps = job.steps;
const runs = steps.filter((s): s is Step & { run: string } => typeof s.run === 'string');

/** What each step must be, in order; other steps may sit between them. */
const EXPECTED: ReadonlyArray<{ what: string; match: (s: Step) => boolean; shell?: string; run?: RegExp[] }> =
  [
    { what: 'checkout', match: (s) => /^actions\/checkout@v\d+$/.test(s.uses ?? '') },
    {
      what: 'setup-node 20',
      match: (s) => /^actions\/setup-node@v\d+$/.test(s.uses ?? '') && s.with?.['node-version'] === 20,
    },
    { what: 'npm ci', match: (s) => s.run === 'npm ci', shell: 'pwsh' },
    { what: 'unit tests', match: (s) => s.run === 'npm run test:unit', shell: 'pwsh' },
    {
      what: 'bundle suites',
      match: (s) => s.run === 'node scripts/build-wine-tests.mjs --windows',
      shell: 'pwsh',
    },
    {
      what: 'reg.exe suite',
      match: (s) => /dist\/wine-tests\/\*\.wine\.js/.test(s.run ?? ''),
      shell: 'bash',
      run: [/^node --test --test-reporter=spec dist\/wine-tests\/\*\.wine\.js$/],
    },
    {
      what: 'regedit suite',
      match: (s) => /regedit-registry\.windows\.js/.test(s.run ?? ''),
      shell: 'bash',
      run: [/^node --test --test-reporter=spec dist\/wine-tests\/regedit-registry\.windows\.js$/],
    },
    { what: 'build MSI', match: (s) => s.run === 'npm run dist:win', shell: 'pwsh' },
    { what: 'Electron e2e', match: (s) => s.run === 'npx playwright test --project=electron', shell: 'pwsh' },
    {
      what: 'upload MSI',
      match: (s) => /upload-artifact/.test(s.uses ?? '') && s.with?.path === 'release/*.msi',
    },
    {
      what: 'install MSI',
      match: (s) => /'\/i'/.test(s.run ?? ''),
      shell: 'pwsh',
      run: [
        /Start-Process msiexec\.exe -ArgumentList '\/i', .*'\/qn', '\/norestart'.* -Wait -PassThru/,
        /ExitCode -ne 0/,
        /GITHUB_ENV/,
      ],
    },
    {
      what: 'seed profile',
      match: (s) => /hkcu-part\.mjs/.test(s.run ?? ''),
      shell: 'pwsh',
      run: [
        /node scripts\/windows-ci\/hkcu-part\.mjs assets\/machines\/[\w-]+\/registry\.reg /,
        /reg\.exe" import /,
      ],
    },
    {
      what: 'diagnose',
      match: (s) => /'diagnose'/.test(s.run ?? ''),
      shell: 'pwsh',
      run: [/'--silent', 'diagnose'/, /'--report'/, new RegExp(`ExitCode -ne ${EXIT.findings}\\b`)],
    },
    {
      what: 'apply',
      match: (s) => /'apply'/.test(s.run ?? ''),
      shell: 'pwsh',
      run: [
        /'--silent', 'apply', '--scope', 'user'/,
        new RegExp(`ExitCode -ne ${EXIT.ok}\\b`),
        /REG_BINARY\\s\+02000000/,
      ],
    },
    {
      what: 'rollback',
      match: (s) => /'rollback'/.test(s.run ?? ''),
      shell: 'pwsh',
      run: [
        /'--silent', 'rollback', '--last', '--scope', 'user'/,
        new RegExp(`ExitCode -ne ${EXIT.ok}\\b`),
        /Get-FileHash/,
      ],
    },
    {
      what: 'uninstall MSI',
      match: (s) => /'\/x'/.test(s.run ?? ''),
      shell: 'pwsh',
      run: [
        /Start-Process msiexec\.exe -ArgumentList '\/x', .*'\/qn'.* -Wait -PassThru/,
        /ExitCode -ne 0/,
        /Test-Path \$env:EPW_EXE/,
      ],
    },
    { what: 'upload logs', match: (s) => /upload-artifact/.test(s.uses ?? '') && s.if === 'always()' },
  ];

/** `-ArgumentList 'a', 'b', "`"$x`""` → ['a', 'b', '<value>'] (each quoted value one argument). */
function argumentLists(run: string): string[][] {
  return [...run.matchAll(/-ArgumentList (.+?) -Wait/g)].map((m) =>
    m[1]!.split(/,\s*/).map((a) => (a.startsWith("'") ? a.slice(1, -1) : '<value>')),
  );
}

describe(`${WORKFLOW}`, () => {
  it('runs on a tag or by hand, read-only, on a Windows runner', () => {
    expect(workflow.on.push?.tags).toEqual(['v*']);
    expect('workflow_dispatch' in workflow.on).toBe(true);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(job['runs-on']).toBe('windows-latest');
    expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('has every step, in order', () => {
    const at = EXPECTED.map((e) => ({ what: e.what, index: steps.findIndex(e.match) }));
    expect(at.filter((a) => a.index < 0).map((a) => a.what)).toEqual([]);
    const order = at.map((a) => a.index);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('runs each command in the shell it is written for, with the expected commands', () => {
    for (const e of EXPECTED) {
      const step = steps.find(e.match)!;
      if (e.shell) expect(step.shell, e.what).toBe(e.shell);
      for (const pattern of e.run ?? []) expect(step.run, e.what).toMatch(pattern);
    }
    // A step without a shell would run in the runner's default; every one names its own.
    expect(runs.filter((s) => s.shell !== 'pwsh' && s.shell !== 'bash').map((s) => s.name)).toEqual([]);
    for (const s of steps.filter((x) => x.uses)) expect(s.uses).toMatch(/^actions\/[\w-]+@v\d+$/);
  });

  it('names only scripts, suites, samples and npm scripts that exist', () => {
    const text = runs.map((s) => s.run).join('\n');
    const scripts = [...text.matchAll(/node (scripts\/[\w./-]+\.mjs)/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const f of scripts) expect(existsSync(join(ROOT, f)), f).toBe(true);
    expect(read('scripts/build-wine-tests.mjs')).toContain("'--windows'");

    const samples = [...text.matchAll(/(assets\/machines\/[\w-]+\/registry\.reg)/g)].map((m) => m[1]!);
    expect(samples.length).toBeGreaterThan(0);
    for (const f of samples) expect(existsSync(join(ROOT, f)), f).toBe(true);

    const suites = readdirSync(join(ROOT, 'test-win'));
    expect(suites.filter((f) => f.endsWith('.wine.ts')).length).toBeGreaterThan(0);
    for (const m of text.matchAll(/dist\/wine-tests\/([\w.-]+)\.js/g))
      expect(suites, m[0]).toContain(`${m[1]}.ts`);

    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    for (const m of text.matchAll(/npm run ([\w:-]+)/g))
      expect(Object.keys(pkg.scripts), m[0]).toContain(m[1]);
    for (const m of text.matchAll(/--project=(\w+)/g))
      expect(read('playwright.config.ts')).toContain(`name: '${m[1]}'`);
  });

  it('drives the app where the MSI installs it, with arguments the app runs headless', () => {
    const builder = yaml.load(read('build/electron-builder.yml')) as {
      productName: string;
      win: { executableName: string };
      msi: { perMachine: boolean };
    };
    const install = runs.find((s) => /'\/i'/.test(s.run))!.run;
    expect(install).toContain(`'${builder.productName}\\${builder.win.executableName}.exe'`);
    expect(builder.msi.perMachine).toBe(true);
    const lists = runs.flatMap((s) => argumentLists(s.run)).filter((a) => a[0] === '--silent');
    expect(lists.map((a) => a[1])).toEqual(['diagnose', 'apply', 'rollback']);
    const options = read('electron/services/commands/run-commands.ts');
    for (const args of lists) {
      expect(unattendedArgs(['ExchangeProxyWizard.exe', ...args], true)).toEqual(args);
      for (const flag of args.filter((a) => a.startsWith('--')))
        expect(options, flag).toMatch(new RegExp(`^\\s+'?${flag.slice(2)}'?: \\{`, 'm'));
    }
  });

  it('checks the value the seeded sample really has, in the key the apply step queries', () => {
    const run = runs.find((s) => /'apply'/.test(s.run))!.run;
    const key = /query '([^']+)' \/v (\w+)/.exec(run)!;
    const sample = /(assets\/machines\/[\w-]+\/registry\.reg)/.exec(runs.map((s) => s.run).join('\n'))![1]!;
    const file = parseRegFile(new Uint8Array(readFileSync(join(ROOT, sample))), sample);
    const entry = file.keys.find((k) => k.path.replace('HKEY_CURRENT_USER', 'HKCU') === key[1]);
    expect(entry, key[1]).toBeDefined();
    const value = entry!.values.find((v) => v.name === key[2])!.value;
    expect(value).toEqual({ type: 'REG_BINARY', data: new Uint8Array([1, 0, 0, 0]) });
  });
});
