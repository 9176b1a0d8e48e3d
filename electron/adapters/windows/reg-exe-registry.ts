import { randomUUID } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ExproxyError } from '../../core/errors';
import { checkWriteAllowed } from '../../core/registry/allowlist';
import { canonicalKeyPath, shortKeyPath } from '../../core/registry/key-path';
import { applyRegFileToTree, parseRegFile } from '../../core/registry/reg-file';
import { HIVES } from '../../core/registry/reg-format';
import { RegTree, type RegKey } from '../../core/registry/reg-tree';
import { bytesToHex, type RegValue } from '../../core/registry/reg-value';
import {
  snapshotPathFor,
  type RegistryPort,
  type RegView,
  type SubtreeRequest,
} from '../../core/registry/registry-port';
import { mapBounded } from './map-bounded';
import { runningUnderWine } from './wine-detect';
import { outputExcerpt, outputText, type ProcessResult, type ProcessRunner } from './process-runner';

/** File access the adapter needs for `reg export` temp files (injectable for tests). */
export interface TempFileAccess {
  readFile(path: string): Promise<Uint8Array>;
  unlink(path: string): Promise<void>;
}

export const nodeTempFileAccess: TempFileAccess = {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  unlink: (path) => unlink(path),
};

export interface RegExeOptions {
  /** Folder for `reg export` output (the user's %TEMP%). */
  readonly tempDir: string;
  /** Default `reg.exe`; pass `systemTool('reg.exe')` for the absolute System32 path. */
  readonly regExe?: string;
  readonly files?: TempFileAccess;
  /** Test hook: names the next temp file. */
  readonly tempPath?: () => string;
  readonly readTimeoutMs?: number;
  readonly writeTimeoutMs?: number;
  /** `reg export`s run at once: 4 on Windows, 1 under Wine (see runningUnderWine). */
  readonly readConcurrency?: number;
}

/**
 * English text reg.exe prints when "Prevent access to registry editing tools" is on. It is
 * localized on other Windows languages; createWindowsRegistry's probe catches those
 * locale-independently (HKCU\Software can never be missing).
 */
const POLICY_BLOCKED = /registry editing has been disabled by your administrator/i;
const ACCESS_DENIED = /access is denied/i;
/** reg.exe exports run side by side: few enough not to swamp a slow PC's disk and antivirus. */
const READ_CONCURRENCY = 4;
/**
 * Under Wine one at a time: Wine 8's wineserver crashed (SIGSEGV, every Wine process then hangs)
 * in 5 of 16 runs of the Wine reg.exe suite with four exports at once, and in none of 11 with one.
 */
const READ_CONCURRENCY_UNDER_WINE = 1;

function mergeTree(from: RegTree, into: RegTree): void {
  for (const hive of new Set(HIVES.values())) from.copySubtreeInto(hive, into);
}

function isRegEditingBlocked(result: ProcessResult): boolean {
  return POLICY_BLOCKED.test(outputText(result));
}

function viewArgs(view: RegView | undefined): string[] {
  if (view === '32') return ['/reg:32'];
  if (view === '64') return ['/reg:64'];
  return [];
}

function valueNameArgs(name: string): string[] {
  return name === '' ? ['/ve'] : ['/v', name];
}

/** reg.exe's own separator for REG_MULTI_SZ items: the two characters backslash and zero. */
const MULTI_SZ_SEPARATOR = '\\0';

/** `/t <type> /d <data>` for `reg add`; throws for what reg.exe cannot write faithfully. */
export function regAddDataArgs(value: RegValue): string[] {
  switch (value.type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return ['/t', value.type, '/d', value.data];
    case 'REG_DWORD':
      if (!Number.isInteger(value.data) || value.data < 0 || value.data > 0xffffffff) {
        throw new ExproxyError('not-allowed', `REG_DWORD out of range: ${value.data}`);
      }
      return ['/t', 'REG_DWORD', '/d', String(value.data)];
    case 'REG_QWORD':
      if (value.data < 0n || value.data > 0xffffffffffffffffn) {
        throw new ExproxyError('not-allowed', `REG_QWORD out of range: ${value.data}`);
      }
      return ['/t', 'REG_QWORD', '/d', value.data.toString()];
    case 'REG_BINARY':
      return ['/t', 'REG_BINARY', '/d', bytesToHex(value.data)];
    case 'REG_MULTI_SZ':
      // reg.exe splits /d at "\0" (its default separator; `/s` takes one character only).
      // An item containing the separator, or an empty item (which would read as the end of
      // the list), cannot be written faithfully.
      if (value.data.some((s) => s.length === 0 || s.includes(MULTI_SZ_SEPARATOR))) {
        throw new ExproxyError(
          'not-allowed',
          'REG_MULTI_SZ items must be non-empty and must not contain "\\0"',
        );
      }
      return ['/t', 'REG_MULTI_SZ', '/d', value.data.join(MULTI_SZ_SEPARATOR)];
    default:
      throw new ExproxyError('not-allowed', `reg.exe cannot write ${value.type} data byte for byte`);
  }
}

/**
 * The registry through `reg.exe`: reads with `reg export` (UTF-16, so every name and
 * string survives, unlike `reg query` text in the OEM code page), writes with
 * `reg add`/`reg delete`. Every call is an argument array, never a shell line.
 */
export class RegExeRegistry implements RegistryPort {
  readonly name = 'reg.exe';
  private readonly regExe: string;
  private readonly files: TempFileAccess;
  private readonly tempPath: () => string;
  private readonly readConcurrency: number;

  constructor(
    private readonly runner: ProcessRunner,
    private readonly opts: RegExeOptions,
  ) {
    this.regExe = opts.regExe ?? 'reg.exe';
    this.files = opts.files ?? nodeTempFileAccess;
    this.tempPath = opts.tempPath ?? (() => join(opts.tempDir, `exproxy-${process.pid}-${randomUUID()}.reg`));
    this.readConcurrency =
      opts.readConcurrency ?? (runningUnderWine() ? READ_CONCURRENCY_UNDER_WINE : READ_CONCURRENCY);
  }

  private run(args: readonly string[], timeoutMs: number): Promise<ProcessResult> {
    return this.runner.run(this.regExe, args, { timeoutMs });
  }

  private blocked(result: ProcessResult): ExproxyError {
    return new ExproxyError(
      'blocked',
      'reg.exe is blocked by the "Prevent access to registry editing tools" policy.',
      {
        adapter: this.name,
        output: outputExcerpt(result),
      },
    );
  }

  /**
   * A cheap check that reg.exe works: `reg query HKCU\Software` (no export, no recursion).
   * That key always exists, so any failure means reg.exe is unusable (blocked, whatever
   * the language of its message).
   */
  async probe(): Promise<void> {
    const result = await this.run(['query', 'HKCU\\Software'], this.opts.readTimeoutMs ?? 30_000);
    if (result.code === 0) return;
    if (isRegEditingBlocked(result)) throw this.blocked(result);
    throw new ExproxyError(
      'blocked',
      `reg.exe cannot read HKEY_CURRENT_USER\\Software (exit code ${result.code}).`,
      {
        adapter: this.name,
        output: outputExcerpt(result),
      },
    );
  }

  /**
   * One `reg export` per request, a few at a time: each is a process start plus a temp file, so
   * the batch's wall time is a few rounds, not one per key. Results are merged in request order,
   * and the first failure in that order is the one reported, whatever finished first.
   */
  async readSubtrees(requests: readonly SubtreeRequest[]): Promise<RegTree> {
    let stopped = false;
    const parts = await mapBounded(requests, this.readConcurrency, async (request) => {
      // After a failure (a blocked reg.exe fails every export) start no more processes.
      if (stopped) return null;
      const part = new RegTree();
      try {
        await this.readOne(request, part);
      } catch (e) {
        stopped = true;
        throw e;
      }
      return part;
    });
    const failed = parts.find((p) => p.status === 'rejected');
    if (failed) throw failed.reason;
    const out = new RegTree();
    for (const p of parts) if (p.status === 'fulfilled' && p.value) mergeTree(p.value, out);
    return out;
  }

  private async readOne(request: SubtreeRequest, out: RegTree): Promise<void> {
    const source = canonicalKeyPath(request.path);
    const target = canonicalKeyPath(snapshotPathFor(source, request.view));
    const tempFile = this.tempPath();
    const args = ['export', shortKeyPath(source), tempFile, '/y', ...viewArgs(request.view)];
    let exported: RegTree;
    try {
      const result = await this.run(args, this.opts.readTimeoutMs ?? 180_000);
      if (result.code !== 0) {
        if (isRegEditingBlocked(result)) throw this.blocked(result);
        if (result.code === 1 && ACCESS_DENIED.test(outputText(result))) {
          throw new ExproxyError('unexpected', `Access to ${source} is denied.`, {
            output: outputExcerpt(result),
          });
        }
        // Exit code 1: the key does not exist, which a snapshot shows as absence.
        if (result.code === 1) return;
        throw new ExproxyError('unexpected', `reg export ${source} failed with exit code ${result.code}.`, {
          output: outputExcerpt(result),
        });
      }
      const bytes = await this.files.readFile(tempFile);
      exported = new RegTree();
      applyRegFileToTree(parseRegFile(bytes, tempFile), exported);
    } finally {
      await this.files.unlink(tempFile).catch(() => undefined);
    }
    // With /reg:32 the export names the key as requested; accept the WOW6432Node spelling too.
    const found =
      [source, target]
        .map((p) => ({ path: p, key: exported.getKey(p) }))
        .find((c): c is { path: string; key: RegKey } => c.key !== undefined) ?? null;
    if (!found) return;
    copyInto(exported, found.path, out, target, request.recursive !== false);
  }

  async setValue(path: string, name: string, value: RegValue, view?: RegView): Promise<void> {
    checkWriteAllowed(path, name, value);
    const args = [
      'add',
      shortKeyPath(path),
      ...valueNameArgs(name),
      ...regAddDataArgs(value),
      '/f',
      ...viewArgs(view),
    ];
    const result = await this.run(args, this.opts.writeTimeoutMs ?? 30_000);
    if (result.code === 0) return;
    if (isRegEditingBlocked(result)) throw this.blocked(result);
    throw new ExproxyError('apply-failed', `reg add ${path}\\${name} failed with exit code ${result.code}.`, {
      output: outputExcerpt(result),
    });
  }

  async deleteValue(path: string, name: string, view?: RegView): Promise<void> {
    checkWriteAllowed(path, name, null);
    const key = shortKeyPath(path);
    const timeoutMs = this.opts.writeTimeoutMs ?? 30_000;
    const result = await this.run(
      ['delete', key, ...valueNameArgs(name), '/f', ...viewArgs(view)],
      timeoutMs,
    );
    if (result.code === 0) return;
    if (isRegEditingBlocked(result)) throw this.blocked(result);
    // Exit code 1 also means "no such value or key", which is success here. Whether the
    // value is really gone is checked by exit code, never by (localized) message text.
    const check = await this.run(['query', key, ...valueNameArgs(name), ...viewArgs(view)], timeoutMs);
    if (check.code !== 0) return;
    throw new ExproxyError(
      'apply-failed',
      `reg delete ${path}\\${name} failed with exit code ${result.code}.`,
      {
        output: outputExcerpt(result),
      },
    );
  }
}

/** Copies `from` (recursively, or only its values and child names) to `to` in `out`. */
function copyInto(src: RegTree, from: string, out: RegTree, to: string, recursive: boolean): void {
  const key = src.getKey(from);
  if (!key) return;
  if (!recursive) {
    out.ensureKey(to);
    for (const { name, value } of key.values.values()) out.setValue(to, name, value);
    for (const sub of key.subkeys.values()) out.ensureKey(`${to}\\${sub.name}`);
    return;
  }
  const base = canonicalKeyPath(from);
  for (const { path, key: k } of src.walk(base)) {
    const dest = to + path.slice(base.length);
    out.ensureKey(dest);
    for (const { name, value } of k.values.values()) out.setValue(dest, name, value);
  }
}
