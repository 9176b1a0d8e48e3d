import type { IisAuthReader, IisAuthReading } from '../../core/server-guides/iis-auth-port';
import { parseAdsutilProviders, parseAppcmdProviders } from '../../core/server-guides/iis-providers';
import type { ProcessRunner } from './process-runner';

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
 * has neither, which is not an error: the guide then only shows the commands to run.
 */
export class WindowsIisAuthReader implements IisAuthReader {
  constructor(
    private readonly runner: ProcessRunner,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async read(): Promise<IisAuthReading[]> {
    const windir = this.env.windir ?? this.env.SystemRoot ?? 'C:\\Windows';
    const appcmd = `${windir}\\system32\\inetsrv\\appcmd.exe`;
    const out: IisAuthReading[] = [];
    for (const site of IIS7_SITES) {
      const r = await this.tryRun(appcmd, appcmdArgs(site));
      if (r === undefined) break; // no appcmd: not IIS 7+
      const reading = parseAppcmdProviders(r);
      if (reading) out.push({ ...reading, site, source: 'appcmd' });
    }
    if (out.length > 0) return out;
    const adsutil = `${this.env.SystemDrive ?? 'C:'}\\Inetpub\\AdminScripts\\adsutil.vbs`;
    const cscript = `${windir}\\system32\\cscript.exe`;
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
