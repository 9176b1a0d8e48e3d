import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, win32 } from 'node:path';
import { ExproxyError } from '../../core/errors';
import type { LmPolicyState, SystemPort } from '../../core/machine/system-port';
import { equalsIgnoreAsciiCase } from '../../core/registry/ascii-case';
import type { KoffiLike } from './credential-store';
import { isDomainJoined } from './domain-join';
import { loadKoffi } from './koffi-loader';
import { outputExcerpt, type ProcessRunner } from './process-runner';
import { nodeTempFileAccess, type TempFileAccess } from './reg-exe-registry';

/** Starts a GUI program detached from us; resolves once it has started. */
export type DetachedLauncher = (file: string, args: readonly string[]) => Promise<void>;

const spawnDetached: DetachedLauncher = (file, args) =>
  new Promise((resolve, reject) => {
    // windowsHide stays false here on purpose: it would start Outlook's window hidden.
    const child = spawn(file, [...args], {
      detached: true,
      stdio: 'ignore',
      shell: false,
      windowsHide: false,
    });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });

export interface WindowsSystemOptions {
  readonly tempDir: string;
  /** Program paths; default the bare names (use `systemTool(...)` for absolute paths). */
  readonly tools?: Partial<Record<'tasklist' | 'gpresult' | 'net' | 'whoami' | 'shutdown', string>>;
  /** Outlook's folder (InstallRoot\Path) or OUTLOOK.EXE path, known once the scan ran. */
  readonly outlookExePath?: string | (() => string | undefined);
  readonly files?: TempFileAccess;
  readonly launch?: DetachedLauncher;
  readonly env?: NodeJS.ProcessEnv;
  /** Test hook: names the gpresult report file. */
  readonly tempPath?: () => string;
  /** The FFI library for the domain-join question (default: koffi, loaded at first use). */
  readonly koffi?: () => Promise<KoffiLike>;
}

const LM_POLICY_KEY_NAME = 'MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\LmCompatibilityLevel';
export const RESTART_COMMENT =
  'Exchange Proxy Wizard: Windows restarts in 30 seconds to apply the new sign-in settings.';

/** Decodes a text file by its BOM (gpresult writes UTF-16LE; accept UTF-8 too). */
export function decodeText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf.length >= 2 && buf[1] === 0 && buf[0] !== 0) return buf.toString('utf16le');
  return buf.toString('utf8');
}

function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/**
 * Finds "Network security: LAN Manager authentication level" in a `gpresult /x` report:
 * a SecurityOptions entry whose KeyName is the LSA value. Element prefixes (q1:, q6:…)
 * vary between reports and are ignored; the winning entry has the lowest Precedence.
 */
export function parseLmPolicyFromGpresult(xml: string): LmPolicyState {
  const blocks = xml.matchAll(
    /<(?:[\w.-]+:)?SecurityOptions\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?SecurityOptions>/g,
  );
  const field = (block: string, name: string): string | undefined => {
    const m = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>`).exec(block);
    return m ? xmlText(m[1]!) : undefined;
  };
  let best: { precedence: number; level: number | undefined } | undefined;
  for (const [, block = ''] of blocks) {
    const keyName = field(block, 'KeyName');
    if (keyName === undefined || !equalsIgnoreAsciiCase(keyName, LM_POLICY_KEY_NAME)) continue;
    const precedence = Number(field(block, 'Precedence') ?? '1');
    const raw = field(block, 'SettingNumber');
    const level = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
    if (!best || precedence < best.precedence)
      best = { precedence: Number.isFinite(precedence) ? precedence : 1, level };
  }
  if (!best) return { managed: false };
  return best.level === undefined ? { managed: true } : { managed: true, level: best.level };
}

/** True if `tasklist /FO CSV /NH` output lists OUTLOOK.EXE (first column, any case). */
function tasklistShowsOutlook(csv: string): boolean {
  return csv.split(/\r?\n/).some((line) => line.trimStart().toUpperCase().startsWith('"OUTLOOK.EXE"'));
}

/** The machine facts and actions on real Windows, through system tools run without a shell. */
export class WindowsSystem implements SystemPort {
  private readonly files: TempFileAccess;
  private readonly launch: DetachedLauncher;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly runner: ProcessRunner,
    private readonly opts: WindowsSystemOptions,
  ) {
    this.files = opts.files ?? nodeTempFileAccess;
    this.launch = opts.launch ?? spawnDetached;
    this.env = opts.env ?? process.env;
  }

  private tool(name: 'tasklist' | 'gpresult' | 'net' | 'whoami' | 'shutdown'): string {
    return this.opts.tools?.[name] ?? `${name}.exe`;
  }

  async isOutlookRunning(): Promise<boolean> {
    const result = await this.runner.run(
      this.tool('tasklist'),
      ['/FI', 'IMAGENAME eq OUTLOOK.EXE', '/FO', 'CSV', '/NH'],
      { timeoutMs: 30_000 },
    );
    if (result.code !== 0) {
      throw new ExproxyError('unexpected', `tasklist failed with exit code ${result.code}.`, {
        output: outputExcerpt(result),
      });
    }
    return tasklistShowsOutlook(result.stdout.toString('latin1'));
  }

  /**
   * Only an elevated gpresult can report computer policy; without rights (or on any other
   * failure) the answer is "not managed", and the LSA value itself is still read.
   */
  async lmCompatibilityPolicy(): Promise<LmPolicyState> {
    const file =
      this.opts.tempPath?.() ??
      join(this.opts.tempDir, `exproxy-gpresult-${process.pid}-${randomUUID()}.xml`);
    try {
      const result = await this.runner.run(this.tool('gpresult'), ['/scope', 'computer', '/x', file, '/f'], {
        timeoutMs: 120_000,
      });
      if (result.code !== 0) return { managed: false };
      return parseLmPolicyFromGpresult(decodeText(await this.files.readFile(file)));
    } catch {
      return { managed: false };
    } finally {
      await this.files.unlink(file).catch(() => undefined);
    }
  }

  async isElevated(): Promise<boolean> {
    const session = await this.runner
      .run(this.tool('net'), ['session'], { timeoutMs: 30_000 })
      .catch(() => null);
    if (session?.code === 0) return true;
    // `net session` also fails when the Server service is stopped: ask for the token's
    // integrity level (High S-1-16-12288 or System S-1-16-16384), which is locale-proof.
    const groups = await this.runner
      .run(this.tool('whoami'), ['/groups', '/fo', 'csv', '/nh'], { timeoutMs: 30_000 })
      .catch(() => null);
    if (!groups || groups.code !== 0) return false;
    return /"S-1-16-(?:12288|16384)"/i.test(groups.stdout.toString('latin1'));
  }

  /** NetGetJoinInformation; null when Windows cannot tell. */
  isDomainJoined(): Promise<boolean | null> {
    return isDomainJoined(this.opts.koffi ?? loadKoffi);
  }

  async isSystemAccount(): Promise<boolean> {
    const user = this.env.USERNAME ?? '';
    if (user.endsWith('$')) return true;
    const result = await this.runner
      .run(this.tool('whoami'), ['/user', '/fo', 'csv', '/nh'], { timeoutMs: 30_000 })
      .catch(() => null);
    return result?.code === 0 && /"S-1-5-18"/.test(result.stdout.toString('latin1'));
  }

  /** Starts Outlook from its install folder (from InstallRoot\Path); never through a shell. */
  async startOutlook(outlookExePath?: string): Promise<void> {
    const configured =
      typeof this.opts.outlookExePath === 'function' ? this.opts.outlookExePath() : this.opts.outlookExePath;
    const exe = outlookExecutable(outlookExePath ?? configured);
    if (!exe)
      throw new ExproxyError(
        'unexpected',
        'Outlook’s program folder is not known; start Outlook from the Start menu.',
      );
    try {
      await this.launch(exe, []);
    } catch (e) {
      throw new ExproxyError('unexpected', `Outlook could not be started: ${(e as Error).message}`, {
        path: exe,
      });
    }
  }

  async restartWindows(): Promise<void> {
    const result = await this.runner.run(this.tool('shutdown'), ['/r', '/t', '30', '/c', RESTART_COMMENT], {
      timeoutMs: 30_000,
    });
    if (result.code !== 0) {
      throw new ExproxyError('apply-failed', `shutdown failed with exit code ${result.code}.`, {
        output: outputExcerpt(result),
      });
    }
  }
}

/**
 * `C:\...\Office16\` or `C:\...\OUTLOOK.EXE` → the absolute OUTLOOK.EXE path; anything
 * else (relative, not a Windows path, another program) → undefined.
 */
export function outlookExecutable(pathOrFolder: string | undefined): string | undefined {
  if (!pathOrFolder) return undefined;
  const p = pathOrFolder.trim().replace(/^"(.*)"$/, '$1');
  if (!/^(?:[A-Za-z]:\\|\\\\)/.test(p) || /[\0\r\n"]/.test(p)) return undefined;
  const exe = /\.exe$/i.test(p) ? p : win32.join(p, 'OUTLOOK.EXE');
  return win32.basename(exe).toUpperCase() === 'OUTLOOK.EXE' ? win32.normalize(exe) : undefined;
}
