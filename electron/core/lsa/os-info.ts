import type { RegTree } from '../registry/reg-tree';
import type { OsFamily, OsInfo } from './lsa-model';

export const WINDOWS_VERSION_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

function str(tree: RegTree, name: string): string | null {
  const v = tree.getValue(WINDOWS_VERSION_KEY, name);
  return v && (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') ? v.data : null;
}

function osFamily(currentVersion: string | null, productName: string | null, major: number | null): OsFamily {
  if (major !== null && major >= 6) return 'vista-or-later';
  if (!currentVersion) return 'unknown';
  const [maj, min] = currentVersion.split('.').map((p) => Number.parseInt(p, 10));
  if (maj === undefined || Number.isNaN(maj)) return 'unknown';
  if (maj >= 6) return 'vista-or-later';
  if (maj === 5 && min === 2) return /xp/i.test(productName ?? '') ? 'xp-2000' : 'server-2003';
  if (maj === 5) return 'xp-2000';
  return 'unknown';
}

function dword(tree: RegTree, name: string): number | null {
  const v = tree.getValue(WINDOWS_VERSION_KEY, name);
  return v?.type === 'REG_DWORD' ? v.data : null;
}

/** First Windows 11 build; Windows 11 keeps "Windows 10" in ProductName. */
const WINDOWS_11_BUILD = 22000;

/**
 * Windows 11 still writes "Windows 10 Pro" (etc.) into ProductName; the build number tells
 * them apart, so a report never names the wrong Windows.
 */
function windowsName(productName: string | null, major: number | null, build: string | null): string | null {
  const number = build === null ? Number.NaN : Number.parseInt(build, 10);
  if (productName && major === 10 && number >= WINDOWS_11_BUILD && /^Windows 10\b/.test(productName))
    return productName.replace(/^Windows 10/, 'Windows 11');
  return productName;
}

/** OS version as Windows records it (HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion). */
export function readOsInfo(tree: RegTree): OsInfo {
  const recordedName = str(tree, 'ProductName');
  const recordedVersion = str(tree, 'CurrentVersion');
  // Windows 10 and later keep CurrentVersion at "6.3" for old programs; the real one is here.
  const major = dword(tree, 'CurrentMajorVersionNumber');
  const minor = dword(tree, 'CurrentMinorVersionNumber');
  const build = str(tree, 'CurrentBuildNumber') ?? str(tree, 'CurrentBuild');
  return {
    productName: windowsName(recordedName, major, build),
    currentVersion: major !== null ? `${major}.${minor ?? 0}` : recordedVersion,
    build,
    family: osFamily(recordedVersion, recordedName, major),
  };
}
