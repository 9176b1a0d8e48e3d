import { shortKeyPath } from '../registry/key-path';
import { cmdLiteral } from './cmd-text';
import { CHECK_SCRATCH, type KitPart, type RootCheck } from './kit-roots';

/** The read-back checks, state checks and backups fix.cmd and undo.cmd share. */
const SCRATCH = shortKeyPath(CHECK_SCRATCH);

export const SIGNATURE_ROUTINE = [
  ':signature',
  'rem CMP_SIG: the type and data of every CHK_NAME value listed in CMP_LIST, in order. Only lines',
  'rem whose text is letters, digits and . - _ \\ or space are spelled out (others count as "?"), so',
  'rem no registry text is ever expanded into a command. FOR variables go to files, not to IF:',
  "rem Wine's cmd.exe reports a syntax error for IF on a FOR variable that holds a quote.",
  'set "CMP_SIG=#"',
  'for /f "usebackq tokens=1,2,*" %%a in ("%CMP_LIST%") do (',
  '  >"%WORK%\\t1.txt" echo.%%a',
  '  >"%WORK%\\rest.txt" echo.%%b %%c',
  '  call :signature_line',
  ')',
  'goto :eof',
  ':signature_line',
  'set "CMP_SAFE=1"',
  'for /f "usebackq delims=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.-\\ " %%z in ("%WORK%\\t1.txt") do set "CMP_SAFE="',
  'if not defined CMP_SAFE goto :eof',
  'set "CMP_T1="',
  'set /p "CMP_T1=" <"%WORK%\\t1.txt"',
  'if /i not "%CMP_T1%"=="%CHK_NAME%" goto :eof',
  'set "CMP_SAFE=1"',
  'for /f "usebackq delims=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.-\\ " %%z in ("%WORK%\\rest.txt") do set "CMP_SAFE="',
  'if not defined CMP_SAFE goto :signature_unsafe',
  'set "CMP_REST="',
  'set /p "CMP_REST=" <"%WORK%\\rest.txt"',
  'set "CMP_SIG=%CMP_SIG%#%CMP_REST%"',
  'goto :eof',
  ':signature_unsafe',
  'set "CMP_SIG=%CMP_SIG%#?"',
  'goto :eof',
];

export const CHECK_ONE_ROUTINE = [
  ':check_one',
  'rem Copies CHK_ROOT to the scratch key CHK_COPY, lists its CHK_NAME values, imports CHK_FILE',
  'rem (the expected values, under the same scratch key) and lists them again: the same list',
  'rem means the live values already are the expected ones. Clears CHK_OK when they are not.',
  `"%REG%" delete "${SCRATCH}" /f >nul 2>&1`,
  '"%REG%" copy "%CHK_ROOT%" "%CHK_COPY%" %CHK_SUBTREE% /f >nul 2>&1',
  'if errorlevel 1 goto :check_one_bad',
  '"%REG%" query "%CHK_COPY%" /v %CHK_NAME% /s >"%WORK%\\live.txt" 2>nul',
  '"%REG%" import "%CHK_FILE%" >nul 2>&1',
  'if errorlevel 1 goto :check_one_bad',
  '"%REG%" query "%CHK_COPY%" /v %CHK_NAME% /s >"%WORK%\\want.txt" 2>nul',
  'set "CMP_LIST=%WORK%\\live.txt"',
  'call :signature',
  'set "CMP_LIVE=%CMP_SIG%"',
  'set "CMP_LIST=%WORK%\\want.txt"',
  'call :signature',
  `"%REG%" delete "${SCRATCH}" /f >nul 2>&1`,
  'if "%CMP_LIVE%"=="%CMP_SIG%" goto :eof',
  ':check_one_bad',
  'set "CHK_OK=no"',
  `"%REG%" delete "${SCRATCH}" /f >nul 2>&1`,
  'goto :eof',
];

export function checkRoutine(label: string, checks: readonly RootCheck[], file: string): string[] {
  return [
    `:${label}`,
    'set "CHK_OK=yes"',
    `set "CHK_FILE=%KIT%${file}"`,
    ...checks
      .flatMap((c) =>
        c.valueNames.map((name) => [
          `set "CHK_ROOT=${c.key}"`,
          `set "CHK_COPY=${c.scratchKey}"`,
          `set "CHK_SUBTREE=${c.root.subtree ? '/s' : ''}"`,
          `set "CHK_NAME=${cmdLiteral('value-name', name)}"`,
          'call :check_one',
        ]),
      )
      .flat(),
    'goto :eof',
  ];
}

export function stateRoutine(part: KitPart, checks: readonly RootCheck[]): string[] {
  const state = part === 'user' ? 'USER_STATE' : 'MACHINE_STATE';
  return [
    `:state_${part}`,
    `rem ${state}: done (the values are already the new ones), todo (they are as collected),`,
    'rem changed (something else), missing (a key is not there at all).',
    `set "${state}=missing"`,
    ...checks.flatMap((c) => [`"%REG%" query "${c.key}" >nul 2>&1`, 'if errorlevel 1 goto :eof']),
    `set "${state}=done"`,
    `call :check_${part}_target`,
    'if "%CHK_OK%"=="yes" goto :eof',
    `set "${state}=todo"`,
    `call :check_${part}_origin`,
    'if "%CHK_OK%"=="yes" goto :eof',
    `set "${state}=changed"`,
    'goto :eof',
  ];
}

export function backupRoutine(part: KitPart, checks: readonly RootCheck[]): string[] {
  return [
    `:backup_${part}`,
    'rem Whole-key exports into a new folder: reg export never finds a file to ask about.',
    'set "BK_OK=no"',
    ...checks.flatMap((c) => [
      `"%REG%" export "${c.key}" "%BACKUP%\\${cmdLiteral('file', `${c.root.id}.reg`)}" >nul 2>&1`,
      'if errorlevel 1 goto :eof',
    ]),
    'set "BK_OK=yes"',
    'goto :eof',
  ];
}
