import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputExcerpt, type ProcessResult, type ProcessRunner } from './process-runner';
import type { RegeditApi, RegeditArch, RegeditItem, RegeditValue } from './regedit-registry';

/**
 * The npm `regedit` package's `.wsf` scripts, run by us with the System32 cscript.exe.
 *
 * regedit's own JavaScript finds cscript by running a bare `cscript.exe` (Windows searches
 * the current folder first), then `where cscript.exe`, then a fixed `c:\windows` path, and
 * offers no supported way to name it. Seeding its private `_mock` hook would still leave the
 * fixed-drive fallback and depend on internals. So only its scripts and their line protocol
 * are used: keys in on stdin (`escape()`d, one per line, a blank line ends), one JSON object
 * per line out (`{"key": …, "data": {exists, keys, values}}` for lists), errors as exit codes.
 */
export interface RegeditScriptsOptions {
  /** `%SystemRoot%\System32\cscript.exe`, or undefined when the Windows folder is unknown. */
  readonly cscript: string | undefined;
  /** The folder with regListStream.wsf & co., or undefined when it was not found. */
  readonly scriptsDir: string | undefined;
  /** Default 10 minutes: WMI lists slowly, and regedit itself never timed out. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** Exit codes regedit's scripts use (see regedit/errors.js) that the adapter relies on. */
const EXIT_MESSAGES: Record<number, string> = {
  2: 'registry path does not exist',
  5: 'access is denied',
  25121: 'missing arguments',
  25122: 'unsupported hive',
  25123: 'values must come in groups of four lines',
  25124: 'invalid architecture',
  25127: 'empty line written to the script',
};

/** JavaScript's legacy `escape()`, which the scripts undo with VBScript's `unescape`. */
export function vbsEscape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const c = text.charCodeAt(i);
    if (/[A-Za-z0-9@*_+\-./]/.test(ch)) out += ch;
    else if (c < 0x100) out += `%${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += `%u${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** The lines a script reads: each escaped, CRLF-terminated, then the blank line that ends input. */
export function scriptInput(lines: readonly string[]): string {
  return `${lines.map((l) => `${vbsEscape(l)}\r\n`).join('')}\r\n`;
}

/**
 * Where the scripts are: packaged builds ship them outside app.asar as `resources/regedit/vbs`
 * (cscript cannot read inside an archive); otherwise the regedit package's own folder.
 */
export function findRegeditScripts(
  resourcesPath: string | undefined,
  moduleDir: string | undefined = regeditModuleDir(),
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const candidates = [
    resourcesPath ? join(resourcesPath, 'regedit', 'vbs') : undefined,
    moduleDir ? join(moduleDir, 'vbs') : undefined,
  ];
  return candidates.find((d) => d !== undefined && exists(join(d, 'regListStream.wsf')));
}

function regeditModuleDir(): string | undefined {
  try {
    return dirname(require.resolve('regedit/package.json'));
  } catch {
    return undefined;
  }
}

/** What went wrong, in words: the script's known exit code or the raw one, and its output. */
function describeExit(result: ProcessResult): string {
  const output = outputExcerpt(result);
  return `${EXIT_MESSAGES[result.code] ?? `cscript exited with code ${result.code}`}${output ? ` (${output})` : ''}`;
}

function failure(result: ProcessResult, what: string): Error {
  return Object.assign(new Error(`${what}: ${describeExit(result)}`), { code: result.code });
}

export class CscriptRegeditApi implements RegeditApi {
  constructor(
    private readonly runner: ProcessRunner,
    private readonly opts: RegeditScriptsOptions,
  ) {}

  private async run(script: string, arch: RegeditArch, lines: readonly string[]): Promise<ProcessResult> {
    const { cscript, scriptsDir } = this.opts;
    if (cscript === undefined) {
      throw Object.assign(new Error('cscript not found: the Windows folder (SystemRoot) is not known'), {
        code: 'ENOENT',
      });
    }
    if (scriptsDir === undefined) {
      throw Object.assign(new Error('cscript not found: the regedit scripts are missing'), {
        code: 'ENOENT',
      });
    }
    return this.runner.run(cscript, ['//Nologo', join(scriptsDir, script), arch], {
      stdin: scriptInput(lines),
      timeoutMs: this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  }

  /** One cscript process lists every key; the answers come back one line each, in order. */
  async list(keys: readonly string[], arch: RegeditArch): Promise<Record<string, RegeditItem>> {
    if (keys.length === 0) return {};
    const result = await this.run('regListStream.wsf', arch, keys);
    const lines = result.stdout
      .toString('latin1')
      .split('\r\n')
      .filter((l) => l.trim() !== '');
    if (lines.length === 0) {
      throw Object.assign(new Error(`Windows Script Host produced no output: ${describeExit(result)}`), {
        code: result.code,
      });
    }
    if (result.code !== 0) throw failure(result, 'list');
    if (lines.length !== keys.length)
      throw new Error(`cscript listed ${lines.length} of ${keys.length} keys`);
    const items = lines.map((l) => (JSON.parse(l) as { data: RegeditItem }).data);
    return Object.fromEntries(keys.map((k, i) => [k, items[i]!]));
  }

  async putValue(map: Record<string, Record<string, RegeditValue>>, arch: RegeditArch): Promise<void> {
    const lines: string[] = [];
    for (const [key, values] of Object.entries(map)) {
      for (const [name, v] of Object.entries(values)) lines.push(key, name, renderValue(v), v.type);
    }
    const result = await this.run('regPutValue.wsf', arch, lines);
    if (result.code !== 0) throw failure(result, 'putValue');
  }

  async deleteValue(keys: readonly string[], arch: RegeditArch): Promise<void> {
    const result = await this.run('regDeleteValue.wsf', arch, keys);
    if (result.code !== 0) throw failure(result, 'deleteValue');
  }
}

/** A value as regPutValue.wsf reads it (regedit's renderValueByType for the types we write). */
function renderValue(v: RegeditValue): string {
  if (Array.isArray(v.value)) return v.value.join(',');
  // The script treats an empty line as the end of input; regedit sends NUL for an empty string.
  if (v.value === '') return '\0';
  return String(v.value);
}
