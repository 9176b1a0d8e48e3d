import { ExproxyError } from '../../core/errors';
import { isValidHostName } from '../../core/lsa/host-name';
import { checkWriteAllowed, needsElevation } from '../../core/registry/allowlist';
import type { ElevatedRegistryWriter } from '../../core/registry/elevated-writer-port';
import type { RegValue } from '../../core/registry/reg-value';
import type { RegView } from '../../core/registry/registry-port';

/** `@vscode/sudo-prompt`'s exec, promisified (see sudo-prompt-exec.ts). */
export type SudoExec = (
  command: string,
  options: { name: string },
) => Promise<{ stdout: string | Buffer | undefined; stderr: string | Buffer | undefined }>;

/** Shown in the UAC prompt; sudo-prompt accepts letters, digits and spaces only. */
export const ELEVATION_APP_NAME = 'Exchange Proxy Wizard';

/** sudo-prompt's message when the person clicks "No" on the UAC prompt. */
export const SUDO_PERMISSION_DENIED = 'User did not grant permission.';

/**
 * sudo-prompt runs the command from a batch file after `cd` to our working directory, and
 * cmd.exe looks in the current directory before PATH: a bare `reg.exe` could start a
 * planted copy with administrator rights. `%SystemRoot%` is expanded by cmd.exe itself.
 */
const REG = '"%SystemRoot%\\System32\\reg.exe"';

// Every piece of text that can reach the command line is one of these constants, a
// single digit 0-5, or host names matching SAFE_HOST (checked twice).
const TARGETS = {
  'lm-compatibility-level': {
    key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
    value: 'LmCompatibilityLevel',
  },
  'back-connection-host-names': {
    key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0',
    value: 'BackConnectionHostNames',
  },
} as const;

const SAFE_HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

function refuse(why: string): never {
  throw new ExproxyError('not-allowed', `Refusing an elevated write: ${why}`);
}

/** The single command line for one allowed HKLM write; throws before anything runs otherwise. */
export function buildElevatedCommand(
  path: string,
  name: string,
  value: RegValue | null,
  view?: RegView,
): string {
  if (view === '32') refuse('the LSA settings have no 32-bit view');
  const kind = checkWriteAllowed(path, name, value);
  if (!needsElevation(kind) || (kind !== 'lm-compatibility-level' && kind !== 'back-connection-host-names')) {
    refuse(`${name} is a per-user value; it is never written elevated`);
  }
  const target = TARGETS[kind];
  const keyArg = `"${target.key}"`;
  if (value === null) {
    // Deleting an absent value is success: only delete when the query finds it.
    return `(${REG} query ${keyArg} /v ${target.value} >nul 2>&1 || exit /b 0) && ${REG} delete ${keyArg} /v ${target.value} /f`;
  }
  if (kind === 'lm-compatibility-level') {
    if (value.type !== 'REG_DWORD') refuse('LmCompatibilityLevel must be a REG_DWORD');
    const level = value.data;
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > 5) {
      refuse('LmCompatibilityLevel must be 0 to 5');
    }
    return `${REG} add ${keyArg} /v ${target.value} /t REG_DWORD /d ${String(level)} /f`;
  }
  if (value.type !== 'REG_MULTI_SZ') refuse('BackConnectionHostNames must be a REG_MULTI_SZ');
  const hosts = value.data;
  if (!hosts.every((h) => typeof h === 'string' && isValidHostName(h) && SAFE_HOST.test(h))) {
    refuse('BackConnectionHostNames may only hold DNS host names');
  }
  // reg.exe splits /d at the two characters "\0" (its default separator).
  return `${REG} add ${keyArg} /v ${target.value} /t REG_MULTI_SZ /d "${hosts.join('\\0')}" /f`;
}

/**
 * Writes the two allowlisted LSA values through a UAC prompt (`@vscode/sudo-prompt`,
 * which runs one command line as administrator). The command is built only from
 * constants and validated values, and everything is checked before the prompt appears.
 */
export class SudoPromptElevatedWriter implements ElevatedRegistryWriter {
  constructor(private readonly exec: SudoExec) {}

  async setValue(path: string, name: string, value: RegValue, view?: RegView): Promise<void> {
    return this.run(buildElevatedCommand(path, name, value, view), `${path}\\${name}`);
  }

  async deleteValue(path: string, name: string, view?: RegView): Promise<void> {
    return this.run(buildElevatedCommand(path, name, null, view), `${path}\\${name}`);
  }

  private async run(command: string, what: string): Promise<void> {
    try {
      await this.exec(command, { name: ELEVATION_APP_NAME });
    } catch (e) {
      const message = (e as Error)?.message ?? String(e);
      if (message === SUDO_PERMISSION_DENIED) {
        throw new ExproxyError(
          'elevation-declined',
          'The administrator prompt was declined; nothing was changed.',
        );
      }
      throw new ExproxyError('apply-failed', `Writing ${what} as administrator failed: ${message}`, {
        code: (e as { code?: unknown })?.code,
      });
    }
  }
}
