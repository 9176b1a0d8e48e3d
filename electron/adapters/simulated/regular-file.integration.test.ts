/**
 * `--hive` or a machine folder naming a device, a FIFO, a folder or a link: refused with what
 * it is before anything is read (exit 3 in the CLI), never a hang or a crash. Each load runs in
 * a child process with a timeout, so even a regression cannot hang this test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../test-support/cli-runner';
import { copySample, tempDir } from '../../test-support/sample-machines';
import { SimulatedMachine } from './simulated-machine';

let bundleDir: string;
let child: string;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  bundleDir = mkdtempSync(join(ROOT, 'dist', '.load-machine-'));
  child = join(bundleDir, 'load-machine.cjs');
  await build({
    entryPoints: [join(ROOT, 'electron', 'adapters', 'simulated', 'load-machine.child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

function load(
  option: '--hive' | '--machine',
  path: string,
): { loaded: boolean; kind?: string; message?: string } {
  const r = spawnSync(process.execPath, [child, option, path], { encoding: 'utf8', timeout: 15_000 });
  expect(r.error, `loading ${path} ended in time`).toBeUndefined();
  return JSON.parse(r.stdout) as { loaded: boolean; kind?: string; message?: string };
}

function fifo(): string {
  const path = join(tempDir(), 'registry.reg');
  execFileSync('mkfifo', [path]);
  expect(lstatSync(path).isFIFO()).toBe(true);
  return path;
}

describe('a registry file that is not a regular file is refused before it is read', () => {
  it.each([
    [
      '/dev/null',
      () => '/dev/null',
      /^\/dev\/null: is a device, not a regular file, so nothing was read; expected a \.reg export saved on disk$/,
    ],
    ['/dev/zero', () => '/dev/zero', /^\/dev\/zero: is a device, not a regular file/],
    ['a FIFO', fifo, /registry\.reg: is a named pipe \(FIFO\), not a regular file, so nothing was read/],
    ['a folder', () => tempDir(), /: is a folder, not a regular file, so nothing was read/],
  ])('--hive %s', (_what, path, message) => {
    const r = load('--hive', path());
    expect(r).toMatchObject({ loaded: false, kind: 'unreadable-input' });
    expect(r.message).toMatch(message);
  });

  it('a machine folder whose registry.reg or machine.json is a FIFO or a folder', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'registry.reg')]);
    expect(load('--machine', dir).message).toMatch(/registry\.reg: is a named pipe \(FIFO\)/);
    const sample = copySample('xp-outlook2003-basic');
    rmSync(join(sample.dir, 'machine.json'));
    execFileSync('mkfifo', [join(sample.dir, 'machine.json')]);
    expect(load('--machine', sample.dir).message).toMatch(
      /machine\.json: is a named pipe \(FIFO\), not a regular file, so nothing was read; expected a machine\.json file saved on disk/,
    );
    rmSync(join(sample.dir, 'machine.json'));
    mkdirSync(join(sample.dir, 'machine.json'));
    expect(load('--machine', sample.dir).message).toMatch(/machine\.json: is a folder/);
  });

  it('a link to a FIFO or to nothing', () => {
    const dir = tempDir();
    symlinkSync(fifo(), join(dir, 'to-fifo.reg'));
    expect(load('--hive', join(dir, 'to-fifo.reg')).message).toMatch(
      /to-fifo\.reg: is a named pipe \(FIFO\) \(it is a link to one\), not a regular file/,
    );
    symlinkSync(join(dir, 'gone.reg'), join(dir, 'dangling.reg'));
    expect(load('--hive', join(dir, 'dangling.reg')).message).toMatch(
      /dangling\.reg: is a link to something that cannot be read \(ENOENT\)/,
    );
  });

  it('a regular file still loads (the child sees the sample)', () => {
    expect(load('--hive', copySample('xp-outlook2003-basic').registryFile)).toMatchObject({ loaded: true });
  });
});

describe('a link to a regular file', () => {
  it('is followed: the machine reads and writes the file it points to, and the link stays a link', async () => {
    const sample = copySample('xp-outlook2003-basic');
    const link = join(tempDir(), 'linked.reg');
    symlinkSync(sample.registryFile, link);
    const m = SimulatedMachine.load({ hive: link });
    expect(m.registryFile).toBe(link);
    await m.elevated.setValue(
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
      'LmCompatibilityLevel',
      {
        type: 'REG_DWORD',
        data: 3,
      },
    );
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(false);
    expect(readFileSync(link).equals(readFileSync(sample.registryFile))).toBe(true);
  });
});
