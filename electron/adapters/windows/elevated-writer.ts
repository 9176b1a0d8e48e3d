import { ExproxyError } from '../../core/errors';
import type { ElevatedRegistryWriter } from '../../core/registry/elevated-writer-port';
import type { RegValue } from '../../core/registry/reg-value';
import type { RegistryReader, RegView } from '../../core/registry/registry-port';
import { commandLineParameters, elevatedRegCommand, type ElevatedRegCommand } from './elevated-reg-args';
import { elevationScript, parseElevationResult, RESULT_PREFIX } from './elevation-script';
import { encodedCommandArgs } from './powershell-command';
import {
  ProgramNotFoundError,
  ProgramTimeoutError,
  type ProcessResult,
  type ProcessRunner,
} from './process-runner';
import { system32Path } from './system-root';

/** The UAC prompt waits for a person; only give up when nobody has answered for this long. */
export const PROMPT_TIMEOUT_MS = 30 * 60_000;
/** CreateProcess takes at most 32,767 characters; stay clear of it. */
const MAX_COMMAND_LINE = 32_000;

/**
 * Writes the two allowlisted LSA values as administrator through the UAC prompt, with
 * nothing user-writable and no search-path lookup between the approval and the write:
 *
 * - powershell.exe is started by its absolute System32 path (execFile, no shell), with the
 *   script as -EncodedCommand: no batch or script file exists anywhere;
 * - the script asks Windows to start `%SystemRoot%\System32\reg.exe` (absolute) as
 *   administrator; reg.exe is the only elevated process, and the UAC prompt names it;
 * - reg.exe's arguments are built only from constants, a digit 0-5 and validated host
 *   names, all checked before PowerShell starts.
 *
 * (`@vscode/sudo-prompt` did this before; on Windows it writes a batch file to %TEMP% that
 * runs elevated after the prompt, and user-level software can rewrite it in between.)
 */
export class PowerShellElevatedWriter implements ElevatedRegistryWriter {
  /**
   * `root`: the Windows folder (see windowsRoot); undefined refuses every write.
   * `reader`: the unelevated registry, to tell "already absent" from a failed delete.
   */
  constructor(
    private readonly runner: ProcessRunner,
    private readonly reader: RegistryReader,
    private readonly root: string | undefined,
  ) {}

  async setValue(path: string, name: string, value: RegValue, view?: RegView): Promise<void> {
    const command = elevatedRegCommand(path, name, value, view);
    const code = await this.runElevated(command);
    if (code !== 0) throw this.regFailed(command, code);
  }

  async deleteValue(path: string, name: string, view?: RegView): Promise<void> {
    const command = elevatedRegCommand(path, name, null, view);
    const code = await this.runElevated(command);
    if (code === 0) return;
    // reg.exe exits 1 both when the value is already absent and on a real failure: the
    // value's absence, read back, is what makes it a success.
    if (code === 1 && !(await this.stillPresent(command))) return;
    throw this.regFailed(command, code);
  }

  /** Runs reg.exe elevated; resolves with its exit code, or throws for a declined or failed prompt. */
  private async runElevated(command: ElevatedRegCommand): Promise<number> {
    const parameters = commandLineParameters(command.args);
    if (this.root === undefined) {
      throw new ExproxyError(
        'blocked',
        'The Windows folder is not known (SystemRoot is missing or not a plain path like C:\\Windows), so the administrator prompt is not shown. Nothing was changed.',
      );
    }
    const powershell = system32Path(this.root, 'WindowsPowerShell', 'v1.0', 'powershell.exe');
    const args = encodedCommandArgs(
      elevationScript(this.root, system32Path(this.root, 'reg.exe'), parameters),
    );
    if (powershell.length + args.join(' ').length > MAX_COMMAND_LINE) {
      throw new ExproxyError(
        'not-allowed',
        `Refusing an elevated write: the value is too long for one administrator prompt (${command.target.value}).`,
      );
    }
    let result;
    try {
      result = await this.runner.run(powershell, args, { timeoutMs: PROMPT_TIMEOUT_MS });
    } catch (e) {
      if (e instanceof ProgramNotFoundError) {
        throw new ExproxyError(
          'blocked',
          `Windows PowerShell (${powershell}) is needed to show the administrator prompt and was not found. Nothing was changed.`,
        );
      }
      if (e instanceof ProgramTimeoutError) {
        throw new ExproxyError(
          'apply-failed',
          `Nobody answered the administrator prompt within ${PROMPT_TIMEOUT_MS / 60_000} minutes, so the wizard stopped waiting. If the prompt is still open, answer No.`,
        );
      }
      throw e;
    }
    const outcome = parseElevationResult(result.stdout.toString('latin1'));
    if (outcome?.status === 'declined') {
      throw new ExproxyError(
        'elevation-declined',
        'The administrator prompt was declined; nothing was changed.',
      );
    }
    if (outcome?.status === 'exited') return outcome.code;
    const why = outcome?.status === 'not-started' ? 'Windows could not start it' : 'PowerShell stopped early';
    throw new ExproxyError(
      'apply-failed',
      `reg.exe could not be run as administrator to change ${command.target.value}: ${why} (exit code ${result.code}: ${powershellOutput(result)}).`,
      { code: result.code },
    );
  }

  private regFailed(command: ElevatedRegCommand, code: number): ExproxyError {
    return new ExproxyError(
      'apply-failed',
      `reg.exe, run as administrator, could not change ${command.target.key}\\${command.target.value} (exit code ${code}).`,
      { code },
    );
  }

  private async stillPresent(command: ElevatedRegCommand): Promise<boolean> {
    const tree = await this.reader.readSubtrees([{ path: command.target.key, recursive: false }]);
    return tree.getValue(command.target.key, command.target.value) !== undefined;
  }
}

/** PowerShell's output for an error message: one short line, without our own result line. */
function powershellOutput(result: ProcessResult, max = 300): string {
  const text = `${result.stdout.toString('latin1')}\n${result.stderr.toString('latin1')}`
    .split(/\r?\n/)
    .filter((l) => !l.trim().startsWith(RESULT_PREFIX))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max)}…` : text || 'no output';
}
