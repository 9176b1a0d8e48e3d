import { PosixStateFolder } from '../adapters/node';
import { windowsRoot, windowsStateFolder } from '../adapters/windows';
import type { StateFolderGuard } from '../core/machine/state-folder-port';

/** State folders are checked the way their file system works: NTFS ACLs on Windows, modes elsewhere. */
export function stateFolderGuard(): StateFolderGuard {
  return process.platform === 'win32' ? windowsStateFolder(windowsRoot()) : new PosixStateFolder();
}
