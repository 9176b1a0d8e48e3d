import type { RegTree } from '../registry/reg-tree';
import type { SubtreeRequest } from '../registry/registry-port';
import { OFFICE_KEY, OUTLOOK_VERSIONS } from './profile-locations';

/**
 * The registry keys that show which Outlook is installed, read in two steps so a diagnosis never
 * reads Office's whole tree (on a Click-to-Run PC that tree holds the application "bubble", tens
 * of MB): first two small hint keys, then only the install keys of the version they name.
 *
 * Where the keys are (sources in the comments, where each is used):
 * - MSI: `HKLM\SOFTWARE\Microsoft\Office\<ver>\Outlook` (`Bitness`, `InstallRoot\Path`), in the
 *   32-bit view for 32-bit Office on 64-bit Windows (reference §1.2).
 * - Click-to-Run 2016 and later: `ClickToRun\Configuration` and the bubble
 *   `ClickToRun\REGISTRY\MACHINE\Software\[Wow6432Node\]Microsoft\Office\16.0\Outlook`.
 * - Click-to-Run 2013: `15.0\Common\InstallRoot\Virtual` (`VirtualOutlook`) and
 *   `15.0\ClickToRun\Configuration`.
 */

/**
 * `Outlook.Application\CurVer`: the COM "version-independent ProgID" key, whose default value
 * names the latest installed version's ProgID ("Outlook.Application.16"); Microsoft's COM
 * reference, learn.microsoft.com/windows/win32/com/-version-independent-progid--key.
 */
export const OUTLOOK_APPLICATION_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\Outlook.Application';
export const OUTLOOK_CURVER_KEY = `${OUTLOOK_APPLICATION_KEY}\\CurVer`;

/**
 * Click-to-Run 2016 and later: `Platform` (x86/x64), `VersionToReport`, `ProductReleaseIds`,
 * `InstallationPath`. Microsoft's own Get-OfficeVersion.ps1 reads this key
 * (OfficeDev/Office-IT-Pro-Deployment-Scripts, Office-ProPlus-Management/Get-OfficeVersion).
 */
export const C2R_CONFIGURATION_KEY = `${OFFICE_KEY}\\ClickToRun\\Configuration`;
/** The same for Office 2013 Click-to-Run (Get-OfficeVersion.ps1 reads `<ver>\ClickToRun\Configuration`). */
export const C2R15_CONFIGURATION_KEY = `${OFFICE_KEY}\\15.0\\ClickToRun\\Configuration`;
/**
 * `VirtualOutlook` (REG_SZ, a culture tag) here means Outlook 2013 came by Click-to-Run; only
 * 32-bit Office 2013 ran that way ("Determine whether Outlook is a Click-to-Run application on
 * a computer", MicrosoftDocs/office-developer-client-docs, docs/outlook/pia/).
 */
export const C2R15_VIRTUAL_KEY = `${OFFICE_KEY}\\15.0\\Common\\InstallRoot\\Virtual`;

/** `HKLM\SOFTWARE\Microsoft\Office\<ver>\Outlook`, the MSI location. */
export function msiOutlookKey(version: string): string {
  return `${OFFICE_KEY}\\${version}\\Outlook`;
}

/**
 * The Outlook key inside the Click-to-Run bubble; `wow64` for 32-bit Office on 64-bit Windows.
 * Microsoft's support articles name both, next to the MSI key, e.g. "Error when you view
 * free/busy information in Outlook" (MicrosoftDocs/SupportArticles-docs,
 * Outlook/Client/calendaring/cannot-view-free-busy-information.md).
 */
export function c2rBubbleOutlookKey(version: string, wow64: boolean): string {
  const software = wow64 ? 'Software\\Wow6432Node' : 'Software';
  return `${OFFICE_KEY}\\ClickToRun\\REGISTRY\\MACHINE\\${software}\\Microsoft\\Office\\${version}\\Outlook`;
}

/** Step one: small keys that name the installed version, read with the rest of the scan. */
export const INSTALL_HINT_REQUESTS: readonly SubtreeRequest[] = [
  { path: OUTLOOK_CURVER_KEY, recursive: false },
  { path: C2R_CONFIGURATION_KEY, view: '64', recursive: false },
];

export interface InstallHints {
  /** The version CurVer names ("16.0"), when it is one we know. */
  readonly version: string | null;
  /** `ClickToRun\Configuration` exists: Click-to-Run Office 2016 or later is installed. */
  readonly clickToRun: boolean;
}

const CURVER = /^Outlook\.Application\.(\d{1,2})$/i;

export function readInstallHints(tree: RegTree): InstallHints {
  const cur = tree.getValue(OUTLOOK_CURVER_KEY, '');
  const m = cur?.type === 'REG_SZ' ? CURVER.exec(cur.data.trim()) : null;
  const version = m ? `${Number(m[1])}.0` : null;
  return {
    version: OUTLOOK_VERSIONS.some((v) => v.version === version) ? version : null,
    clickToRun: tree.hasKey(C2R_CONFIGURATION_KEY),
  };
}

function msi(version: string): SubtreeRequest[] {
  return [
    { path: msiOutlookKey(version), view: '64' },
    { path: msiOutlookKey(version), view: '32' },
  ];
}

function bubble(version: string): SubtreeRequest[] {
  return [
    { path: c2rBubbleOutlookKey(version, false), view: '64' },
    { path: c2rBubbleOutlookKey(version, true), view: '64' },
  ];
}

/** Both views: a kit run on 32-bit Windows finds the 32-bit view at the native path. */
const C2R15: readonly SubtreeRequest[] = [
  { path: C2R15_VIRTUAL_KEY, view: '32', recursive: false },
  { path: C2R15_VIRTUAL_KEY, view: '64', recursive: false },
  { path: C2R15_CONFIGURATION_KEY, view: '64', recursive: false },
];

function forVersion(version: string, clickToRun: boolean): SubtreeRequest[] {
  if (version === '16.0') return clickToRun ? bubble(version) : msi(version);
  if (version === '15.0') return [...msi(version), ...C2R15];
  return msi(version);
}

/**
 * Step two. Only one Outlook version can be installed at a time, so CurVer's version is the one
 * to read; Click-to-Run without CurVer means its bubble. With neither (an export without
 * `HKLM\SOFTWARE\Classes`, or a broken install), every version is read.
 */
export function installRequests(hints: InstallHints): SubtreeRequest[] {
  if (hints.version) return forVersion(hints.version, hints.clickToRun);
  if (hints.clickToRun) return bubble('16.0');
  return OUTLOOK_VERSIONS.flatMap((v) => forVersion(v.version, false));
}

/** Every install key a diagnosis may read, whatever the hints say (for collecting them ahead). */
export const ALL_INSTALL_REQUESTS: readonly SubtreeRequest[] = [
  ...INSTALL_HINT_REQUESTS,
  ...installRequests({ version: null, clickToRun: false }),
  ...bubble('16.0'),
];
