/**
 * Helpers for the integration suites that run in a Windows node.exe under Wine, against
 * Wine's real registry through Wine's real reg.exe. Only ever built for and run on win32
 * (scripts/test-wine.sh); nothing here is imported by the product or by vitest.
 *
 * The harness talks to reg.exe through the same `execFileRunner` as the product, so every
 * call is an argument array. It asserts exit codes and data, never reg.exe's message text
 * (Wine's messages differ from Windows').
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LmPolicyState, SystemPort } from '../electron/core/machine/system-port';
import { isUnderKeyPath, shortKeyPath } from '../electron/core/registry/key-path';
import {
  applyRegFileToTree,
  parseRegFile,
  REGEDIT5_FORMAT,
  writeRegFile,
  type RegFile,
  type RegKeyEntry,
  type RegValueEntry,
} from '../electron/core/registry/reg-file';
import { RegTree } from '../electron/core/registry/reg-tree';
import { describeRegValue, regValuesEqual, type RegValue } from '../electron/core/registry/reg-value';
import type { RegView } from '../electron/core/registry/registry-port';
import {
  execFileRunner,
  outputExcerpt,
  systemTool,
  type ProcessResult,
  type ProcessRunner,
  type RunOptions,
} from '../electron/adapters/windows/process-runner';

/** The checkout, seen from dist/wine-tests/ (Wine maps `/` to `Z:\`). */
export const REPO = resolve(__dirname, '..', '..');
export const SAMPLE_DIR = join(REPO, 'assets', 'machines', 'xp-outlook2003-basic');
/** `C:\windows\System32\reg.exe`: the absolute path the product uses too. */
export const REG_EXE = systemTool('reg.exe');

/** Scratch folder in the Windows %TEMP% for exports, imports and the journal. */
export const SCRATCH = join(tmpdir(), `exproxy-wine-${process.pid}-${randomUUID().slice(0, 8)}`);
mkdirSync(SCRATCH, { recursive: true });

export function removeScratch(): void {
  rmSync(SCRATCH, { recursive: true, force: true });
}

/** Every reg.exe process this run started (product and harness) and the time they took. */
export const processStats = { count: 0, ms: 0 };

/**
 * Wine, on a fresh prefix under load, now and then fails to create a process at all
 * (`spawn UNKNOWN`: the program never started, so nothing ran). That is Wine's, not the
 * product's: the harness tries such a start again, at most twice, and counts the retries.
 */
export const spawnRetries = { count: 0 };

async function timed(file: string, args: readonly string[], opts?: RunOptions): Promise<ProcessResult> {
  const started = performance.now();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await execFileRunner.run(file, args, opts);
      } catch (e) {
        if ((e as { code?: unknown }).code !== 'UNKNOWN' || attempt >= 2) throw e;
        spawnRetries.count++;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    processStats.count++;
    processStats.ms += performance.now() - started;
  }
}

/** Counts the processes the product starts (the scan's must not grow with profiles). */
export class CountingRunner implements ProcessRunner {
  calls: { file: string; args: readonly string[] }[] = [];
  run(file: string, args: readonly string[], opts?: RunOptions): Promise<ProcessResult> {
    this.calls.push({ file, args });
    return timed(file, args, opts);
  }
}

function viewArgs(view?: RegView): string[] {
  return view === '32' ? ['/reg:32'] : view === '64' ? ['/reg:64'] : [];
}

/** Runs reg.exe (the harness's own calls, outside the adapter). */
export function reg(args: readonly string[]): Promise<ProcessResult> {
  return timed(REG_EXE, args, { timeoutMs: 60_000 });
}

export async function regOk(args: readonly string[]): Promise<ProcessResult> {
  const r = await reg(args);
  assert.equal(r.code, 0, `reg ${args.join(' ')} → exit ${r.code}: ${outputExcerpt(r)}`);
  return r;
}

export async function keyExists(path: string, view?: RegView): Promise<boolean> {
  const r = await reg(['query', shortKeyPath(path), ...viewArgs(view)]);
  if (r.code !== 0 && r.code !== 1) assert.fail(`reg query ${path} → exit ${r.code}: ${outputExcerpt(r)}`);
  return r.code === 0;
}

/** `reg query KEY /v NAME` exit code: 0 present, 1 absent. */
export async function valueQuery(path: string, name: string): Promise<ProcessResult> {
  return reg(['query', shortKeyPath(path), '/v', name]);
}

export interface Exported {
  /** The file exactly as reg.exe wrote it. */
  readonly bytes: Buffer;
  /** Its text (UTF-16LE after the BOM). */
  readonly text: string;
  readonly file: RegFile;
  readonly tree: RegTree;
}

/** `reg export` of a whole subtree through the harness (not the adapter); null when the key is missing. */
export async function exportKey(path: string, view?: RegView): Promise<Exported | null> {
  const out = join(SCRATCH, `export-${randomUUID()}.reg`);
  const r = await reg(['export', shortKeyPath(path), out, '/y', ...viewArgs(view)]);
  if (r.code === 1) return null;
  assert.equal(r.code, 0, `reg export ${path} → exit ${r.code}: ${outputExcerpt(r)}`);
  const bytes = readFileSync(out);
  rmSync(out, { force: true });
  assert.deepEqual([bytes[0], bytes[1]], [0xff, 0xfe], 'reg export writes UTF-16LE with a BOM');
  const file = parseRegFile(new Uint8Array(bytes), out);
  const tree = new RegTree();
  applyRegFileToTree(file, tree);
  return { bytes, text: bytes.subarray(2).toString('utf16le'), file, tree };
}

/** Imports a .reg file (written with our codec in the given format) with `reg import`. */
export async function importRegFile(file: RegFile): Promise<void> {
  const path = join(SCRATCH, `import-${randomUUID()}.reg`);
  writeFileSync(path, writeRegFile(file));
  try {
    await regOk(['import', path]);
  } finally {
    rmSync(path, { force: true });
  }
}

/** The values directly in one key (no subkeys), in the order reg.exe exported them. */
export async function keyValues(path: string): Promise<RegValueEntry[] | null> {
  const exported = await exportKey(path);
  if (!exported) return null;
  const entry = exported.file.keys.find((k) => k.path.toLowerCase() === path.toLowerCase());
  return entry ? entry.values : [];
}

/**
 * A key entry that makes `path` hold exactly `values` when imported: sets each and deletes
 * (`"v"=-`) whatever else is there now.
 */
export function exactValuesEntry(
  path: string,
  values: readonly RegValueEntry[],
  current: readonly RegValueEntry[],
): RegKeyEntry {
  const wanted = new Set(values.map((v) => v.name.toLowerCase()));
  return {
    path,
    deleteKey: false,
    line: 0,
    values: [
      ...values.map((v) => ({ name: v.name, value: v.value, line: 0 })),
      ...current
        .filter((v) => !wanted.has(v.name.toLowerCase()))
        .map((v) => ({ name: v.name, value: null, line: 0 })),
    ],
  };
}

export function regFile(keys: RegKeyEntry[]): RegFile {
  return { format: REGEDIT5_FORMAT, keys };
}

/** Every key of `file` at or under `root`. */
export function keysUnder(file: RegFile, root: string): RegKeyEntry[] {
  return file.keys.filter((k) => !k.deleteKey && isUnderKeyPath(k.path, root));
}

/** The highest missing key on the way from the hive to `path` (what to delete to undo creating it). */
export async function highestMissingAncestor(path: string): Promise<string | null> {
  const parts = path.split('\\');
  for (let i = 2; i <= parts.length; i++) {
    const p = parts.slice(0, i).join('\\');
    if (!(await keyExists(p))) return p;
  }
  return null;
}

/**
 * Asserts that two snapshots hold the same keys and values under `root`, byte for byte,
 * except for the values listed in `ignore` (`path\name`, case-insensitive).
 */
export function assertSameSubtree(
  actual: RegTree,
  expected: RegTree,
  root: string,
  ignore: string[] = [],
): void {
  const skip = new Set(ignore.map((s) => s.toLowerCase()));
  const flatten = (tree: RegTree): Map<string, RegValue | 'key'> => {
    const out = new Map<string, RegValue | 'key'>();
    const start = tree.getKey(root);
    if (!start) return out;
    for (const { path, key } of tree.walk(root)) {
      out.set(`${path.toLowerCase()}`, 'key');
      for (const { name, value } of key.values.values()) {
        const id = `${path}\\${name}`.toLowerCase();
        if (!skip.has(id)) out.set(`${id}=`, value);
      }
    }
    return out;
  };
  const a = flatten(actual);
  const e = flatten(expected);
  assert.ok(e.size > 0, `expected snapshot has nothing under ${root}`);
  assert.deepEqual([...a.keys()].sort(), [...e.keys()].sort(), `same keys and value names under ${root}`);
  for (const [id, ev] of e) {
    const av = a.get(id)!;
    if (ev === 'key') continue;
    assert.ok(
      av !== 'key' && regValuesEqual(av, ev),
      `${id} differs: ${av === 'key' ? 'a key' : describeRegValue(av)} vs ${describeRegValue(ev)}`,
    );
  }
}

/**
 * The non-registry facts of the seeded machine, as the sample's machine.json states them
 * (Outlook not running, no LAN Manager policy). Wine has no Outlook, gpresult or UAC; the
 * Windows system adapter is covered by its own call tests.
 */
export const seededSystem: SystemPort = {
  isOutlookRunning: async () => false,
  lmCompatibilityPolicy: async (): Promise<LmPolicyState> => ({ managed: false }),
  isElevated: async () => true,
  isSystemAccount: async () => false,
  startOutlook: async () => undefined,
  restartWindows: async () => undefined,
};

/** `"name"=hex:02,00,00,00` as reg export writes a REG_BINARY (lowercase, comma-separated). */
export function exportedBinaryLine(name: string, bytes: readonly number[]): string {
  return `"${name}"=hex:${bytes.map((b) => b.toString(16).padStart(2, '0')).join(',')}`;
}
