/** The CLI commands the packaged app runs without a window (fleet deployment). */
const COMMANDS = new Set(['diagnose', 'apply', 'rollback', 'history', 'prf']);

/**
 * The CLI arguments when the app was started for an unattended run, else null (open the
 * wizard). `Exchange Proxy Wizard.exe --silent apply --scope user` and `... diagnose` both
 * count; the wizard's own flags (`--resume-verify`, `--machine`) do not.
 */
export function unattendedArgs(argv: readonly string[], packaged: boolean): string[] | null {
  // Packaged: [exe, ...args]; unpackaged: [electron, appPath, ...args].
  const args = argv.slice(packaged ? 1 : 2);
  const silent = args.includes('--silent');
  const command = args.find((a) => !a.startsWith('-'));
  if (command !== undefined && COMMANDS.has(command)) return [...args];
  return silent ? [...args] : null;
}
