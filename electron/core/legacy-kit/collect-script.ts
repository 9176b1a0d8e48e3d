import type { SubtreeRequest } from '../registry/registry-port';
import { cmdFile, cmdLiteral } from './cmd-text';
import { nativeRegRoutine, outlookStateRoutine, SAME_ON_WINE_NOTE, stampRoutine } from './cmd-routines';
import { collectionItems, type CollectionItem } from './collection-items';
import { FACT, FACT_PREFIX, FACTS_FILE, FACTS_FORMAT, itemFactName, type ServerItemKind } from './facts-file';

/** What `collect.cmd /server` reads on an Exchange or IIS server (the Server problems view's inputs). */
export interface ServerCollection {
  /** IIS 7+ sites whose Windows-authentication providers appcmd lists. */
  readonly iis7Sites: readonly string[];
  /** IIS 6 metabase paths adsutil.vbs reads NTAuthenticationProviders from, in order. */
  readonly iis6Paths: readonly string[];
  /** wevtutil XPath over the Application log (Vista / Server 2008 and later). */
  readonly eventQuery: string;
  /** Event ids eventquery.vbs looks for (XP / Server 2003, no XPath there). */
  readonly eventIds: readonly number[];
  readonly maxEvents: number;
}

export interface CollectScriptOptions {
  /** The scan's request list (SCAN_REQUESTS): the script exports exactly these subtrees. */
  readonly requests: readonly SubtreeRequest[];
  readonly server: ServerCollection;
}

export interface ServerItem {
  readonly kind: ServerItemKind;
  readonly file: string;
  readonly what: string;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The server files, named after what each holds. */
export function serverItems(server: ServerCollection): ServerItem[] {
  const maxEvents = server.maxEvents;
  if (!Number.isInteger(maxEvents) || maxEvents < 1 || maxEvents > 1000)
    throw new RangeError(`maxEvents ${maxEvents}`);
  cmdLiteral('xpath', server.eventQuery);
  return [
    ...server.iis7Sites.map((site) => ({
      kind: 'appcmd' as const,
      file: `iis-appcmd-${slug(site)}.txt`,
      what: cmdLiteral('iis', site),
    })),
    ...server.iis6Paths.map((path) => ({
      kind: 'adsutil' as const,
      file: `iis-adsutil-${slug(path)}.txt`,
      what: cmdLiteral('iis', path),
    })),
    { kind: 'wevtutil' as const, file: 'events-wevtutil.xml', what: 'Application' },
    ...[...new Set(server.eventIds)].map((id) => {
      if (!Number.isInteger(id) || id < 0 || id > 65535) throw new RangeError(`event id ${id}`);
      return { kind: 'eventquery' as const, file: `events-eventquery-${id}.csv`, what: String(id) };
    }),
  ];
}

const fact = (name: string) => `${FACT_PREFIX}${name}`;

function itemLines(item: CollectionItem, index: number): string[] {
  return [
    `set "IT_FILE=${item.file}"`,
    `set "IT_KEY=${item.key}"`,
    `set "IT_MODE=${item.mode}"`,
    `set "IT_REDIRECTED=${item.redirected ? '1' : '0'}"`,
    'call :collect_item',
    `set "${fact(itemFactName('ITEM', index))}=%IT_STATUS%|%IT_FILE%|%IT_KEY%"`,
  ];
}

function serverLines(item: ServerItem, index: number, server: ServerCollection): string[] {
  return [
    `set "SV_FILE=${cmdLiteral('file', item.file)}"`,
    `set "SV_WHAT=${item.what}"`,
    ...(item.kind === 'wevtutil'
      ? [`set "SV_QUERY=${server.eventQuery}"`, `set "SV_MAX=${server.maxEvents}"`]
      : item.kind === 'eventquery'
        ? [`set "SV_MAX=${server.maxEvents}"`]
        : []),
    `call :collect_${item.kind}`,
    `set "${fact(itemFactName('SERVER_ITEM', index))}=${item.kind}|%SV_STATUS%|%SV_FILE%|%SV_WHAT%"`,
  ];
}

/** The fact names the script writes, checked so that none starts another (see facts-file.ts). */
function factNames(items: number, servers: number): string[] {
  const names = [
    ...Object.values(FACT),
    ...Array.from({ length: items }, (_, i) => itemFactName('ITEM', i + 1)),
    ...Array.from({ length: servers }, (_, i) => itemFactName('SERVER_ITEM', i + 1)),
  ];
  for (const a of names)
    for (const b of names) if (a !== b && b.startsWith(a)) throw new Error(`fact ${a} starts fact ${b}`);
  return names.map(fact);
}

const SERVER_ROUTINES = [
  ':collect_appcmd',
  'set "SV_STATUS=absent"',
  'if not exist "%SystemRoot%\\System32\\inetsrv\\appcmd.exe" goto :eof',
  '"%SystemRoot%\\System32\\inetsrv\\appcmd.exe" list config "%SV_WHAT%" -section:system.webServer/security/authentication/windowsAuthentication >"%COLLECT_DIR%\\%SV_FILE%" 2>&1',
  'set "SV_STATUS=ok"',
  'if errorlevel 1 set "SV_STATUS=failed"',
  'goto :eof',
  '',
  ':collect_adsutil',
  'set "SV_STATUS=absent"',
  'if not exist "%SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs" goto :eof',
  '"%SystemRoot%\\System32\\cscript.exe" //nologo "%SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs" GET %SV_WHAT%/NTAuthenticationProviders >"%COLLECT_DIR%\\%SV_FILE%" 2>&1',
  'set "SV_STATUS=ok"',
  'goto :eof',
  '',
  ':collect_wevtutil',
  'rem Windows Vista / Server 2008 and later.',
  'set "SV_STATUS=absent"',
  'if not exist "%SystemRoot%\\System32\\wevtutil.exe" goto :eof',
  '"%SystemRoot%\\System32\\wevtutil.exe" qe Application "/q:%SV_QUERY%" /f:xml /rd:true /c:%SV_MAX% >"%COLLECT_DIR%\\%SV_FILE%" 2>nul',
  'set "SV_STATUS=ok"',
  'if errorlevel 1 set "SV_STATUS=failed"',
  'goto :eof',
  '',
  ':collect_eventquery',
  'rem Windows XP / Server 2003, where wevtutil does not exist.',
  'set "SV_STATUS=skipped"',
  'if exist "%SystemRoot%\\System32\\wevtutil.exe" goto :eof',
  'set "SV_STATUS=absent"',
  'if not exist "%SystemRoot%\\System32\\eventquery.vbs" goto :eof',
  '"%SystemRoot%\\System32\\cscript.exe" //nologo "%SystemRoot%\\System32\\eventquery.vbs" /l application /fi "id eq %SV_WHAT%" /fo csv /v /r %SV_MAX% >"%COLLECT_DIR%\\%SV_FILE%" 2>nul',
  'set "SV_STATUS=ok"',
  'goto :eof',
];

/**
 * `:collect` and its helpers. In: COLLECT_HOME (the script's folder, ending in \), COLLECT_OUT
 * (a folder, or empty for a new `<COMPUTERNAME>-<date>-<time>` folder beside the script, or in
 * %TEMP% when that is read-only), COLLECT_SERVER (1 for /server). Out: COLLECT_RC (0, or 1 when
 * nothing could be exported), COLLECT_DIR. It only reads the registry (reg query, reg export).
 */
export function collectRoutine(opts: CollectScriptOptions): string[] {
  const items = collectionItems(opts.requests);
  const servers = serverItems(opts.server);
  const names = factNames(items.length, servers.length);
  return [
    ':collect',
    'set "COLLECT_RC=1"',
    'set "COLLECT_ANY="',
    `for /f "delims==" %%v in ('set ${FACT_PREFIX} 2^>nul') do set "%%v="`,
    `set "${fact(FACT.format)}=${FACTS_FORMAT}"`,
    `set "${fact(FACT.date)}=%DATE%"`,
    `set "${fact(FACT.time)}=%TIME%"`,
    `set "${fact(FACT.computer)}=%COMPUTERNAME%"`,
    `set "${fact(FACT.account)}=%USERNAME%"`,
    `set "${fact(FACT.domain)}=%USERDOMAIN%"`,
    `set "${fact(FACT.processor)}=%PROCESSOR_ARCHITECTURE%"`,
    `set "${fact(FACT.wow64Processor)}=%PROCESSOR_ARCHITEW6432%"`,
    'call :native_reg',
    `set "${fact(FACT.regView)}=%REG_VIEW%"`,
    'call :collect_folder',
    'if "%DIR_OK%"=="1" goto :collect_run',
    'echo Could not create or write the folder "%COLLECT_DIR%". Nothing was collected.',
    'echo Give a folder you can write to: collect.cmd "D:\\some folder"',
    'goto :eof',
    '',
    ':collect_run',
    'echo Exchange Proxy Wizard: collecting the Outlook and sign-in settings of this PC.',
    'echo Nothing on this PC is changed. Folder: "%COLLECT_DIR%"',
    `for /f "delims=" %%v in ('ver') do set "${fact(FACT.windowsVer)}=%%v"`,
    '"%REG%" query "HKCU\\Control Panel\\International" /v sShortDate >"%COLLECT_DIR%\\collect-work.tmp" 2>nul',
    `for /f "usebackq tokens=1,2,*" %%a in ("%COLLECT_DIR%\\collect-work.tmp") do if /i "%%a"=="sShortDate" set "${fact(FACT.shortDate)}=%%c"`,
    'del /f /q "%COLLECT_DIR%\\collect-work.tmp" >nul 2>&1',
    'call :outlook_state',
    `set "${fact(FACT.outlook)}=%OUTLOOK%"`,
    `set "${fact(FACT.processList)}=%PROCESS_LIST%"`,
    'rem Only an elevated administrator can read the LocalService hive (XP to 11).',
    `set "${fact(FACT.admin)}=yes"`,
    '"%REG%" query "HKU\\S-1-5-19" >nul 2>&1',
    `if errorlevel 1 set "${fact(FACT.admin)}=no"`,
    ...items.flatMap((item, i) => itemLines(item, i + 1)),
    'if not "%COLLECT_SERVER%"=="1" goto :collect_facts',
    `set "${fact(FACT.serverMode)}=yes"`,
    'echo Server mode: IIS authentication providers and Application-log events.',
    ...servers.flatMap((item, i) => serverLines(item, i + 1, opts.server)),
    ':collect_facts',
    'rem cmd /u writes UTF-16, so names reach facts.txt exactly; the closing rem takes the stray',
    "rem character Wine's cmd /u leaves on the last command.",
    `"%SystemRoot%\\System32\\cmd.exe" /d /u /c "${names.map((n) => `set ${n}`).join('& ')}& rem" >"%COLLECT_DIR%\\${FACTS_FILE}" 2>nul`,
    'if not defined COLLECT_ANY goto :collect_nothing',
    'set "COLLECT_RC=0"',
    'echo.',
    'echo Done. The collection is in "%COLLECT_DIR%"',
    'echo Next: copy that whole folder to the PC running Exchange Proxy Wizard and open it there',
    'echo ("Another PC", then "Open a collected PC"), or run: exproxy diagnose --machine FOLDER',
    'goto :eof',
    ':collect_nothing',
    'echo.',
    'echo Nothing could be exported: reg.exe could read none of the keys (see facts.txt).',
    'echo Run this script as the Windows user whose Outlook asks for the password.',
    'goto :eof',
    '',
    ':collect_folder',
    'rem Sets COLLECT_DIR and DIR_OK (1 when the folder exists and takes a new file).',
    'set "DIR_OK=0"',
    'if not defined COLLECT_OUT goto :collect_folder_new',
    'set "COLLECT_DIR=%COLLECT_OUT%"',
    'call :collect_try_dir',
    'goto :eof',
    ':collect_folder_new',
    'call :stamp',
    'set "CN=PC"',
    'set "CN_SAFE=1"',
    'if not defined COMPUTERNAME set "CN_SAFE="',
    'for /f "delims=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" %%z in ("%COMPUTERNAME%x") do set "CN_SAFE="',
    'if defined CN_SAFE set "CN=%COMPUTERNAME%"',
    'set "COLLECT_DIR=%COLLECT_HOME%%CN%-%STAMP%"',
    'if exist "%COLLECT_DIR%" set "COLLECT_DIR=%COLLECT_DIR%-%RANDOM%"',
    'call :collect_try_dir',
    'if "%DIR_OK%"=="1" goto :eof',
    'rem Beside the script is read-only (a CD, a read-only share): use %TEMP%.',
    'set "COLLECT_DIR=%TEMP%\\%CN%-%STAMP%"',
    'if exist "%COLLECT_DIR%" set "COLLECT_DIR=%COLLECT_DIR%-%RANDOM%"',
    'call :collect_try_dir',
    'goto :eof',
    '',
    ':collect_try_dir',
    'rem Whether md worked is judged by writing a file: md does not reset ERRORLEVEL when it',
    'rem succeeds, and "if exist name\\" is true for a file too in Wine.',
    'set "DIR_OK=0"',
    'md "%COLLECT_DIR%" >nul 2>&1',
    'copy nul "%COLLECT_DIR%\\collect-write-test.tmp" >nul 2>&1',
    'if exist "%COLLECT_DIR%\\collect-write-test.tmp" set "DIR_OK=1"',
    'del /f /q "%COLLECT_DIR%\\collect-write-test.tmp" >nul 2>&1',
    'goto :eof',
    '',
    ':collect_item',
    "rem XP's reg export has no /y and asks before replacing a file: the file is removed first,",
    'rem and when it cannot be removed the item is skipped, so reg.exe never asks and never waits.',
    'set "IT_STATUS=skipped"',
    'if not "%IT_REDIRECTED%"=="1" goto :collect_item_go',
    'if "%REG_VIEW%"=="32-bit only" goto :collect_item_done',
    ':collect_item_go',
    'set "IT_STATUS=failed"',
    'if exist "%COLLECT_DIR%\\%IT_FILE%" del /f /q "%COLLECT_DIR%\\%IT_FILE%" >nul 2>&1',
    'if exist "%COLLECT_DIR%\\%IT_FILE%" goto :collect_item_done',
    'set "IT_STATUS=absent"',
    '"%REG%" query "%IT_KEY%" >nul 2>&1',
    'if errorlevel 1 goto :collect_item_done',
    'set "IT_STATUS=failed"',
    'if "%IT_MODE%"=="list" goto :collect_item_list',
    '"%REG%" export "%IT_KEY%" "%COLLECT_DIR%\\%IT_FILE%" >nul 2>&1',
    'if errorlevel 1 goto :collect_item_done',
    'if not exist "%COLLECT_DIR%\\%IT_FILE%" goto :collect_item_done',
    'goto :collect_item_ok',
    ':collect_item_list',
    '"%REG%" query "%IT_KEY%" >"%COLLECT_DIR%\\%IT_FILE%" 2>nul',
    'if errorlevel 1 goto :collect_item_done',
    ':collect_item_ok',
    'set "IT_STATUS=ok"',
    'set "COLLECT_ANY=1"',
    ':collect_item_done',
    'echo   %IT_STATUS%: %IT_FILE%',
    'goto :eof',
    '',
    ...SERVER_ROUTINES,
  ];
}

/** Routines every script that runs `:collect` also needs. */
export function collectSupportRoutines(): string[] {
  return [...nativeRegRoutine(), '', ...outlookStateRoutine(), '', ...stampRoutine()];
}

/** The standalone collect.cmd: `collect.cmd [OUTPUT_FOLDER] [/server]`. */
export function makeCollectScript(opts: CollectScriptOptions): string {
  const items = collectionItems(opts.requests);
  return cmdFile([
    '@echo off',
    'rem Exchange Proxy Wizard - collect.cmd (generated; runs on Windows XP SP2 to Windows 11).',
    'rem Reads the Outlook profiles and sign-in settings this PC has, for the wizard to diagnose',
    'rem elsewhere. It never writes to the registry: only "reg query" and "reg export".',
    'rem',
    'rem   collect.cmd [OUTPUT_FOLDER] [/server]',
    'rem',
    'rem Without OUTPUT_FOLDER it makes COMPUTERNAME-date-time beside this script, or in %TEMP%',
    'rem when that is read-only. /server also reads IIS authentication providers (appcmd on IIS 7+,',
    'rem adsutil.vbs on IIS 6) and Application-log events (wevtutil, or eventquery.vbs on 2003).',
    'rem Exit code 0: collected; 1: nothing could be exported (the reason is printed).',
    'rem',
    'rem What it exports (the registry keys a diagnosis reads):',
    ...items.map((i) => `rem   ${i.file}  ${i.key}${i.mode === 'list' ? '  (values only, reg query)' : ''}`),
    'rem Registry views: HKLM\\SOFTWARE is exported by a reg.exe of the same bitness as Windows',
    'rem (Sysnative from a 32-bit cmd), and its 32-bit view by its WOW6432Node path, which needs no',
    'rem /reg:32 switch (XP has none). facts.txt holds what the registry does not: see its lines.',
    ...SAME_ON_WINE_NOTE,
    'setlocal EnableExtensions DisableDelayedExpansion',
    'set "COLLECT_HOME=%~dp0"',
    'set "COLLECT_OUT="',
    'set "COLLECT_SERVER="',
    ':args',
    'if "%~1"=="" goto :args_done',
    'if /i "%~1"=="/server" goto :arg_server',
    'if "%~1"=="/?" goto :usage',
    'if defined COLLECT_OUT goto :usage',
    'set "COLLECT_OUT=%~1"',
    'shift',
    'goto :args',
    ':arg_server',
    'set "COLLECT_SERVER=1"',
    'shift',
    'goto :args',
    ':usage',
    'echo Usage: collect.cmd [OUTPUT_FOLDER] [/server]',
    'exit /b 1',
    ':args_done',
    'if not defined COLLECT_OUT goto :run',
    'if "%COLLECT_OUT:~-1%"=="\\" set "COLLECT_OUT=%COLLECT_OUT:~0,-1%"',
    ':run',
    'call :collect',
    'exit /b %COLLECT_RC%',
    '',
    ...collectRoutine(opts),
    '',
    ...collectSupportRoutines(),
  ]);
}
