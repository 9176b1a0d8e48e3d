/**
 * Electron 23 and later (we ship 41) and Node 20 need Windows 10 or 11; older Windows reports
 * 6.x (Vista 6.0, 7 6.1, 8 6.2, 8.1 6.3) or 5.x (XP, Server 2003). Such a PC is reached with
 * collect.cmd and a fix kit made here on a supported PC (docs/legacy-pcs.md).
 */
export function isOlderThanWindows10(platform: NodeJS.Platform, release: string): boolean {
  if (platform !== 'win32') return false;
  const major = Number.parseInt(release.split('.')[0] ?? '', 10);
  return Number.isInteger(major) && major < 10;
}
