// The packaging configuration, checked where it cannot be built: the MSI is only built on Windows
// (.github/workflows/windows-release.yml), so a broken build/electron-builder.yml must fail here.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import type { Configuration, TargetConfiguration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG_FILE = 'build/electron-builder.yml';

/**
 * The MSI UpgradeCode of every release. It must never change: a new one makes Windows install the
 * next version side by side instead of upgrading. This test fails if the config's value changes.
 */
const UPGRADE_CODE = 'D52A89E0-46BE-4DDC-A163-C5F3E64244C5';
const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

// js-yaml is what electron-builder itself parses the file with (a dependency of app-builder-lib).
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const schemaFile = builderRequire.resolve('app-builder-lib/scheme.json');

const readYaml = (file: string): unknown => yaml.load(readFileSync(join(ROOT, file), 'utf8'));
const clone = <T>(value: T): T => structuredClone(value);

let config: Configuration;
let validate: ValidateFunction;

beforeAll(() => {
  config = readYaml(CONFIG_FILE) as Configuration;
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  // Ajv 8 (the version electron-builder uses) speaks draft-07. strict:false tolerates the schema's
  // non-standard annotations; unlike electron-builder we do not coerce types, so a wrongly typed
  // value fails here instead of being silently converted.
  validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
});

const errorsOf = (candidate: unknown): string[] =>
  validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

function winTargets(): TargetConfiguration[] {
  const target = config.win?.target;
  const list = Array.isArray(target) ? target : target == null ? [] : [target];
  return list.map((t) => (typeof t === 'string' ? { target: t } : t));
}

describe('build/electron-builder.yml against electron-builder’s JSON schema', () => {
  it('is valid against app-builder-lib/scheme.json (ajv, draft-07, no type coercion)', () => {
    expect(errorsOf(config)).toEqual([]);
  });

  it('passes electron-builder’s own loader and validator, as `--config` loads it', async () => {
    const loaded = await getConfig(ROOT, CONFIG_FILE, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    expect(loaded.msi?.upgradeCode).toBe(UPGRADE_CODE);
  });

  it('rejects a deliberately broken configuration (the validator is live)', async () => {
    const wrongType = clone(config) as unknown as { win: { target: unknown } };
    wrongType.win.target = 42;
    expect(errorsOf(wrongType).join('\n')).toMatch(/\/win\/target/);

    const misspelled = clone(config) as unknown as { msi: Record<string, unknown> };
    misspelled.msi.upgradecode = misspelled.msi.upgradeCode;
    delete misspelled.msi.upgradeCode;
    expect(errorsOf(misspelled).join('\n')).toMatch(/additional properties/);

    const badFuse = clone(config) as unknown as { electronFuses: Record<string, unknown> };
    badFuse.electronFuses.runAsNod = false;
    expect(errorsOf(badFuse)).not.toEqual([]);
    await expect(validateConfiguration(badFuse as Configuration, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration object/,
    );

    const badExecLevel = clone(config) as unknown as { win: Record<string, unknown> };
    badExecLevel.win.requestedExecutionLevel = 'administrator';
    expect(errorsOf(badExecLevel)).not.toEqual([]);
  });
});

describe('Windows targets and the MSI', () => {
  it('builds an x64 msi and an unpacked dir', () => {
    const targets = winTargets();
    expect(targets.map((t) => t.target).sort()).toEqual(['dir', 'msi']);
    for (const t of targets) expect(t.arch).toEqual(['x64']);
  });

  it('never elevates the whole app', () => {
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
  });

  it('installs per machine with the fixed upgrade code', () => {
    expect(config.msi?.upgradeCode).toMatch(GUID);
    expect(config.msi?.upgradeCode).toBe(UPGRADE_CODE);
    expect(config.msi?.perMachine).toBe(true);
  });

  it('has a Start-menu shortcut, no desktop shortcut and no launch after install', () => {
    expect(config.msi?.createStartMenuShortcut).toBe(true);
    expect(config.msi?.createDesktopShortcut).toBe(false);
    // electron-builder's default is true, which would start the app after a silent install.
    expect(config.msi?.runAfterFinish).toBe(false);
    expect(config.msi?.oneClick).toBe(true);
  });

  it('names the app and writes to release/', () => {
    expect(config.productName).toBe('Exchange Proxy Wizard');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/i);
    expect(config.directories?.output).toBe('release');
    expect(config.win?.executableName).toMatch(/^[A-Za-z0-9-]+$/);
    expect(config.msi?.artifactName).not.toMatch(/\s/);
  });
});

describe('app contents', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    main: string;
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
  };
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };

  it('ships no sudo-prompt: its Windows path runs a batch file from %TEMP% as administrator', () => {
    // The elevated writer starts reg.exe itself by absolute path (electron/adapters/windows/elevated-writer.ts).
    for (const name of ['@vscode/sudo-prompt', 'sudo-prompt']) {
      expect(pkg.dependencies).not.toHaveProperty([name]);
      expect(lock.packages).not.toHaveProperty([`node_modules/${name}`]);
    }
  });

  it('packs into asar the bundles the app loads', () => {
    expect(config.asar).toBe(true);
    const files = config.files as string[];
    for (const dir of ['dist/main', 'dist/preload', 'dist/renderer', 'dist/cli'])
      expect(files).toContain(`${dir}/**`);
    expect(files).toContain('package.json');
    // package.json "main" is inside the packed files.
    expect(files).toContain(`${pkg.main.split('/').slice(0, 2).join('/')}/**`);
  });

  it('ships koffi with its prebuilt x64 Windows module unpacked beside app.asar, never built at install', () => {
    // The credential store loads koffi at run time (electron/adapters/windows/koffi-loader.ts).
    const exact = /^\d+\.\d+\.\d+$/;
    expect(pkg.dependencies.koffi).toMatch(exact);
    const allow = (pkg as unknown as { allowScripts: Record<string, boolean> }).allowScripts;
    expect(allow.koffi).toBe(false);
    const locked = lock.packages as Record<string, { version?: string; optionalDependencies?: object }>;
    expect(locked['node_modules/koffi']?.version).toBe(pkg.dependencies.koffi);
    expect(locked['node_modules/koffi']?.optionalDependencies).toHaveProperty(['@koromix/koffi-win32-x64']);
    expect(locked['node_modules/@koromix/koffi-win32-x64']?.version).toBe(pkg.dependencies.koffi);
    const files = config.files as string[];
    expect(files).toContain('node_modules/koffi/**');
    expect(files).toContain('node_modules/@koromix/koffi-win32-x64/**');
    // A negated pattern after them must not take them out again.
    expect(files.filter((f) => f.startsWith('!') && /koffi|node_modules/.test(f))).toEqual([]);
    expect(config.asarUnpack).toEqual(['node_modules/@koromix/koffi-win32-x64/**']);
    // The bundles leave it to node_modules (a bundled koffi would not find its native module).
    const build = readFileSync(join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    expect(/external:\s*\[[^\]]*'koffi'/.exec(build)).not.toBeNull();
    const wine = readFileSync(join(ROOT, 'scripts', 'build-wine-tests.mjs'), 'utf8');
    expect(/external:\s*\[[^\]]*'koffi'/.exec(wine)).not.toBeNull();
  });

  it('keeps koffi out of every source file except its loader (lazy, Windows only)', () => {
    const importers: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (
          /\.tsx?$/.test(e.name) &&
          /from 'koffi'|\('koffi'\)/.test(readFileSync(join(ROOT, rel), 'utf8'))
        )
          importers.push(rel);
      }
    };
    for (const dir of ['electron', 'renderer/src']) walk(dir);
    expect(importers.filter((f) => !f.endsWith('.test.ts'))).toEqual([
      'electron/adapters/windows/koffi-loader.ts',
    ]);
  });

  it('ships the regedit scripts outside asar where findRegeditScripts looks', () => {
    const extra = config.extraResources as { from: string; to: string }[];
    const regedit = extra.find((r) => r.to === 'regedit/vbs');
    expect(regedit?.from).toBe('node_modules/regedit/vbs');
    const scripts = readdirSync(join(ROOT, regedit!.from));
    expect(scripts).toEqual(
      expect.arrayContaining(['regListStream.wsf', 'regPutValue.wsf', 'regDeleteValue.wsf', 'util.vbs']),
    );
  });

  it('ships the sample machines where samplesDir() looks', () => {
    const extra = config.extraResources as { from: string; to: string }[];
    const machines = extra.find((r) => r.to === 'assets/machines');
    expect(machines?.from).toBe('assets/machines');
    expect(readdirSync(join(ROOT, machines!.from))).toContain('xp-outlook2003-basic');
  });

  it('hardens the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has the dist:win and icons scripts', () => {
    expect(pkg.scripts['dist:win']).toContain(`electron-builder --win --config ${CONFIG_FILE}`);
    expect(pkg.scripts['dist:win']).toMatch(/^node scripts\/build\.mjs && /);
    expect(pkg.scripts.icons).toBe('node scripts/make-icons.mjs');
  });
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface IcoEntry {
  width: number;
  height: number;
  bitCount: number;
  data: Buffer;
}

function parseIco(ico: Buffer): IcoEntry[] {
  expect(ico.readUInt16LE(0)).toBe(0); // reserved
  expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon
  const count = ico.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    const size = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    expect(offset + size).toBeLessThanOrEqual(ico.length);
    entries.push({
      width: ico.readUInt8(at) || 256,
      height: ico.readUInt8(at + 1) || 256,
      bitCount: ico.readUInt16LE(at + 6),
      data: ico.subarray(offset, offset + size),
    });
  }
  return entries;
}

describe('icons', () => {
  it('uses the generated .ico for Windows', () => {
    expect(config.win?.icon).toBe('assets/icons/icon.ico');
    expect(existsSync(join(ROOT, 'assets/icon.svg'))).toBe(true);
  });

  it('the .ico holds PNG entries of every size up to 256 × 256', () => {
    const entries = parseIco(readFileSync(join(ROOT, config.win!.icon!)));
    expect(entries.map((e) => e.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const e of entries) {
      expect(e.height).toBe(e.width);
      expect(e.bitCount).toBe(32);
      expect(pngSize(e.data)).toEqual({ width: e.width, height: e.height });
      // The same render as the PNG files: both come from one run of scripts/make-icons.mjs.
      expect(e.data.equals(readFileSync(join(ROOT, `assets/icons/icon-${e.width}.png`)))).toBe(true);
    }
  });

  it('the PNG icons have the size their name says', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const png = readFileSync(join(ROOT, `assets/icons/icon-${size}.png`));
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
  });
});

describe('.github/workflows/windows-release.yml', () => {
  const workflow = readYaml('.github/workflows/windows-release.yml') as {
    on: { push?: { tags?: string[] }; workflow_dispatch?: unknown };
    jobs: Record<
      string,
      { 'runs-on': string; steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }
    >;
  };
  const [job] = Object.values(workflow.jobs);

  it('builds on a Windows runner on tags and by hand', () => {
    expect(workflow.on.push?.tags?.length).toBeGreaterThan(0);
    expect('workflow_dispatch' in workflow.on).toBe(true);
    expect(job?.['runs-on']).toBe('windows-latest');
  });

  it('tests, builds the MSI, runs the Electron e2e and uploads the MSI, in that order', () => {
    const runs = job!.steps.map((s) => s.run ?? '');
    const order = [
      'npm ci',
      'npm run test:unit',
      'npm run dist:win',
      'npx playwright test --project=electron',
    ].map((cmd) => runs.indexOf(cmd));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const upload = job!.steps.find(
      (s) => s.uses?.startsWith('actions/upload-artifact') && s.with?.path === 'release/*.msi',
    );
    expect(upload).toBeDefined();
    const setupNode = job!.steps.find((s) => s.uses?.startsWith('actions/setup-node'));
    expect(String(setupNode?.with?.['node-version'])).toBe('20');
  });
});
