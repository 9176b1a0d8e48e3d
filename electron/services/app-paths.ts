import { homedir } from 'node:os';
import { join } from 'node:path';

const PRODUCT_NAME = 'Exchange Proxy Wizard';

/** Same folder Electron's `app.getPath('userData')` uses, so the CLI and the app share a journal. */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.EXPROXY_DATA_DIR) return env.EXPROXY_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** Journal and reports of machine-scope (SYSTEM) runs: %ProgramData%, shared by every user. */
export function machineDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.EXPROXY_DATA_DIR) return env.EXPROXY_DATA_DIR;
  if (platform === 'win32')
    return join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', PRODUCT_NAME);
  return userDataDir(env, platform);
}
