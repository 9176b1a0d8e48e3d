import type { RegTree } from '../registry/reg-tree';
import { OFFICE_KEY, OFFICE_KEY_WOW64, OUTLOOK_VERSIONS, installRootKey } from './profile-locations';
import type { InstalledOutlook } from './profile-model';

/**
 * Installed Outlook versions from `InstallRoot\Path` in both registry views. On 32-bit
 * Windows there is no WOW6432Node and the native view is 32-bit; we cannot tell those
 * apart from the registry alone, so a native-view hit counts as 64-bit only when a
 * WOW6432Node branch exists (i.e. the OS is 64-bit).
 */
export function findInstalledOutlook(tree: RegTree): InstalledOutlook[] {
  const is64BitOs = tree.hasKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node');
  const found: InstalledOutlook[] = [];
  for (const info of OUTLOOK_VERSIONS) {
    for (const [officeKey, bitness] of [
      [OFFICE_KEY, is64BitOs ? '64' : '32'],
      [OFFICE_KEY_WOW64, '32'],
    ] as const) {
      const path = tree.getValue(installRootKey(officeKey, info.version), 'Path');
      if (path?.type === 'REG_SZ' || path?.type === 'REG_EXPAND_SZ') {
        found.push({ version: info.version, displayName: info.displayName, installPath: path.data, bitness });
        break;
      }
    }
  }
  return found;
}
