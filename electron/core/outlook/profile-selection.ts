import { ExproxyError } from '../errors';
import { equalsIgnoreAsciiCase } from '../registry/ascii-case';
import { keyPathEquals } from '../registry/key-path';
import type { OutlookProfile } from './profile-model';

/** Profiles a change may touch when none is named: never one left over from an older Outlook. */
export function profilesInUse(profiles: readonly OutlookProfile[]): OutlookProfile[] {
  return profiles.filter((p) => p.status !== 'leftover');
}

function isKeyPath(s: string): boolean {
  return /^(HKEY_CURRENT_USER|HKCU|HKEY_USERS|HKU)\\/i.test(s);
}

/**
 * What `--profile` names. A name means the profile the installed Outlook uses (several roots may
 * hold an "Outlook"); a leftover profile is reached only by its full registry path, as
 * `diagnose --json` prints it in `keyPath`, so the old one is never changed by mistake.
 */
export function selectProfiles(profiles: readonly OutlookProfile[], nameOrPath: string): OutlookProfile[] {
  if (isKeyPath(nameOrPath)) {
    const byPath = profiles.filter((p) => {
      try {
        return keyPathEquals(p.keyPath, nameOrPath);
      } catch {
        return false;
      }
    });
    if (byPath.length === 0)
      throw new ExproxyError('usage', `No Outlook profile was found at ${nameOrPath}.`);
    return byPath;
  }
  const named = profiles.filter((p) => equalsIgnoreAsciiCase(p.name, nameOrPath));
  const inUse = profilesInUse(named);
  if (inUse.length > 0) return inUse;
  if (named.length > 0)
    throw new ExproxyError(
      'usage',
      `Profile "${nameOrPath}" is left over from an older Outlook and is not used by the installed one, so nothing in it is changed. ` +
        `To change it anyway, name it by its registry path: --profile "${named[0]!.keyPath}".`,
    );
  throw new ExproxyError('usage', `No Outlook profile named "${nameOrPath}" was found.`);
}
