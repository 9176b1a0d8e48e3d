/**
 * Which damaged `.reg` lines refuse the whole file: those of values the product itself may
 * write (allowlist.ts). Changing such a value when its current data could not be read would
 * be writing blind (no true "before" for the backup and the undo), so the file is refused with
 * the line. Any other damaged value is skipped with a warning.
 */
import { checkWriteAllowed, RESUME_VALUE_NAME } from './allowlist';
import { asciiLower } from './ascii-case';

/** `HKEY_USERS\<SID>\…` counts as that user's `HKEY_CURRENT_USER\…` (an export of another user's hive). */
const USER_HIVE = /^HKEY_USERS\\[^\\]+(?=\\)/i;

export function productMayWrite(keyPath: string, name: string): boolean {
  const path = keyPath.replace(USER_HIVE, 'HKEY_CURRENT_USER');
  // Registry names ignore case; the allowlist's resume entry is matched exactly, so fold it here.
  const asListed = asciiLower(name) === asciiLower(RESUME_VALUE_NAME) ? RESUME_VALUE_NAME : name;
  try {
    checkWriteAllowed(path, asListed, null);
    return true;
  } catch {
    return false;
  }
}
