import { describe, expect, it } from 'vitest';
import { SCAN_REQUESTS } from '../diagnosis/scan';
import { snapshotPathFor } from '../registry/registry-port';
import { makeCollectScript, serverItems, type ServerCollection } from './collect-script';
import { collectionItems } from './collection-items';
import { checkXpScript } from './xp-compat';

const SERVER: ServerCollection = {
  iis7Sites: ['Default Web Site/Exchange', 'Default Web Site/owa'],
  iis6Paths: ['W3SVC/1/ROOT/Exchange', 'W3SVC/1/ROOT'],
  eventQuery: "*[System[(Provider[@Name='EXPROX'] and EventID=1000)]]",
  eventIds: [1000, 71, 1000],
  maxEvents: 50,
};

const script = makeCollectScript({ requests: SCAN_REQUESTS, server: SERVER });
const lines = script.split('\r\n');

describe('collection items', () => {
  it('cover every subtree the scan reads, one file each, named after what it holds', () => {
    const items = collectionItems(SCAN_REQUESTS);
    for (const r of SCAN_REQUESTS) {
      const path = snapshotPathFor(r.path, r.view).toLowerCase();
      const item = items.find((i) => i.snapshotPath.toLowerCase() === path);
      expect(item, r.path).toBeDefined();
      expect(item!.mode).toBe(r.recursive === false ? 'list' : 'export');
    }
    expect(new Set(items.map((i) => i.file)).size).toBe(items.length);
    expect(items.map((i) => i.file)).toContain('hklm-office-16.0-outlook-32-bit.reg');
    expect(items.map((i) => i.file)).toContain('hklm-office-16.0-outlook-click-to-run.reg');
    expect(items.map((i) => i.file)).toContain('hklm-office-16.0-outlook-click-to-run-32-bit.reg');
    expect(items.map((i) => i.file)).toContain(
      'hkcu-currentversion-windows-messaging-subsystem-profiles.reg',
    );
    expect(items.find((i) => i.mode === 'list')!.file).toMatch(/currentversion\.txt$/);
  });

  it('follow the request list they are given (generated, not copied)', () => {
    const items = collectionItems([
      { path: 'HKEY_CURRENT_USER\\Software\\Contoso\\Mail' },
      { path: 'HKEY_CURRENT_USER\\Software\\Other\\Mail' },
      { path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso', view: '32' },
    ]);
    expect(items.map((i) => [i.file, i.key])).toEqual([
      ['hkcu-software-contoso-mail.reg', 'HKCU\\Software\\Contoso\\Mail'],
      ['hkcu-software-other-mail.reg', 'HKCU\\Software\\Other\\Mail'],
      ['hklm-software-wow6432node-contoso-32-bit.reg', 'HKLM\\SOFTWARE\\WOW6432Node\\Contoso'],
    ]);
    const custom = makeCollectScript({
      requests: [{ path: 'HKEY_CURRENT_USER\\Software\\Contoso\\Mail' }],
      server: SERVER,
    });
    expect(custom).toContain('set "IT_KEY=HKCU\\Software\\Contoso\\Mail"');
    expect(custom).not.toContain('Windows Messaging Subsystem');
  });

  it('refuse a request collect.cmd could not name safely', () => {
    expect(() => collectionItems([{ path: 'HKEY_CURRENT_USER\\Software\\A&B' }])).toThrow(/refusing/);
    expect(() => collectionItems([{ path: 'HKEY_USERS\\S-1-5-18\\Software' }])).toThrow(/only HKCU and HKLM/);
  });
});

describe('collect.cmd', () => {
  it('is plain ASCII with CRLF line ends and passes the Windows XP check', () => {
    expect(script).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(script.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(checkXpScript(script)).toEqual([]);
  });

  it('only reads the registry: reg query and reg export, never add, delete, import or copy', () => {
    const regCalls = lines.filter((l) => l.includes('"%REG%"'));
    expect(regCalls.length).toBeGreaterThan(3);
    for (const l of regCalls) expect(l).toMatch(/"%REG%" (query|export) /);
    expect(script).not.toMatch(/reg(\.exe)?"? (add|delete|import|copy)\b/i);
  });

  it('never lets reg export ask: the file is removed first and a file that stays skips the item', () => {
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    const del = at('del /f /q "%COLLECT_DIR%\\%IT_FILE%"');
    const stillThere = at('if exist "%COLLECT_DIR%\\%IT_FILE%" goto :collect_item_done');
    const exp = at('"%REG%" export "%IT_KEY%" "%COLLECT_DIR%\\%IT_FILE%"');
    expect(del).toBeGreaterThan(0);
    expect(stillThere).toBeGreaterThan(del);
    expect(exp).toBeGreaterThan(stillThere);
    expect(lines[exp]).not.toMatch(/\/y/i);
  });

  it('exports every item by its fixed key and records its status in a facts line', () => {
    collectionItems(SCAN_REQUESTS).forEach((item, i) => {
      const n = String(i + 1).padStart(2, '0');
      expect(script).toContain(
        `set "IT_FILE=${item.file}"\r\nset "IT_KEY=${item.key}"\r\nset "IT_MODE=${item.mode}"`,
      );
      expect(script).toContain(`set "EXPROXY_FACT_ITEM_${n}=%IT_STATUS%|%IT_FILE%|%IT_KEY%"`);
    });
  });

  it('writes facts.txt through cmd /u, listing every fact by a name no other fact starts with', () => {
    const line = lines.find((l) => l.includes('/d /u /c'))!;
    expect(line).toMatch(
      /^"%SystemRoot%\\System32\\cmd\.exe" \/d \/u \/c "set EXPROXY_FACT_FORMAT& .*& rem" >"%COLLECT_DIR%\\facts\.txt" 2>nul$/,
    );
    const names = [...line.matchAll(/set (EXPROXY_FACT_\w+)/g)].map((m) => m[1]!);
    expect(names).toContain('EXPROXY_FACT_SERVER_ITEM_07');
    for (const a of names)
      for (const b of names) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
  });

  it('uses the native reg.exe from a 32-bit cmd, and skips HKLM\\SOFTWARE when there is none', () => {
    expect(script).toContain('if not defined PROCESSOR_ARCHITEW6432 goto :eof');
    expect(script).toContain('set "REG=%SystemRoot%\\Sysnative\\reg.exe"');
    expect(script).toContain('if "%REG_VIEW%"=="32-bit only" goto :collect_item_done');
    // Exactly the items under HKLM\SOFTWARE are subject to the 32-bit redirection.
    const items = collectionItems(SCAN_REQUESTS);
    const redirected = items.filter((i) => i.redirected).map((i) => i.file);
    expect(redirected).toEqual(items.filter((i) => /^HKLM\\SOFTWARE\\/i.test(i.key)).map((i) => i.file));
    expect(redirected).toContain('hklm-microsoft-windows-nt-currentversion.txt');
    expect(redirected).toContain('hklm-office-11.0-outlook.reg');
    expect(items.filter((i) => !i.redirected).map((i) => i.file)).toContain(
      'hklm-currentcontrolset-control-lsa.reg',
    );
  });

  it('falls back to %TEMP% when the folder beside it cannot be written', () => {
    const home = lines.indexOf('set "COLLECT_DIR=%COLLECT_HOME%%CN%-%STAMP%"');
    const temp = lines.indexOf('set "COLLECT_DIR=%TEMP%\\%CN%-%STAMP%"');
    expect(home).toBeGreaterThan(0);
    expect(temp).toBeGreaterThan(home);
    expect(lines.slice(home, temp)).toContain('if "%DIR_OK%"=="1" goto :eof');
  });

  it('reads the server with appcmd, adsutil.vbs, wevtutil or eventquery.vbs, each only where it exists', () => {
    expect(serverItems(SERVER).map((s) => `${s.kind} ${s.file} ${s.what}`)).toEqual([
      'appcmd iis-appcmd-default-web-site-exchange.txt Default Web Site/Exchange',
      'appcmd iis-appcmd-default-web-site-owa.txt Default Web Site/owa',
      'adsutil iis-adsutil-w3svc-1-root-exchange.txt W3SVC/1/ROOT/Exchange',
      'adsutil iis-adsutil-w3svc-1-root.txt W3SVC/1/ROOT',
      'wevtutil events-wevtutil.xml Application',
      'eventquery events-eventquery-1000.csv 1000',
      'eventquery events-eventquery-71.csv 71',
    ]);
    for (const tool of ['inetsrv\\appcmd.exe', 'wevtutil.exe', 'eventquery.vbs'])
      expect(script).toContain(`if not exist "%SystemRoot%\\System32\\${tool}" goto :eof`);
    expect(script).toContain('if not exist "%SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs" goto :eof');
    expect(script).toContain(`set "SV_QUERY=${SERVER.eventQuery}"`);
  });

  it('refuses server names and queries that cmd.exe would act on', () => {
    const bad = (patch: Partial<ServerCollection>) => () =>
      makeCollectScript({ requests: SCAN_REQUESTS, server: { ...SERVER, ...patch } });
    expect(bad({ iis7Sites: ['Default Web Site/Exchange" & calc & "'] })).toThrow(/refusing/);
    expect(bad({ eventQuery: '*[System[EventID=1000]] | more' })).toThrow(/refusing/);
    expect(bad({ maxEvents: 0 })).toThrow(RangeError);
  });
});
