import type { IisAuthReader, IisAuthReading } from '../../core/server-guides/iis-auth-port';
import { parseAdsutilProviders, parseAppcmdProviders } from '../../core/server-guides/iis-providers';
import type { ProcessRunner } from './process-runner';
import { system32Path, windowsRoot } from './system-root';

/** The Exchange directories whose providers decide Kerberos between servers (EXPROX 1000, OWA 71). */
export const IIS7_SITES = ['Default Web Site/Exchange', 'Default Web Site/owa'] as const;
export const IIS6_PATHS = ['W3SVC/1/ROOT/Exchange', 'W3SVC/1/ROOT'] as const;
const SECTION = '-section:system.webServer/security/authentication/windowsAuthentication';

export function appcmdArgs(site: string): string[] {
  return ['list', 'config', site, SECTION];
}

export function adsutilArgs(adsutil: string, path: string): string[] {
  return ['//nologo', adsutil, 'GET', `${path}/NTAuthenticationProviders`];
}

/**
 * IIS 7 and later through appcmd.exe, IIS 6 through adsutil.vbs (cscript); a PC without IIS
 * has neither, which is not an error: the guide then only shows the commands to run. Both
 * start by absolute paths under the Windows folder (and adsutil.vbs on its drive); when
 * SystemRoot is missing or odd nothing is run rather than a program found by search.
 */
export class WindowsIisAuthReader implements IisAuthReader {
  constructor(
    private readonly runner: ProcessRunner,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async read(): Promise<IisAuthReading[]> {
    const root = windowsRoot(this.env);
    if (root === undefined) return [];
    const appcmd = system32Path(root, 'inetsrv', 'appcmd.exe');
    const out: IisAuthReading[] = [];
    for (const site of IIS7_SITES) {
      const r = await this.tryRun(appcmd, appcmdArgs(site));
      if (r === undefined) break; // no appcmd: not IIS 7+
      const reading = parseAppcmdProviders(r);
      if (reading) out.push({ ...reading, site, source: 'appcmd' });
    }
    if (out.length > 0) return out;
    // IIS 6 installs Inetpub on the system drive; the drive comes from the checked root.
    const adsutil = `${root.slice(0, 2)}\\Inetpub\\AdminScripts\\adsutil.vbs`;
    const cscript = system32Path(root, 'cscript.exe');
    for (const path of IIS6_PATHS) {
      const r = await this.tryRun(cscript, adsutilArgs(adsutil, path));
      if (r === undefined) break;
      const reading = parseAdsutilProviders(r);
      if (reading) {
        out.push({ ...reading, site: path, source: 'adsutil' });
        break; // the first level that sets it is the one in effect
      }
    }
    return out;
  }

  /** Output text, or undefined when the tool cannot be started at all. */
  private async tryRun(file: string, args: string[]): Promise<string | undefined> {
    try {
      const r = await this.runner.run(file, args, { timeoutMs: 20_000 });
      return `${r.stdout.toString('utf8')}\n${r.stderr.toString('utf8')}`;
    } catch {
      return undefined;
    }
  }
}
