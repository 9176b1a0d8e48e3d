import { psQuote } from './powershell-command';
import { system32Path } from './system-root';

/** What the script prints last, so its result is never confused with PowerShell's own exit code. */
export const RESULT_PREFIX = 'exproxy-elevation:';
/** ERROR_CANCELLED: the person answered No at the UAC prompt. */
export const EXIT_DECLINED = 1223;
/** The elevated program could not be started for another reason (message printed before). */
export const EXIT_NOT_STARTED = 1224;

export type ElevationResult =
  | { readonly status: 'declined' }
  | { readonly status: 'not-started' }
  | { readonly status: 'exited'; readonly code: number };

/**
 * A Windows PowerShell script that starts `program` (an absolute path) with `parameters`
 * through the UAC prompt ("runas"), waits, and reports the outcome on its last line.
 *
 * Only .NET types and language keywords are used in full language mode: no cmdlet, so no
 * module is auto-loaded from the user-writable `Documents\WindowsPowerShell\Modules`, and
 * `Process.Start` keeps Windows' own error code (Start-Process rewraps it in a localized
 * message, losing 1223). Under an application-control policy PowerShell runs in
 * constrained language, where those types are not allowed: then Start-Process is used from
 * the module file in System32 (admin-only), and a declined prompt cannot be told apart from
 * other start failures. Either way the only elevated process is `program` itself.
 */
export function elevationScript(root: string, program: string, parameters: string): string {
  const management = system32Path(
    root,
    'WindowsPowerShell',
    'v1.0',
    'Modules',
    'Microsoft.PowerShell.Management',
    'Microsoft.PowerShell.Management.psd1',
  );
  return [
    "$ErrorActionPreference = 'Stop'",
    `$program = ${psQuote(program)}`,
    `$parameters = ${psQuote(parameters)}`,
    `$folder = ${psQuote(system32Path(root))}`,
    "if ($ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage') {",
    '  $info = [System.Diagnostics.ProcessStartInfo]::new($program, $parameters)',
    '  $info.UseShellExecute = $true',
    "  $info.Verb = 'runas'",
    '  $info.WindowStyle = [System.Diagnostics.ProcessWindowStyle]::Hidden',
    '  $info.WorkingDirectory = $folder',
    '  try {',
    '    $process = [System.Diagnostics.Process]::Start($info)',
    '  } catch {',
    '    $cause = $_.Exception',
    '    while ($null -ne $cause -and -not ($cause -is [System.ComponentModel.Win32Exception])) { $cause = $cause.InnerException }',
    `    if ($null -ne $cause -and $cause.NativeErrorCode -eq ${EXIT_DECLINED}) { '${RESULT_PREFIX} declined'; exit ${EXIT_DECLINED} }`,
    `    $_.Exception.Message; '${RESULT_PREFIX} not-started'; exit ${EXIT_NOT_STARTED}`,
    '  }',
    `  if ($null -eq $process) { '${RESULT_PREFIX} not-started'; exit ${EXIT_NOT_STARTED} }`,
    '  $process.WaitForExit()',
    '} else {',
    `  Import-Module -Name ${psQuote(management)}`,
    '  try {',
    '    $process = Microsoft.PowerShell.Management\\Start-Process -FilePath $program -ArgumentList $parameters -WorkingDirectory $folder -Verb RunAs -WindowStyle Hidden -Wait -PassThru',
    '  } catch {',
    `    $_.Exception.Message; '${RESULT_PREFIX} not-started'; exit ${EXIT_NOT_STARTED}`,
    '  }',
    '}',
    `'${RESULT_PREFIX} exit ' + $process.ExitCode`,
    'exit $process.ExitCode',
    '',
  ].join('\r\n');
}

/** The outcome from the script's output, or undefined when PowerShell failed before reporting one. */
export function parseElevationResult(stdout: string): ElevationResult | undefined {
  const lines = stdout.split(/\r?\n/).map((l) => l.trim());
  const last = lines.filter((l) => l.startsWith(RESULT_PREFIX)).at(-1);
  if (last === undefined) return undefined;
  const rest = last.slice(RESULT_PREFIX.length).trim();
  if (rest === 'declined') return { status: 'declined' };
  if (rest === 'not-started') return { status: 'not-started' };
  const m = /^exit (-?\d+)$/.exec(rest);
  return m ? { status: 'exited', code: Number(m[1]) } : undefined;
}
