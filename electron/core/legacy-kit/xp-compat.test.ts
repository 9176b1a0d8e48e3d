import { describe, expect, it } from 'vitest';
import { checkXpScript } from './xp-compat';

const ok = (...lines: string[]) => [':start', ...lines, 'goto :eof', ''].join('\r\n');

function messages(...lines: string[]): string[] {
  return checkXpScript(ok(...lines)).map((p) => p.message);
}

describe('Windows XP check of generated scripts', () => {
  it('accepts what the scripts use', () => {
    expect(
      messages(
        '@echo off',
        'setlocal EnableExtensions DisableDelayedExpansion',
        'set "REG=%SystemRoot%\\System32\\reg.exe"',
        '"%REG%" export "HKCU\\Software\\X" "%OUT%\\x.reg" >nul 2>&1',
        '"%REG%" query "HKCU\\Software\\X" /v Name /s >"%OUT%\\x.txt" 2>nul',
        '"%REG%" copy "HKCU\\A" "HKCU\\B" /s /f >nul 2>&1',
        'if errorlevel 1 goto :start',
        'for /f "usebackq tokens=1,2,*" %%a in ("%F%") do (',
        '  >"%W%\\t.txt" echo.%%a',
        '  call :start',
        ')',
        `for /f "tokens=1" %%p in ('"%SystemRoot%\\System32\\tasklist.exe" /NH 2^>nul') do set "X=%%p"`,
        'set /p "A=" <"%W%\\t.txt"',
        'if /i "%ANSWER:"=%"=="Y" goto :start',
        'echo Usage: fix.cmd [/quiet] [/user ^| /machine]',
        'exit /b 0',
      ),
    ).toEqual([]);
  });

  it.each([
    ['"%REG%" export "HKCU\\X" "x.reg" /y', /\/y: switch not available/],
    ['"%REG%" query "HKLM\\SOFTWARE\\X" /reg:64', /\/reg:64 does not exist/],
    ['"%REG%" query "HKCU\\X" /f Basic', /\/f: switch not available/],
    ['"%REG%" add "HKCU\\X" /v a /d b /f', /reg\.exe add: not a sub-command/],
    ['reg query "HKCU\\X"', /"reg" is not a command/],
    ['"C:\\Tools\\reg.exe" query "HKCU\\X"', /full %SystemRoot%\\System32 path/],
    ['powershell -NoProfile -Command Get-Process', /PowerShell/],
    ['where reg', /where\.exe/],
    ['choice /c yn', /choice\.exe/],
    ['timeout /t 5', /timeout\.exe/],
    ['fc /b a b', /fc\.exe is a stub/],
    ['"%REG%" query "HKCU\\X" || goto :start', /'\|\|'/],
    ['"%REG%" query "HKCU\\X" && goto :start', /'&&'/],
    ['setlocal EnableDelayedExpansion', /delayed expansion/],
    ['cmd /v:on /c echo !x!', /delayed expansion/],
    ['echo(hello', /echo\(/],
    ['(echo x) 2>nul', /after a block/],
    ['goto :nowhere', /no label :nowhere/],
    ['call "%KIT%collect.cmd"', /call of a file path/],
    ['for /f %%a in (x) do if "%%a"=="y" (', /multi-line if block inside a for body/],
    ['type x | more', /a pipe/],
    ['del /s x', /del \/s: not a switch/],
    ['if not exist "%DIR%\\" md "%DIR%"', /true for a file too in Wine/],
  ])('flags %s', (line, expected) => {
    expect(messages(line).join('\n')).toMatch(expected);
  });

  it('flags non-ASCII text, bare LF line ends and a missing final CRLF', () => {
    expect(checkXpScript(ok('echo Zoë')).map((p) => p.message)).toContain('not plain ASCII');
    expect(checkXpScript(':a\r\necho x\ngoto :eof\r\n').map((p) => p.message)).toContain(
      'a line break that is not CRLF',
    );
    expect(checkXpScript(':a\r\ngoto :eof').map((p) => p.message)).toContain(
      'the file does not end with CRLF',
    );
  });

  it('names the line of each problem', () => {
    expect(checkXpScript(ok('echo fine', 'where x'))).toEqual([
      { line: 3, message: 'where.exe does not exist on Windows XP' },
    ]);
  });
});
