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

/** OS version as Windows records it (HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion). */
export function readOsInfo(tree: RegTree): OsInfo {
  const productName = str(tree, 'ProductName');
  const currentVersion = str(tree, 'CurrentVersion');
  const majorValue = tree.getValue(WINDOWS_VERSION_KEY, 'CurrentMajorVersionNumber');
  const major = majorValue?.type === 'REG_DWORD' ? majorValue.data : null;
  return {
    productName,
    currentVersion,
    build: str(tree, 'CurrentBuildNumber') ?? str(tree, 'CurrentBuild'),
    family: osFamily(currentVersion, productName, major),
  };
}
