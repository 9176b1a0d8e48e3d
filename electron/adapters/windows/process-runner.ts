import { execFile, type ExecFileException } from 'node:child_process';
import { join } from 'node:path';

export interface ProcessResult {
  /** Exit code; a non-zero code is a result, not an error. */
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

export interface RunOptions {
  readonly timeoutMs?: number;
  /** Extra environment variables: how data reaches a script without entering its text. */
  readonly env?: Readonly<Record<string, string>>;
  /** Text written to the program's standard input (ASCII/UTF-8); stdin is closed after it. */
  readonly stdin?: string;
}

/**
 * Runs a program with an argument array: never through a shell, so nothing in an
 * argument (profile names, paths) is ever interpreted. Adapters take this interface so
 * tests can record the exact arrays.
 */
export interface ProcessRunner {
  run(file: string, args: readonly string[], opts?: RunOptions): Promise<ProcessResult>;
}

/** The program could not be started at all (not installed, not on PATH, blocked by policy). */
export class ProgramNotFoundError extends Error {
  readonly code = 'ENOENT';
  constructor(readonly file: string) {
    super(`${file} could not be started: the program was not found`);
    this.name = 'ProgramNotFoundError';
  }
}

/** The program ran longer than allowed and was stopped. */
export class ProgramTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(
    readonly file: string,
    readonly timeoutMs: number,
  ) {
    super(`${file} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`);
    this.name = 'ProgramTimeoutError';
  }
}

export const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_BUFFER = 512 * 1024 * 1024;

/** The real runner: `child_process.execFile`, no shell, hidden console window, raw bytes out. */
export const execFileRunner: ProcessRunner = {
  run(file, args, opts = {}) {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const child = execFile(
        file,
        [...args],
        {
          encoding: 'buffer',
          maxBuffer: MAX_BUFFER,
          windowsHide: true,
          shell: false,
          windowsVerbatimArguments: false,
          timeout: timeoutMs,
          killSignal: 'SIGKILL',
          ...(opts.env && { env: { ...process.env, ...opts.env } }),
        },
        (error: ExecFileException | null, stdout: Buffer, stderr: Buffer) => {
          if (!error) return resolve({ code: 0, stdout, stderr });
          if (error.code === 'ENOENT') return reject(new ProgramNotFoundError(file));
          if (error.killed && error.signal) return reject(new ProgramTimeoutError(file, timeoutMs));
          if (typeof error.code === 'number') return resolve({ code: error.code, stdout, stderr });
          reject(error);
        },
      );
      // Always close stdin: a tool waiting for input would otherwise hang until the timeout.
      // A program that exits without reading it makes the write fail (EPIPE): not our error.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(opts.stdin ?? '');
    });
  },
};

/**
 * Absolute path of a Windows system tool (`C:\Windows\System32\reg.exe`). Windows looks in
 * the current directory before PATH for a bare `reg.exe`, so a program started from a
 * Downloads folder could run a planted copy; the absolute path avoids that.
 */
export function systemTool(exe: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = env.SystemRoot ?? env.SYSTEMROOT ?? env.windir;
  if (process.platform !== 'win32' || !root) return exe;
  return join(root, 'System32', exe);
}

/** Text of a tool's output for matching ASCII markers (works for any OEM code page). */
export function outputText(result: ProcessResult): string {
  return `${result.stdout.toString('latin1')}\n${result.stderr.toString('latin1')}`;
}

/** A short, single-line excerpt of a tool's output for error messages. */
export function outputExcerpt(result: ProcessResult, max = 300): string {
  const text = outputText(result).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
