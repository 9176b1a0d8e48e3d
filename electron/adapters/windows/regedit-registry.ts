import { ExproxyError } from '../../core/errors';
import { checkWriteAllowed } from '../../core/registry/allowlist';
import { asciiLower, equalsIgnoreAsciiCase } from '../../core/registry/ascii-case';
import { canonicalKeyPath, shortKeyPath } from '../../core/registry/key-path';
import { RegTree } from '../../core/registry/reg-tree';
import type { RegValue } from '../../core/registry/reg-value';
import {
  snapshotPathFor,
  type RegistryPort,
  type RegView,
  type SubtreeRequest,
} from '../../core/registry/registry-port';

/** regedit's architecture switch: A = the process's own view, 32/64 = that view explicitly. */
export type RegeditArch = 'A' | '32' | '64';

/** A value as the regedit package reports it. */
export interface RegeditValue {
  readonly type: string;
  readonly value: unknown;
}

/** One listed key as the regedit package reports it. */
export interface RegeditItem {
  readonly exists: boolean;
  readonly keys: readonly string[];
  readonly values: Readonly<Record<string, RegeditValue>>;
}

/**
 * The part of the npm `regedit` package this adapter uses, in the shape of its
 * `promisified` API (`list(keys, arch)`, `putValue(map, arch)`, `deleteValue(keys, arch)`).
 * The real one is `CscriptRegeditApi` (regedit-scripts.ts); tests pass a fake.
 */
export interface RegeditApi {
  /** One cscript process lists every key given; result keys are the requested strings. */
  list(keys: readonly string[], arch: RegeditArch): Promise<Record<string, RegeditItem>>;
  putValue(map: Record<string, Record<string, RegeditValue>>, arch: RegeditArch): Promise<void>;
  /** Each entry is `<key>\<value name>`. */
  deleteValue(keys: readonly string[], arch: RegeditArch): Promise<void>;
}

function archFor(view: RegView | undefined): RegeditArch {
  return view === '32' ? '32' : view === '64' ? '64' : 'A';
}

const SCRIPT_HOST_UNAVAILABLE =
  /cscript not found|windows script host|script engine|vbscript|access is disabled|ENOENT|has been disabled/i;

/** Windows Script Host disabled, VBScript removed, cscript missing: the adapter cannot run. */
export function isScriptHostUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e && e.code === 'ENOENT') return true;
  return typeof e?.message === 'string' && SCRIPT_HOST_UNAVAILABLE.test(e.message);
}

/** regedit's error for "no such key or value" (a WMI return code passed through as exit code). */
function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 2;
}

function toUint32(n: number): number {
  return n < 0 ? n + 0x1_0000_0000 : n;
}

/** Maps one regedit value to ours; returns undefined for kinds regedit cannot report. */
export function fromRegeditValue(v: RegeditValue): RegValue | undefined {
  switch (v.type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return typeof v.value === 'string' ? { type: v.type, data: v.value } : undefined;
    case 'REG_DEFAULT':
      return typeof v.value === 'string' ? { type: 'REG_SZ', data: v.value } : undefined;
    case 'REG_DWORD':
      return typeof v.value === 'number' ? { type: 'REG_DWORD', data: toUint32(v.value) } : undefined;
    case 'REG_QWORD':
      // regedit reports QWORDs as JSON numbers: exact up to 2^53 only.
      return typeof v.value === 'number'
        ? { type: 'REG_QWORD', data: BigInt(Math.trunc(v.value)) }
        : undefined;
    case 'REG_BINARY':
      return Array.isArray(v.value)
        ? { type: 'REG_BINARY', data: Uint8Array.from(v.value as number[]) }
        : undefined;
    case 'REG_MULTI_SZ':
      if (v.value === null || v.value === undefined) return { type: 'REG_MULTI_SZ', data: [] };
      return Array.isArray(v.value)
        ? { type: 'REG_MULTI_SZ', data: (v.value as unknown[]).map(String) }
        : undefined;
    case 'REG_NONE':
      // regedit does not read REG_NONE data (it always reports 0).
      return { type: 'REG_NONE', data: new Uint8Array() };
    default:
      return undefined;
  }
}

/** Our value in regedit's putValue shape; throws for what its scripts cannot write faithfully. */
export function toRegeditValue(value: RegValue): RegeditValue {
  switch (value.type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return { type: value.type, value: value.data };
    case 'REG_DWORD':
      return { type: 'REG_DWORD', value: value.data };
    case 'REG_QWORD':
      return { type: 'REG_QWORD', value: value.data.toString() };
    case 'REG_BINARY':
      // regPutValue.wsf rejects an empty line, so an empty binary cannot be sent.
      if (value.data.length === 0)
        throw new ExproxyError('not-allowed', 'regedit cannot write an empty REG_BINARY');
      return { type: 'REG_BINARY', value: Array.from(value.data) };
    case 'REG_MULTI_SZ':
      // regPutValue.wsf splits the items at commas.
      if (value.data.length === 0 || value.data.some((s) => s.length === 0 || s.includes(','))) {
        throw new ExproxyError(
          'not-allowed',
          'regedit can only write REG_MULTI_SZ items that are non-empty and have no comma',
        );
      }
      return { type: 'REG_MULTI_SZ', value: [...value.data] };
    default:
      throw new ExproxyError('not-allowed', `regedit cannot write ${value.type}`);
  }
}

interface Pending {
  /** Short path as regedit takes it (`HKCU\...`). */
  readonly listKey: string;
  /** Where the key lands in the snapshot. */
  readonly dest: string;
  readonly recursive: boolean;
}

/**
 * The registry through the npm `regedit` package (Windows Script Host + WMI), for machines
 * where reg.exe is blocked by policy. Reads walk the requested subtrees breadth first with
 * ONE `list` call (one cscript process) per depth level and view for all keys at that
 * level, so the number of processes grows with depth, never with the number of profiles.
 */
export class RegeditRegistry implements RegistryPort {
  readonly name = 'regedit';

  constructor(private readonly api: RegeditApi) {}

  private wrap(error: unknown, what: string): ExproxyError {
    if (error instanceof ExproxyError) return error;
    const message = (error as Error)?.message ?? String(error);
    if (isScriptHostUnavailable(error)) {
      return new ExproxyError('blocked', `Windows Script Host is not available (${message}).`, {
        adapter: this.name,
      });
    }
    return new ExproxyError('unexpected', `regedit ${what} failed: ${message}`, { adapter: this.name });
  }

  private async list(keys: readonly string[], arch: RegeditArch): Promise<Record<string, RegeditItem>> {
    try {
      return await this.api.list(keys, arch);
    } catch (e) {
      throw this.wrap(e, 'list');
    }
  }

  /** Cheap check that the script host works: lists HKCU\Software (one level). */
  async probe(): Promise<void> {
    const result = await this.list(['HKCU\\Software'], 'A');
    const item = lookup(result, 'HKCU\\Software');
    if (!item?.exists) {
      throw new ExproxyError('blocked', 'regedit cannot read HKEY_CURRENT_USER\\Software.', {
        adapter: this.name,
      });
    }
  }

  async readSubtrees(requests: readonly SubtreeRequest[]): Promise<RegTree> {
    const out = new RegTree();
    const byArch = new Map<RegeditArch, Pending[]>();
    for (const r of requests) {
      const arch = archFor(r.view);
      const level = byArch.get(arch) ?? [];
      level.push({
        listKey: shortKeyPath(r.path),
        dest: canonicalKeyPath(snapshotPathFor(r.path, r.view)),
        recursive: r.recursive !== false,
      });
      byArch.set(arch, level);
    }
    for (const [arch, roots] of byArch) {
      let level = roots;
      while (level.length > 0) {
        const unique = dedupe(level);
        const result = await this.list(
          unique.map((p) => p.listKey),
          arch,
        );
        const next: Pending[] = [];
        for (const p of unique) {
          const item = lookup(result, p.listKey);
          if (!item || !item.exists) continue;
          out.ensureKey(p.dest);
          for (const [name, raw] of Object.entries(item.values ?? {})) {
            const value = fromRegeditValue(raw);
            if (value) out.setValue(p.dest, name, value);
          }
          for (const child of item.keys ?? []) {
            const dest = `${p.dest}\\${child}`;
            out.ensureKey(dest);
            if (p.recursive) next.push({ listKey: `${p.listKey}\\${child}`, dest, recursive: true });
          }
        }
        level = next;
      }
    }
    return out;
  }

  async setValue(path: string, name: string, value: RegValue, view?: RegView): Promise<void> {
    checkWriteAllowed(path, name, value);
    if (name === '') throw new ExproxyError('not-allowed', 'regedit cannot write a default value here');
    const map = { [shortKeyPath(path)]: { [name]: toRegeditValue(value) } };
    try {
      await this.api.putValue(map, archFor(view));
    } catch (e) {
      const wrapped = this.wrap(e, 'putValue');
      throw wrapped.kind === 'unexpected'
        ? new ExproxyError('apply-failed', wrapped.message, wrapped.details)
        : wrapped;
    }
  }

  async deleteValue(path: string, name: string, view?: RegView): Promise<void> {
    checkWriteAllowed(path, name, null);
    try {
      await this.api.deleteValue([`${shortKeyPath(path)}\\${name}`], archFor(view));
    } catch (e) {
      if (isNotFound(e)) return; // already absent
      const wrapped = this.wrap(e, 'deleteValue');
      throw wrapped.kind === 'unexpected'
        ? new ExproxyError('apply-failed', wrapped.message, wrapped.details)
        : wrapped;
    }
  }
}

function dedupe(level: readonly Pending[]): Pending[] {
  const seen = new Map<string, Pending>();
  for (const p of level) {
    const k = `${asciiLower(p.listKey)}\n${asciiLower(p.dest)}`;
    const prev = seen.get(k);
    if (!prev || (!prev.recursive && p.recursive)) seen.set(k, p);
  }
  return [...seen.values()];
}

function lookup(result: Record<string, RegeditItem>, key: string): RegeditItem | undefined {
  if (Object.prototype.hasOwnProperty.call(result, key)) return result[key];
  const match = Object.keys(result).find((k) => equalsIgnoreAsciiCase(k, key));
  return match === undefined ? undefined : result[match];
}
