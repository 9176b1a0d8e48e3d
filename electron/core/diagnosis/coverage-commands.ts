import { LSA_KEY } from '../registry/allowlist';
import { WINDOWS_VERSION_KEY } from '../lsa/os-info';
import { OUTLOOK_APPLICATION_KEY } from '../outlook/install-probes';
import { OFFICE_KEY, type ProfileRoot } from '../outlook/profile-locations';
import { shortKeyPath } from '../registry/key-path';
import { snapshotPathFor } from '../registry/registry-port';
import type { CoveragePart } from './coverage';

export interface CommandInput {
  readonly missing: readonly CoveragePart[];
  readonly roots: readonly ProfileRoot[];
  /** A validated SID: HKEY_CURRENT_USER keys are then exported from `HKU\<SID>`. */
  readonly userSid: string | null;
  readonly installUnknown: boolean;
}

function exportLine(path: string, file: string, userSid: string | null): string {
  const short = shortKeyPath(path);
  const key = userSid ? short.replace(/^HKCU\\/, `HKU\\${userSid}\\`) : short;
  return `reg export "${key}" ${file} /y`;
}

/**
 * `reg export` lines that add the missing parts, then one `copy /b` that joins them with the
 * first file (a joined export is read as one). Office's 32-bit view is named by its
 * WOW6432Node path rather than `/reg:32`, which Windows XP's reg.exe does not have.
 * Everything here is a product constant or a validated SID: nothing read from the registry.
 */
export function coverageCommands({ missing, roots, userSid, installUnknown }: CommandInput): string[] {
  const lines: string[] = [];
  const files: string[] = [];
  const add = (path: string, file: string) => {
    lines.push(exportLine(path, file, userSid));
    files.push(file);
  };
  if (missing.includes('profiles'))
    for (const r of roots) add(r.defaultProfileKey, `outlook-${r.store === 'wms' ? 'wms' : r.store}.reg`);
  if (missing.includes('officeInstall') || installUnknown) {
    add(OUTLOOK_APPLICATION_KEY, 'outlook-application.reg');
    add(OFFICE_KEY, 'office.reg');
    add(snapshotPathFor(OFFICE_KEY, '32'), 'office-32bit.reg');
  }
  if (missing.includes('lsa')) add(LSA_KEY, 'lsa.reg');
  if (missing.includes('osVersion')) add(WINDOWS_VERSION_KEY, 'windows-version.reg');
  if (files.length > 0) lines.push(`copy /b ${['export.reg', ...files].join('+')} export-complete.reg`);
  if (missing.includes('policy')) lines.push('gpresult /scope computer /z');
  return lines;
}
