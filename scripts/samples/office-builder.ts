// Office installs and Outlook 2010+ profiles for the sample machines, shaped like the keys
// Microsoft's articles and deployment scripts read (electron/core/outlook/install-probes.ts).
import type { RegTree } from '../../electron/core/registry/reg-tree';
import type { RegValue } from '../../electron/core/registry/reg-value';
import { CURRENT_VERSION, dword, long, put, string8, sz, uid, unicode } from './sample-builder';

const OFFICE = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office';
const OFFICE_WOW = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office';
const C2R = `${OFFICE}\\ClickToRun`;
const BUBBLE = `${C2R}\\REGISTRY\\MACHINE\\Software`;
export const ACCOUNTS = '9375CFF0413111d3B88A00104B2A6676';

/** `Outlook.Application\CurVer` as Office setup registers it (a COM version-independent ProgID). */
export function outlookCurVer(tree: RegTree, major: number): void {
  put(tree, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\Outlook.Application', { '': sz('Microsoft Outlook') });
  put(tree, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\Outlook.Application\\CLSID', {
    '': sz('{0006F03A-0000-0000-C000-000000000046}'),
  });
  put(tree, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\Outlook.Application\\CurVer', {
    '': sz(`Outlook.Application.${major}`),
  });
}

/** Windows 7 SP1 x64, as `HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion` records it. */
export function windows7x64(tree: RegTree): void {
  put(tree, CURRENT_VERSION, {
    CurrentBuild: sz('7601'),
    CurrentBuildNumber: sz('7601'),
    CurrentVersion: sz('6.1'),
    CSDVersion: sz('Service Pack 1'),
    EditionID: sz('Professional'),
    InstallationType: sz('Client'),
    ProductName: sz('Windows 7 Professional'),
    RegisteredOrganization: sz('Contoso'),
    RegisteredOwner: sz('Contoso IT'),
    SystemRoot: sz('C:\\Windows'),
  });
  tree.ensureKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft');
}

/** 32-bit Office 2010 (MSI) on 64-bit Windows: its keys sit in the 32-bit view (WOW6432Node). */
export function outlook2010Wow64(tree: RegTree): void {
  put(tree, `${OFFICE_WOW}\\14.0\\Outlook`, { Bitness: sz('x86') });
  put(tree, `${OFFICE_WOW}\\14.0\\Outlook\\InstallRoot`, {
    Path: sz('C:\\Program Files (x86)\\Microsoft Office\\Office14\\'),
  });
  put(tree, `${OFFICE_WOW}\\14.0\\Common\\InstallRoot`, {
    Path: sz('C:\\Program Files (x86)\\Microsoft Office\\Office14\\'),
  });
  outlookCurVer(tree, 14);
}

/**
 * 64-bit Microsoft 365 Apps by Click-to-Run: `ClickToRun\Configuration` with the values
 * deployment scripts read, the Outlook key inside the bubble, and some of the bubble's other keys
 * (`bubbleNoise` more of them) that a diagnosis must never read.
 */
export function microsoft365ClickToRun(tree: RegTree, bubbleNoise = 8): void {
  put(tree, `${C2R}\\Configuration`, {
    AudienceId: sz('492350f6-3a01-4f97-b9c0-c7c6ddf67d60'),
    CDNBaseUrl: sz('http://officecdn.microsoft.com/pr/492350f6-3a01-4f97-b9c0-c7c6ddf67d60'),
    ClientCulture: sz('en-us'),
    ClientVersionToReport: sz('16.0.17928.20114'),
    InstallationPath: sz('C:\\Program Files\\Microsoft Office'),
    'O365ProPlusRetail.ExcludedApps': sz('groove,lync'),
    Platform: sz('x64'),
    ProductReleaseIds: sz('O365ProPlusRetail'),
    UpdateChannel: sz('http://officecdn.microsoft.com/pr/492350f6-3a01-4f97-b9c0-c7c6ddf67d60'),
    UpdatesEnabled: sz('True'),
    VersionToReport: sz('16.0.17928.20114'),
  });
  put(tree, `${BUBBLE}\\Microsoft\\Office\\16.0\\Outlook`, { Bitness: sz('x64') });
  put(tree, `${BUBBLE}\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot`, {
    Path: sz('C:\\Program Files\\Microsoft Office\\root\\Office16\\'),
  });
  put(tree, `${BUBBLE}\\Microsoft\\Office\\16.0\\Outlook\\SchedulingInformation\\FreeBusySupport`, {
    EX: sz('{0006F014-0000-0000-C000-000000000046}'),
    SMTP: sz('{0006F049-0000-0000-C000-000000000046}'),
  });
  for (let i = 0; i < bubbleNoise; i++) {
    const clsid = `{${(0x20000 + i).toString(16).padStart(8, '0')}-0000-0000-C000-000000000046}`;
    put(tree, `${BUBBLE}\\Classes\\CLSID\\${clsid}\\InprocServer32`, {
      '': sz('C:\\Program Files\\Microsoft Office\\root\\Office16\\OLMAPI32.DLL'),
      ThreadingModel: sz('Both'),
    });
  }
  put(tree, `${BUBBLE}\\Microsoft\\Office\\16.0\\Common\\InstallRoot`, {
    Path: sz('C:\\Program Files\\Microsoft Office\\root\\Office16\\'),
  });
  outlookCurVer(tree, 16);
}

export interface Account {
  /** Account manager subkey, e.g. "00000001". */
  readonly n: string;
  readonly name: string;
  readonly service: string;
  readonly emsmdb: string;
  readonly flags: number;
  readonly host: string;
  readonly auth: number;
  /** The Exchange section's own values besides the Outlook Anywhere ones (home server and so on). */
  readonly extra: Record<string, RegValue>;
}

/**
 * An Outlook 2010+ profile: account manager → service section → PR_EMSMDB_SECTION_UID →
 * the account's Exchange section (reference §2.4).
 */
export function perAccountProfile(tree: RegTree, profilePath: string, accounts: readonly Account[]): void {
  for (const a of accounts) {
    put(tree, `${profilePath}\\${ACCOUNTS}\\${a.n}`, {
      'Account Name': unicode(a.name),
      'Service Name': unicode('MSEMS'),
      'Service UID': uid(a.service),
      'MAPI provider': dword(5),
    });
    put(tree, `${profilePath}\\${a.service}`, {
      '001f3d09': unicode('MSEMS'),
      '01023d15': uid(a.emsmdb),
      '00033e03': long(0),
    });
    put(tree, `${profilePath}\\${a.emsmdb}`, {
      '00036601': long(0x1984),
      '00036619': long(10),
      ...a.extra,
      '00036623': long(a.flags),
      '001f6622': unicode(a.host),
      '001f6625': unicode(`msstd:${a.host}`),
      '00036627': long(a.auth),
    });
  }
  put(tree, `${profilePath}\\0a0d020000000000c000000000000046`, {
    '01023d15': uid(accounts[0]!.emsmdb),
    '001e0324': string8('Outlook'),
  });
}
