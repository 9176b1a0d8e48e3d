/**
 * Judging a Windows security descriptor for the machine-scope state folder: only
 * SYSTEM, Administrators and TrustedInstaller may own it or hold any right that changes
 * what is inside. Pure, so the rule is tested here; the Windows adapter reads the ACL.
 */
export const TRUSTED_SIDS: Readonly<Record<string, string>> = {
  'S-1-5-18': 'SYSTEM',
  'S-1-5-32-544': 'Administrators',
  'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464': 'TrustedInstaller',
};

/** FileSystemRights bits that let a holder add, change or remove what is in the folder. */
export const WRITE_RIGHTS =
  0x2 | // WriteData / CreateFiles
  0x4 | // AppendData / CreateDirectories
  0x10 | // WriteExtendedAttributes
  0x40 | // DeleteSubdirectoriesAndFiles
  0x100 | // WriteAttributes
  0x10000 | // Delete
  0x40000 | // ChangePermissions
  0x80000 | // TakeOwnership
  0x10000000 | // GENERIC_ALL
  0x40000000; // GENERIC_WRITE

export interface AccessEntry {
  readonly allow: boolean;
  readonly sid: string;
  readonly rights: number;
}

export interface FolderSecurity {
  readonly path: string;
  readonly owner: string;
  readonly entries: readonly AccessEntry[];
}

/** Why this folder cannot be trusted, or null. */
export function untrustedAcl(f: FolderSecurity): string | null {
  if (!(f.owner in TRUSTED_SIDS)) return `${f.path} is owned by ${f.owner}, not by SYSTEM or Administrators`;
  const writer = f.entries.find(
    (e) => e.allow && (e.rights & WRITE_RIGHTS) !== 0 && !(e.sid in TRUSTED_SIDS),
  );
  return writer
    ? `${f.path} lets ${writer.sid} change what is inside (rights 0x${(writer.rights >>> 0).toString(16)})`
    : null;
}
