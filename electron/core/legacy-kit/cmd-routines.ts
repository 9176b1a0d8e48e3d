/**
 * Subroutines shared by collect.cmd, fix.cmd and undo.cmd (each script carries its own copy:
 * the files travel alone). They run with command extensions on and delayed expansion off.
 *
 * Written to behave the same in Windows' cmd.exe (XP to 11) and in Wine's, which the tests
 * use. Avoided for that reason: `||` and `&&`; `goto` out of a FOR loop (Wine keeps looping);
 * delayed expansion (Wine expands `!` found inside values again); `if` on a FOR variable that
 * may hold a quote (a syntax error in Wine); `echo(` (Wine prints the parenthesis); `) 2>nul`
 * after a block (Wine misreads it); `find /i` (Wine lacks it).
 */

/** Said in every generated script: the constructs left out because Wine's cmd.exe runs them differently. */
export const SAME_ON_WINE_NOTE = [
  'rem Written to run the same in the cmd.exe of Windows XP to 11 and of Wine (the tests use Wine):',
  'rem "if errorlevel" instead of || and && (Wine evaluates || differently), no goto out of a FOR',
  'rem loop (Wine keeps looping), no delayed expansion (Wine expands ! inside values again), no IF',
  'rem on a FOR variable that may hold a quote (a syntax error in Wine), echo. rather than echo(.',
];

/** `:stamp` sets STAMP to the digits of %DATE%, a dash and the first six digits of %TIME%. */
export function stampRoutine(): string[] {
  return [
    ':stamp',
    'rem The digits of %DATE% in the order this PC writes dates, then hhmmss.',
    'set "DG_SRC=%DATE%"',
    'call :digits',
    'set "STAMP=%DG_OUT%"',
    'set "DG_SRC=%TIME: =0%"',
    'call :digits',
    'set "STAMP=%STAMP%-%DG_OUT:~0,6%"',
    'goto :eof',
    '',
    ':digits',
    'set "DG_OUT="',
    'set "DG_IN=%DG_SRC%"',
    ':digits_next',
    'if not defined DG_IN goto :eof',
    'set "DG_C=%DG_IN:~0,1%"',
    'set "DG_IN=%DG_IN:~1%"',
    'for %%d in (0 1 2 3 4 5 6 7 8 9) do if "%DG_C%"=="%%d" set "DG_OUT=%DG_OUT%%%d"',
    'goto :digits_next',
  ];
}

/**
 * `:outlook_state` sets OUTLOOK to running, closed or unknown and PROCESS_LIST to what told
 * us. A process list counts only when it shows this script's own cmd.exe: tasklist.exe is
 * missing on XP Home (and lists nothing under Wine), wmic is missing on XP Home and on the
 * newest Windows 11.
 */
export function outlookStateRoutine(): string[] {
  const seen = [
    '  if /i "%%p"=="cmd.exe" set "PL_SELF=1"',
    '  if /i "%%p"=="OUTLOOK.EXE" set "PL_OUTLOOK=1"',
    ')',
  ];
  return [
    ':outlook_state',
    'rem The loops only set flags: a goto out of a FOR loop does not stop it in Wine.',
    'set "OUTLOOK=unknown"',
    'set "PL_SELF="',
    'set "PL_OUTLOOK="',
    'set "PROCESS_LIST=tasklist"',
    `for /f "tokens=1" %%p in ('"%SystemRoot%\\System32\\tasklist.exe" /NH 2^>nul') do (`,
    ...seen,
    'if defined PL_SELF goto :outlook_state_seen',
    'set "PROCESS_LIST=wmic"',
    `for /f "tokens=1" %%p in ('"%SystemRoot%\\System32\\wbem\\wmic.exe" process get name ^<nul 2^>nul') do (`,
    ...seen,
    'if defined PL_SELF goto :outlook_state_seen',
    'set "PROCESS_LIST=none"',
    'goto :eof',
    ':outlook_state_seen',
    'set "OUTLOOK=closed"',
    'if defined PL_OUTLOOK set "OUTLOOK=running"',
    'goto :eof',
  ];
}

/**
 * `:native_reg` sets REG to a reg.exe that sees the 64-bit registry on 64-bit Windows: from a
 * 32-bit cmd.exe, System32 is redirected, so use Sysnative (Vista and later; XP x64 and Server
 * 2003 with KB942589). REG_VIEW says "32-bit only" when there is no way around it.
 */
export function nativeRegRoutine(): string[] {
  return [
    ':native_reg',
    'set "REG=%SystemRoot%\\System32\\reg.exe"',
    'set "REG_VIEW=native"',
    'if not defined PROCESSOR_ARCHITEW6432 goto :eof',
    'set "REG_VIEW=32-bit only"',
    'if not exist "%SystemRoot%\\Sysnative\\reg.exe" goto :eof',
    'set "REG=%SystemRoot%\\Sysnative\\reg.exe"',
    'set "REG_VIEW=native"',
    'goto :eof',
  ];
}
