/**
 * Helpers for the legacy-kit suite: seeding Wine's registry with a sample PC (and putting
 * Wine's own state back), running the generated batch files with Wine's real cmd.exe, and
 * writing kits and collect.cmd to folders whose names have spaces and cmd.exe's special
 * characters. Built for and run by a Windows node.exe under Wine only (scripts/test-wine.sh).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CollectedPc } from '../electron/adapters/collected/collected-pc';
import { collectScriptOptions } from '../electron/adapters/collected/collect-options';
import { systemTool } from '../electron/adapters/windows/process-runner';
import { scanMachine } from '../electron/core/diagnosis/scan';
import type { FixId } from '../electron/core/diagnosis/finding';
import { planFixes } from '../electron/core/fixes/fix-planner';
import { makeCollectScript } from '../electron/core/legacy-kit/collect-script';
import { makeFixKit, type FixKit } from '../electron/core/legacy-kit/fix-kit';
import { LSA_KEY, MSV1_0_KEY } from '../electron/core/registry/allowlist';
import {
  parseRegFile,
  type RegFile,
  type RegKeyEntry,
  type RegValueEntry,
} from '../electron/core/registry/reg-file';
import { WINDOWS_VERSION_KEY } from '../electron/core/lsa/os-info';
import {
  exactValuesEntry,
  highestMissingAncestor,
  importRegFile,
  keysUnder,
  keyValues,
  REPO,
  regFile,
} from './wine-harness';

export const CMD = systemTool('cmd.exe');

export const WMS =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem';
export const OFFICE16_USER = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0';
/** Subtrees the samples bring; the seed replaces them wholesale. */
const SUBTREES = [
  WMS,
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\11.0',
  OFFICE16_USER,
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0',
];
/** Keys whose values (not subkeys) the seed sets to exactly the sample's. */
const VALUE_KEYS = [WINDOWS_VERSION_KEY, LSA_KEY, MSV1_0_KEY];
/** Written by the kits; removed by every seed. */
const WRITTEN: RegValueEntry[] = ['LmCompatibilityLevel', 'BackConnectionHostNames'].map((name) => ({
  name,
  value: null,
  line: 0,
}));

export function sampleFile(id: string): RegFile {
  return parseRegFile(new Uint8Array(readFileSync(join(REPO, 'assets', 'machines', id, 'registry.reg'))), id);
}

/** Wine's own state of everything a seed touches, and the way back to it. */
export class WineRegistryState {
  private readonly original = new Map<string, RegValueEntry[]>();
  private readonly created: string[] = [];

  async save(): Promise<void> {
    for (const path of VALUE_KEYS) this.original.set(path, (await keyValues(path)) ?? []);
    for (const root of SUBTREES) this.created.push((await highestMissingAncestor(root)) ?? root);
  }

  /** Makes the registry hold exactly `sample`'s keys under the seeded subtrees, plus `extra`. */
  async seed(sample: RegFile, extra: RegKeyEntry[] = []): Promise<void> {
    const keys: RegKeyEntry[] = [];
    for (const root of SUBTREES)
      keys.push({ path: root, deleteKey: true, line: 0, values: [] }, ...keysUnder(sample, root));
    for (const path of VALUE_KEYS) {
      const wanted = sample.keys.find((k) => k.path.toLowerCase() === path.toLowerCase())?.values ?? [];
      keys.push(exactValuesEntry(path, wanted, [...((await keyValues(path)) ?? []), ...WRITTEN]));
    }
    await importRegFile(regFile([...keys, ...extra]));
  }

  async restore(): Promise<void> {
    const keys: RegKeyEntry[] = this.created.map((path) => ({ path, deleteKey: true, line: 0, values: [] }));
    for (const path of VALUE_KEYS)
      keys.push(exactValuesEntry(path, this.original.get(path) ?? [], (await keyValues(path)) ?? []));
    await importRegFile(regFile(keys));
  }
}

export interface ScriptRun {
  readonly code: number;
  readonly out: string;
  readonly ms: number;
}

/**
 * Runs a batch file with Wine's cmd.exe. A batch file can only be started through cmd.exe,
 * and cmd.exe takes one command line: it is built here from the test's own paths, quoted the
 * way cmd /c needs (`""script" args"`).
 */
export function runScript(
  script: string,
  args: readonly string[] = [],
  opts: { input?: string; timeoutMs?: number } = {},
): Promise<ScriptRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(CMD, ['/d', '/c', `""${script}"${args.map((a) => ` ${a}`).join('')}"`], {
      windowsVerbatimArguments: true,
      windowsHide: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => {
      // Programs cmd.exe started may outlive it and hold the pipes: let go of them too.
      child.kill();
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      reject(new Error(`${script} ${args.join(' ')} did not finish within ${opts.timeoutMs ?? 120_000} ms`));
    }, opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out: Buffer.concat(chunks).toString('latin1'), ms: Date.now() - started });
    });
    // No input means none at all: a prompt reads end of file instead of waiting.
    child.stdin.end(opts.input ?? '');
  });
}

export function assertExit(run: ScriptRun, code: number, what: string): void {
  assert.equal(run.code, code, `${what}: exit ${run.code}, expected ${code}\n${run.out}`);
}

export function writeFiles(dir: string, files: ReadonlyArray<{ path: string; bytes: Uint8Array }>): void {
  for (const f of files) {
    const path = join(dir, ...f.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.bytes);
  }
}

export function writeCollectScript(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'collect.cmd');
  writeFileSync(path, makeCollectScript(collectScriptOptions()));
  return path;
}

export async function diagnoseFolder(dir: string) {
  const pc = CollectedPc.load(dir);
  return { pc, ...(await scanMachine(pc.registry, pc.system)) };
}

/** Plans on the collected folder with the same planner as an in-app apply, then makes the kit. */
export async function kitFor(collected: string, fixes: FixId[]): Promise<FixKit> {
  const { pc, report, tree } = await diagnoseFolder(collected);
  return makeFixKit({
    plan: planFixes(report, tree, { fixes }),
    source: pc.collectedFrom,
    language: 'en',
    collect: collectScriptOptions(),
    keyExists: (path) => tree.hasKey(path),
  });
}
