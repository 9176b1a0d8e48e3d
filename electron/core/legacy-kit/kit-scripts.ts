import { cmdFile, cmdLiteral } from './cmd-text';
import { collectRoutine, collectSupportRoutines, type CollectScriptOptions } from './collect-script';
import { SAME_ON_WINE_NOTE } from './cmd-routines';
import {
  backupRoutine,
  CHECK_ONE_ROUTINE,
  checkRoutine,
  SIGNATURE_ROUTINE,
  stateRoutine,
} from './kit-check-routines';
import { CHECK_SCRATCH, type KitPart, type RootCheck } from './kit-roots';
import { shortKeyPath } from '../registry/key-path';

export type KitDirection = 'fix' | 'undo';

export interface KitScriptInput {
  readonly direction: KitDirection;
  /** Checks of the profile part (empty: the kit has none). */
  readonly user: readonly RootCheck[];
  /** Checks of the computer part (empty: the kit has none). */
  readonly machine: readonly RootCheck[];
  readonly restartOutlook: boolean;
  readonly restartWindows: boolean;
  readonly restartIisAdmin: boolean;
  /** The collected PC's name when it is a plain computer name (it is printed, nothing more). */
  readonly computer: string | null;
  readonly collect: CollectScriptOptions;
}

const SCRATCH = shortKeyPath(CHECK_SCRATCH);

/**
 * File names of one part, seen from one direction: `apply` writes the change, `revert` holds
 * the live values as they are before it (and puts them back), `target` and `origin` are the
 * same two states under the checks' scratch key.
 */
function files(direction: KitDirection, part: KitPart) {
  const fix = `${part === 'user' ? 'fix-user' : 'fix-machine'}.reg`;
  const undo = `${part === 'user' ? 'undo-user' : 'undo-machine'}.reg`;
  const after = `check\\${part}-after.reg`;
  const before = `check\\${part}-before.reg`;
  return direction === 'fix'
    ? { apply: fix, revert: undo, target: after, origin: before }
    : { apply: undo, revert: fix, target: before, origin: after };
}

/** fix.cmd or undo.cmd: orchestration only; every value is in the kit's .reg files. */
export function makeKitScript(input: KitScriptInput): string {
  const { direction } = input;
  const me = direction === 'fix' ? 'fix.cmd' : 'undo.cmd';
  const hasUser = input.user.length > 0;
  const hasMachine = input.machine.length > 0;
  if (!hasUser && !hasMachine) throw new Error('a kit script needs a user or a machine part');
  const u = files(direction, 'user');
  const m = files(direction, 'machine');
  const doing = direction === 'fix' ? 'Applying the fix' : 'Undoing the fix';
  const afterDir = direction === 'fix' ? 'after' : 'after-undo';
  const computer = input.computer ? cmdLiteral('computer', input.computer) : null;

  const restarts = [
    ...(input.restartOutlook
      ? [
          'if defined APPLIED_USER echo - Start Outlook again: it reads the changed sign-in setting when it starts.',
        ]
      : []),
    ...(input.restartWindows
      ? [
          'if defined APPLIED_MACHINE echo - Restart Windows: the LAN Manager level takes effect after a restart.',
        ]
      : []),
    ...(input.restartIisAdmin
      ? [
          'if defined APPLIED_MACHINE echo - Restart the IIS Admin service: net stop iisadmin /y, then net start iisadmin',
          'if defined APPLIED_MACHINE echo   and net start smtpsvc (or restart Windows).',
        ]
      : []),
  ];

  return cmdFile([
    '@echo off',
    `rem Exchange Proxy Wizard fix kit - ${me} (generated for one collected PC; steps.html explains it).`,
    `rem   ${me} [/quiet] [/user ^| /machine]`,
    'rem /user: only the Outlook profile part. Run it as the Outlook user (also as a logon script).',
    'rem /machine: only the computer part. Run it as an administrator (also as a GPO startup script).',
    'rem Exit codes: 0 done, or nothing left to do; 4 administrator rights needed, nothing changed;',
    'rem 5 blocked (Outlook running, or the values are not as collected), nothing changed;',
    'rem 6 a check failed and the previous values were put back; 1 anything else (reason printed).',
    'rem Profile names, servers and values travel only inside the .reg files: this script names',
    'rem fixed keys only. It checks each value with reg query on a scratch copy of its root key',
    `rem (${SCRATCH}), deleted again afterwards.`,
    ...SAME_ON_WINE_NOTE,
    'setlocal EnableExtensions DisableDelayedExpansion',
    'set "KIT=%~dp0"',
    'set "QUIET="',
    'set "ONLY="',
    'set "RC=1"',
    ':args',
    'if "%~1"=="" goto :args_done',
    'if /i "%~1"=="/quiet" goto :arg_quiet',
    'if /i "%~1"=="/user" goto :arg_user',
    'if /i "%~1"=="/machine" goto :arg_machine',
    'goto :usage',
    ':arg_quiet',
    'set "QUIET=1"',
    'shift',
    'goto :args',
    ':arg_user',
    'if defined ONLY goto :usage',
    'set "ONLY=user"',
    'shift',
    'goto :args',
    ':arg_machine',
    'if defined ONLY goto :usage',
    'set "ONLY=machine"',
    'shift',
    'goto :args',
    ':usage',
    `echo Usage: ${me} [/quiet] [/user ^| /machine]`,
    'exit /b 1',
    ':args_done',
    'call :native_reg',
    'set "DO_USER="',
    'set "DO_MACHINE="',
    ...(hasUser ? ['if not "%ONLY%"=="machine" set "DO_USER=1"'] : []),
    ...(hasMachine ? ['if not "%ONLY%"=="user" set "DO_MACHINE=1"'] : []),
    'if defined DO_USER goto :parts_ok',
    'if defined DO_MACHINE goto :parts_ok',
    `echo This kit has no ${hasUser ? 'computer' : 'profile'} part: nothing to do for /%ONLY%.`,
    'exit /b 0',
    ':parts_ok',
    'rem Backups, work files and the new collection go beside the kit, or to %TEMP% when the kit',
    'rem folder is read-only (a CD, SYSVOL).',
    'set "DATA=%KIT:~0,-1%"',
    'copy nul "%DATA%\\kit-write-test.tmp" >nul 2>&1',
    'if exist "%DATA%\\kit-write-test.tmp" goto :data_ok',
    'set "DATA=%TEMP%\\ExchangeProxyWizardKit"',
    'md "%DATA%" >nul 2>&1',
    ':data_ok',
    'del /f /q "%DATA%\\kit-write-test.tmp" >nul 2>&1',
    'set "WORK=%DATA%\\work"',
    'md "%WORK%" >nul 2>&1',
    'copy nul "%WORK%\\t1.txt" >nul 2>&1',
    'if exist "%WORK%\\t1.txt" goto :work_ok',
    'echo Cannot write to "%WORK%". Nothing was changed.',
    'exit /b 1',
    ':work_ok',
    `echo Exchange Proxy Wizard fix kit: ${doing.toLowerCase()}.`,
    ...(computer
      ? [
          `if /i not "%COMPUTERNAME%"=="${computer}" echo Note: this kit was made for ${computer}; this PC is "%COMPUTERNAME%".`,
        ]
      : []),
    '',
    'rem 1. Outlook rewrites its profile when it closes: the profile part waits until it is closed.',
    'if not defined DO_USER goto :outlook_ok',
    'call :outlook_state',
    'if "%OUTLOOK%"=="running" goto :outlook_running',
    'if "%OUTLOOK%"=="closed" goto :outlook_ok',
    'if defined QUIET goto :outlook_quiet',
    'echo Cannot tell whether Outlook is running (this Windows has no tasklist or wmic).',
    'set "ANSWER=N"',
    'set /p "ANSWER=Close Outlook, then type Y and press Enter to go on: "',
    'if /i "%ANSWER:"=%"=="Y" goto :outlook_ok',
    'echo Stopped: Outlook may be open. Nothing was changed.',
    'set "RC=5"',
    'goto :finish',
    ':outlook_quiet',
    'echo Cannot tell whether Outlook is running (no tasklist or wmic here). /quiet was given,',
    'echo so going on: make sure Outlook is closed.',
    'goto :outlook_ok',
    ':outlook_running',
    `echo Outlook is running. Close Outlook (all its windows), then run ${me} again.`,
    'echo Nothing was changed.',
    'set "RC=5"',
    'goto :finish',
    ':outlook_ok',
    '',
    'rem 2. Where the values stand now.',
    'echo Checking the current values...',
    'set "USER_STATE=skip"',
    'set "MACHINE_STATE=skip"',
    ...(hasUser ? ['if defined DO_USER call :state_user'] : []),
    ...(hasMachine ? ['if defined DO_MACHINE call :state_machine'] : []),
    'if "%USER_STATE%"=="missing" goto :user_missing',
    'if "%USER_STATE%"=="changed" goto :changed',
    'if "%MACHINE_STATE%"=="missing" goto :changed',
    'if "%MACHINE_STATE%"=="changed" goto :changed',
    'set "TODO="',
    'if "%USER_STATE%"=="todo" set "TODO=1"',
    'if "%MACHINE_STATE%"=="todo" set "TODO=1"',
    'if defined TODO goto :admin',
    `echo Nothing to do: ${direction === 'fix' ? 'the fix is already in place' : 'the previous values are already back'}.`,
    'set "RC=0"',
    'goto :finish',
    '',
    'rem 3. The computer part needs administrator rights: re-import the values it holds now (no',
    'rem change) to learn whether Windows lets this session write there, before anything changes.',
    ':admin',
    ...(hasMachine
      ? [
          'if not "%MACHINE_STATE%"=="todo" goto :backup',
          `"%REG%" import "%KIT%${m.revert}" >nul 2>&1`,
          'if errorlevel 1 goto :not_admin',
        ]
      : []),
    '',
    'rem 4. Backup of the whole keys, then write: the computer part first, then the profile part.',
    ':backup',
    'call :stamp',
    'set "BACKUP=%DATA%\\backup\\%STAMP%"',
    'if exist "%BACKUP%" set "BACKUP=%BACKUP%-%RANDOM%"',
    'rem A folder that could not be made fails the exports below.',
    'md "%BACKUP%" >nul 2>&1',
    'set "BK_OK=yes"',
    ...(hasMachine ? ['if "%MACHINE_STATE%"=="todo" call :backup_machine'] : []),
    'if not "%BK_OK%"=="yes" goto :backup_failed',
    ...(hasUser ? ['if "%USER_STATE%"=="todo" call :backup_user'] : []),
    'if not "%BK_OK%"=="yes" goto :backup_failed',
    'echo Backup: "%BACKUP%"',
    `echo ${doing}...`,
    'set "APPLIED_MACHINE="',
    'set "APPLIED_USER="',
    ...(hasMachine
      ? [
          'if not "%MACHINE_STATE%"=="todo" goto :write_user',
          'set "APPLIED_MACHINE=1"',
          `"%REG%" import "%KIT%${m.apply}" >nul 2>&1`,
          'if errorlevel 1 goto :import_failed',
        ]
      : []),
    ':write_user',
    ...(hasUser
      ? [
          'if not "%USER_STATE%"=="todo" goto :verify',
          'set "APPLIED_USER=1"',
          `"%REG%" import "%KIT%${u.apply}" >nul 2>&1`,
          'if errorlevel 1 goto :import_failed',
        ]
      : []),
    '',
    'rem 5. Read every written value back.',
    ':verify',
    'echo Checking the new values...',
    ...(hasMachine
      ? [
          'if not defined APPLIED_MACHINE goto :verify_user',
          'call :check_machine_target',
          'if not "%CHK_OK%"=="yes" goto :failed',
        ]
      : []),
    ':verify_user',
    ...(hasUser
      ? [
          'if not defined APPLIED_USER goto :verified',
          'call :check_user_target',
          'if not "%CHK_OK%"=="yes" goto :failed',
        ]
      : []),
    ':verified',
    `echo Done: ${direction === 'fix' ? 'the new values are in place and checked' : 'the previous values are back and checked'}.`,
    ...(restarts.length > 0 ? ['echo Next:', ...restarts] : []),
    '',
    `rem 6. Collect again into ${afterDir}\\: open it in the wizard to see the result.`,
    `set "COLLECT_HOME=%DATA%\\"`,
    `set "COLLECT_OUT=%DATA%\\${afterDir}"`,
    'set "COLLECT_SERVER="',
    'echo.',
    'call :collect',
    'set "RC=0"',
    'goto :finish',
    '',
    ':import_failed',
    // Said apart from a failed read-back: a refused import (access, a locked hive) is another fix.
    'echo reg import refused the new values (no permission, or the registry is locked). Putting the previous ones back...',
    'goto :restore',
    ':failed',
    `echo A check failed: the values did not read back as expected. Putting the previous ones back...`,
    ':restore',
    'set "RESTORED=yes"',
    ...(hasUser
      ? [
          'if not defined APPLIED_USER goto :failed_machine',
          `"%REG%" import "%KIT%${u.revert}" >nul 2>&1`,
          'call :check_user_origin',
          'if not "%CHK_OK%"=="yes" set "RESTORED=no"',
        ]
      : []),
    ':failed_machine',
    ...(hasMachine
      ? [
          'if not defined APPLIED_MACHINE goto :failed_report',
          `"%REG%" import "%KIT%${m.revert}" >nul 2>&1`,
          'call :check_machine_origin',
          'if not "%CHK_OK%"=="yes" set "RESTORED=no"',
        ]
      : []),
    ':failed_report',
    'if "%RESTORED%"=="yes" goto :failed_restored',
    'echo Could not put every value back. Import these by hand (double-click, or reg import):',
    ...(hasUser ? [`if defined APPLIED_USER echo   "%KIT%${u.revert}"`] : []),
    ...(hasMachine ? [`if defined APPLIED_MACHINE echo   "%KIT%${m.revert}"`] : []),
    'echo The keys as they were are also saved in "%BACKUP%".',
    'set "RC=1"',
    'goto :finish',
    ':failed_restored',
    'echo The previous values are back; this PC is as it was.',
    'set "RC=6"',
    'goto :finish',
    '',
    ':not_admin',
    'echo The computer part of this kit needs administrator rights. Nothing was changed.',
    `echo Run ${me} again as administrator (right-click, "Run as administrator"; on Windows XP`,
    'echo log on as an administrator or use "Run as...").',
    'echo The profile part changes the settings of the Windows user who runs it (HKEY_CURRENT_USER),',
    "echo and an administrator's session has its own. When the Outlook user is not an administrator,",
    'echo run the parts separately:',
    `echo   as the Outlook user:  ${me} /user`,
    `echo   as an administrator:  ${me} /machine`,
    'set "RC=4"',
    'goto :finish',
    '',
    ':user_missing',
    'echo This Windows user ("%USERNAME%") has no Outlook profiles of the kind this kit is for.',
    `echo Run ${me} /user as the user whose Outlook asks for the password, and ${me} /machine`,
    'echo as an administrator. Nothing was changed.',
    'set "RC=5"',
    'goto :finish',
    '',
    ':changed',
    'echo The settings on this PC are no longer what was collected, so this kit does not fit.',
    'echo Nothing was changed. Collect this PC again (collect.cmd) and make a new kit from that.',
    'set "RC=5"',
    'goto :finish',
    '',
    ':backup_failed',
    'echo Could not back up the keys into "%BACKUP%". Nothing was changed.',
    'set "RC=1"',
    'goto :finish',
    '',
    ':finish',
    'rem One line per run, for runs nobody watches (Group Policy, a double-click that closes the window).',
    `>>"%DATA%\\kit-log.txt" echo "%DATE% %TIME%" ${me} exit %RC% part "%ONLY%" user "%USERNAME%" computer "%COMPUTERNAME%"`,
    `"%REG%" delete "${SCRATCH}" /f >nul 2>&1`,
    'rd /s /q "%WORK%" >nul 2>&1',
    'exit /b %RC%',
    '',
    ...(hasUser
      ? [
          ...stateRoutine('user', input.user),
          '',
          ...checkRoutine('check_user_target', input.user, u.target),
          '',
          ...checkRoutine('check_user_origin', input.user, u.origin),
          '',
          ...backupRoutine('user', input.user),
          '',
        ]
      : []),
    ...(hasMachine
      ? [
          ...stateRoutine('machine', input.machine),
          '',
          ...checkRoutine('check_machine_target', input.machine, m.target),
          '',
          ...checkRoutine('check_machine_origin', input.machine, m.origin),
          '',
          ...backupRoutine('machine', input.machine),
          '',
        ]
      : []),
    ...CHECK_ONE_ROUTINE,
    '',
    ...SIGNATURE_ROUTINE,
    '',
    ...collectRoutine(input.collect),
    '',
    ...collectSupportRoutines(),
  ]);
}
