import { PosixStateFolder } from '../adapters/node/posix-state-folder';
import { execFileRunner } from '../adapters/windows/process-runner';
import { system32Path, windowsRoot } from '../adapters/windows/system-root';
import { WindowsStateFolder } from '../adapters/windows/windows-state-folder';
import type { StateFolderGuard } from '../core/machine/state-folder-port';

/** State folders are checked the way their file system works: NTFS ACLs on Windows, modes elsewhere. */
export function stateFolderGuard(): StateFolderGuard {
  if (process.platform !== 'win32') return new PosixStateFolder();
  const root = windowsRoot();
  return new WindowsStateFolder(execFileRunner, {
    powershell:
      root === undefined ? undefined : system32Path(root, 'WindowsPowerShell', 'v1.0', 'powershell.exe'),
    icacls: root === undefined ? undefined : system32Path(root, 'icacls.exe'),
  });
}
