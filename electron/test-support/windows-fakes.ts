/**
 * Test doubles for the Windows adapters: a recording ProcessRunner that behaves like
 * reg.exe over an in-memory RegTree, and a fake `regedit` API over the same kind of tree.
 * Used only by the *.test.ts files next to it.
 */
import { canonicalKeyPath, splitKeyPath } from '../core/registry/key-path';
import { regFileFromTree, REGEDIT5_FORMAT, writeRegFile, type RegKeyEntry } from '../core/registry/reg-file';
import { RegTree } from '../core/registry/reg-tree';
import { hexToBytes, type RegValue } from '../core/registry/reg-value';
import { snapshotPathFor, type RegView } from '../core/registry/registry-port';
import { decodeEncodedCommand } from '../adapters/windows/powershell-command';
import type { ProcessResult, ProcessRunner, RunOptions } from '../adapters/windows/process-runner';
import type { TempFileAccess } from '../adapters/windows/reg-exe-registry';
import type {
  RegeditApi,
  RegeditArch,
  RegeditItem,
  RegeditValue,
} from '../adapters/windows/regedit-registry';

export interface RecordedCall {
  readonly file: string;
  readonly args: readonly string[];
  readonly timeoutMs?: number;
  readonly stdin?: string;
  readonly env?: Readonly<Record<string, string>>;
}

export function result(code: number, stdout = '', stderr = ''): ProcessResult {
  return { code, stdout: Buffer.from(stdout, 'latin1'), stderr: Buffer.from(stderr, 'latin1') };
}

/** Records every call; answers with `respond` (default: exit 0, no output). */
export class RecordingRunner implements ProcessRunner {
  readonly calls: RecordedCall[] = [];
  constructor(
    private readonly respond: (call: RecordedCall) => ProcessResult | Promise<ProcessResult> = () =>
      result(0),
  ) {}

  async run(file: string, args: readonly string[], opts?: RunOptions): Promise<ProcessResult> {
    const call = { file, args: [...args], timeoutMs: opts?.timeoutMs, stdin: opts?.stdin, env: opts?.env };
    this.calls.push(call);
    return this.respond(call);
  }
}

/** In-memory temp files. */
export class MemoryFiles implements TempFileAccess {
  readonly files = new Map<string, Uint8Array>();
  readonly unlinked: string[] = [];
  async readFile(path: string): Promise<Uint8Array> {
    const f = this.files.get(path);
    if (!f) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return f;
  }
  async unlink(path: string): Promise<void> {
    this.unlinked.push(path);
    if (!this.files.delete(path)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  }
}

const NOT_FOUND = 'ERROR: The system was unable to find the specified registry key or value.\r\n';
export const POLICY_MESSAGE = 'ERROR: Registry editing has been disabled by your administrator.\r\n';

function viewOf(args: readonly string[]): RegView {
  if (args.includes('/reg:32')) return '32';
  if (args.includes('/reg:64')) return '64';
  return 'default';
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function parseData(type: string, data: string): RegValue {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return { type, data };
    case 'REG_DWORD':
      return { type, data: Number(data) };
    case 'REG_QWORD':
      return { type, data: BigInt(data) };
    case 'REG_BINARY':
      return { type, data: hexToBytes(data) };
    case 'REG_MULTI_SZ':
      return { type, data: data === '' ? [] : data.split('\\0') };
    default:
      throw new Error(`fake reg.exe: unsupported type ${type}`);
  }
}

/**
 * Behaves like reg.exe (export/add/delete/query) on `tree`, writing exports into `files`.
 * `blocked` makes every call fail like the "Prevent access to registry editing tools" policy.
 */
export class FakeRegExe extends RecordingRunner {
  blocked = false;
  constructor(
    readonly tree: RegTree,
    readonly files: MemoryFiles,
  ) {
    super((call) => this.execute(call.args));
  }

  private execute(args: readonly string[]): ProcessResult {
    if (this.blocked) return result(1, '', POLICY_MESSAGE);
    const [verb, rawKey] = args;
    if (!rawKey) return result(1, '', 'ERROR: Invalid syntax.\r\n');
    if (!args.includes('/f') && (verb === 'add' || verb === 'delete'))
      throw new Error('reg.exe would prompt without /f');
    const requested = canonicalKeyPath(rawKey);
    const real = snapshotPathFor(requested, viewOf(args));
    const valueName = args.includes('/ve') ? '' : option(args, '/v');
    switch (verb) {
      case 'export': {
        const key = this.tree.getKey(real);
        if (!key) return result(1, '', NOT_FOUND);
        // Like reg.exe, the export names keys by the path as requested.
        const file = regFileFromTree(this.tree, REGEDIT5_FORMAT, [real]);
        const keys: RegKeyEntry[] = file.keys.map((k) => ({
          ...k,
          path: requested + k.path.slice(canonicalKeyPath(real).length),
        }));
        this.files.files.set(args[2]!, writeRegFile({ format: REGEDIT5_FORMAT, keys }));
        return result(0, 'The operation completed successfully.\r\n');
      }
      case 'add': {
        this.tree.setValue(
          real,
          valueName!,
          parseData(option(args, '/t') ?? 'REG_SZ', option(args, '/d') ?? ''),
        );
        return result(0);
      }
      case 'delete':
        return this.tree.deleteValue(real, valueName!) ? result(0) : result(1, '', NOT_FOUND);
      case 'query': {
        const key = this.tree.getKey(real);
        if (!key) return result(1, '', NOT_FOUND);
        if (valueName !== undefined && key.value(valueName) === undefined) return result(1, '', NOT_FOUND);
        return result(0, `\r\n${rawKey}\r\n`);
      }
      default:
        return result(1, '', 'ERROR: Invalid syntax.\r\n');
    }
  }
}

/** A PowerShell single-quoted literal back to its text. */
function psUnquote(literal: string): string {
  return literal.slice(1, -1).replace(/(['\u2018\u2019\u201a\u201b])\1/g, '$1');
}

/** The program and parameters an elevation script would start (see elevation-script.ts). */
export function elevatedCall(args: readonly string[]): { program: string; parameters: string } {
  const script = decodeEncodedCommand(args);
  const program = /^\$program = ('.*')\r$/m.exec(script)?.[1];
  const parameters = /^\$parameters = ('.*')\r$/m.exec(script)?.[1];
  if (program === undefined || parameters === undefined) throw new Error('not an elevation script');
  return { program: psUnquote(program), parameters: psUnquote(parameters) };
}

/**
 * powershell.exe running an elevation script: `answer` says what the person does at the UAC
 * prompt; on "yes" the reg.exe command runs on `reg` (a FakeRegExe) with the parameters split
 * as Windows would split these (space-separated, `""` = empty).
 */
export class FakeElevation extends RecordingRunner {
  answer: 'yes' | 'no' | 'not-started' | 'crash' = 'yes';
  constructor(readonly reg: RecordingRunner) {
    super(async (call) => {
      if (this.answer === 'crash') return result(1, '', 'At line:1 char:1\r\n+ parse error');
      if (this.answer === 'no') return result(1223, 'exproxy-elevation: declined\r\n');
      if (this.answer === 'not-started')
        return result(
          1224,
          'The system cannot find the file specified\r\nexproxy-elevation: not-started\r\n',
        );
      const { program, parameters } = elevatedCall(call.args);
      const regArgs = parameters.split(' ').map((a) => (a === '""' ? '' : a));
      const r = await this.reg.run(program, regArgs);
      return result(r.code, `exproxy-elevation: exit ${r.code}\r\n`);
    });
  }
}

function toRegeditValue(v: RegValue): RegeditValue {
  switch (v.type) {
    case 'REG_BINARY':
      return { type: v.type, value: Array.from(v.data) };
    case 'REG_QWORD':
      return { type: v.type, value: Number(v.data) };
    case 'REG_NONE':
      return { type: v.type, value: 0 };
    case 'REG_MULTI_SZ':
      return { type: v.type, value: [...v.data] };
    case 'REG_RAW':
      throw new Error('fake regedit: REG_RAW');
    default:
      return { type: v.type, value: v.data };
  }
}

/** A fake of the regedit package's promisified API over an in-memory tree. */
export class FakeRegedit implements RegeditApi {
  readonly listCalls: { keys: string[]; arch: RegeditArch }[] = [];
  readonly putCalls: { map: Record<string, Record<string, RegeditValue>>; arch: RegeditArch }[] = [];
  readonly deleteCalls: { keys: string[]; arch: RegeditArch }[] = [];
  failWith: Error | undefined;

  constructor(readonly tree: RegTree) {}

  private real(key: string, arch: RegeditArch): string {
    return snapshotPathFor(canonicalKeyPath(key), arch === '32' ? '32' : 'default');
  }

  async list(keys: readonly string[], arch: RegeditArch): Promise<Record<string, RegeditItem>> {
    this.listCalls.push({ keys: [...keys], arch });
    if (this.failWith) throw this.failWith;
    const out: Record<string, RegeditItem> = {};
    for (const k of keys) {
      const key = this.tree.getKey(this.real(k, arch));
      if (!key) {
        out[k] = { exists: false, keys: [], values: {} };
        continue;
      }
      const values: Record<string, RegeditValue> = {};
      for (const { name, value } of key.values.values()) values[name] = toRegeditValue(value);
      out[k] = { exists: true, keys: key.subkeyNames(), values };
    }
    return out;
  }

  async putValue(map: Record<string, Record<string, RegeditValue>>, arch: RegeditArch): Promise<void> {
    this.putCalls.push({ map, arch });
    if (this.failWith) throw this.failWith;
    for (const [key, values] of Object.entries(map)) {
      for (const [name, v] of Object.entries(values)) {
        const value: RegValue =
          v.type === 'REG_BINARY'
            ? { type: 'REG_BINARY', data: Uint8Array.from(v.value as number[]) }
            : v.type === 'REG_DWORD'
              ? { type: 'REG_DWORD', data: v.value as number }
              : v.type === 'REG_MULTI_SZ'
                ? { type: 'REG_MULTI_SZ', data: v.value as string[] }
                : { type: 'REG_SZ', data: String(v.value) };
        this.tree.setValue(this.real(key, arch), name, value);
      }
    }
  }

  async deleteValue(keys: readonly string[], arch: RegeditArch): Promise<void> {
    this.deleteCalls.push({ keys: [...keys], arch });
    if (this.failWith) throw this.failWith;
    for (const entry of keys) {
      const { hive, parts } = splitKeyPath(entry);
      const name = parts.pop()!;
      if (!this.tree.deleteValue(this.real([hive, ...parts].join('\\'), arch), name)) {
        throw Object.assign(new Error('registry path does not exist'), { code: 2 });
      }
    }
  }
}
