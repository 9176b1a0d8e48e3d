import { join } from 'node:path';
import { PosixStateFolder } from '../adapters/node/posix-state-folder';
import { execFileRunner, systemTool } from '../adapters/windows/process-runner';
import { WindowsStateFolder } from '../adapters/windows/windows-state-folder';
import type { StateFolderGuard } from '../core/machine/state-folder-port';

/** State folders are checked the way their file system works: NTFS ACLs on Windows, modes elsewhere. */
export function stateFolderGuard(): StateFolderGuard {
  if (process.platform !== 'win32') return new PosixStateFolder();
  return new WindowsStateFolder(execFileRunner, {
    powershell: systemTool(join('WindowsPowerShell', 'v1.0', 'powershell.exe')),
    icacls: systemTool('icacls.exe'),
  });
}
