import { ExproxyError } from '../errors';
import type { Locale } from '../locale';
import { isValidHostName } from '../lsa/host-name';
import { isComputerName } from './computer-name';
import en from './text/en.json';
import zhCN from './text/zh-CN.json';

export type GuideId = 'exprox-1000' | 'kb914137' | 'owa-71' | 'kb183545';
export const GUIDE_IDS: readonly GuideId[] = ['exprox-1000', 'kb914137', 'owa-71', 'kb183545'];
export type GuideLocale = Locale;

export interface GuideCommand {
  readonly label: string;
  readonly shell: 'cmd' | 'powershell';
  readonly command: string;
}

export interface ServerGuide {
  readonly id: GuideId;
  readonly kb: readonly string[];
  /** Application-log events that lead here. */
  readonly events: ReadonlyArray<{ readonly source: string; readonly id: number }>;
  readonly title: string;
  readonly symptom: string;
  readonly meaning: string;
  readonly checks: readonly string[];
  readonly commands: readonly GuideCommand[];
  /** The one change this product makes itself, if any. */
  readonly productFix: 'backconnection-host' | null;
  readonly productFixText: string;
}

/** Names that go into the commands; validated, so a pasted command cannot carry anything else. */
export interface GuideParams {
  /** The server's NetBIOS (computer) name, e.g. EXCH01. */
  readonly server?: string;
  /** A full DNS name, e.g. smtp.contoso.com. */
  readonly fqdn?: string;
}

function checkGuideParams(p: GuideParams): void {
  if (p.server !== undefined && !isComputerName(p.server))
    throw new ExproxyError(
      'usage',
      `"${p.server}" is not a computer name (letters, digits and -, at most 15).`,
    );
  if (p.fqdn !== undefined && !isValidHostName(p.fqdn))
    throw new ExproxyError('usage', `"${p.fqdn}" is not a DNS host name.`);
}

type Template = readonly [
  key: string,
  shell: 'cmd' | 'powershell',
  command: (s: string, f: string) => string,
];

// Command lines use only the validated names; placeholders stay when a name is not given.
const TEMPLATES: Record<GuideId, readonly Template[]> = {
  'exprox-1000': [
    [
      'iis6Get',
      'cmd',
      () =>
        'cscript %SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs GET W3SVC/1/ROOT/NTAuthenticationProviders',
    ],
    [
      'iis6Set',
      'cmd',
      () =>
        'cscript %SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs SET W3SVC/1/ROOT/NTAuthenticationProviders "Negotiate,NTLM"',
    ],
    [
      'iis7List',
      'cmd',
      () =>
        '%windir%\\system32\\inetsrv\\appcmd.exe list config "Default Web Site/Exchange" -section:system.webServer/security/authentication/windowsAuthentication',
    ],
    ['iisReset', 'cmd', () => 'iisreset /noforce'],
  ],
  kb914137: [
    ['spnList', 'cmd', (s) => `setspn -L ${s}`],
    ['spnAdd', 'cmd', (s, f) => `setspn -S SMTPSVC/${f} ${s}`],
    ['stopIisAdmin', 'cmd', () => 'net stop iisadmin /y'],
    ['startIisAdmin', 'cmd', () => 'net start iisadmin'],
    ['startSmtp', 'cmd', () => 'net start smtpsvc'],
  ],
  'owa-71': [
    [
      'getOwa',
      'powershell',
      (s) =>
        `Get-OwaVirtualDirectory -Server ${s} | Format-List Server,Name,InternalUrl,ExternalUrl,*Authentication`,
    ],
    [
      'setOwa',
      'powershell',
      (s, f) =>
        `Set-OwaVirtualDirectory -Identity "${s}\\owa (Default Web Site)" -InternalUrl "https://${f}/owa"`,
    ],
    ['spnList', 'cmd', (s) => `setspn -L ${s}`],
    ['spnAdd', 'cmd', (s, f) => `setspn -S HTTP/${f} ${s}`],
    [
      'iis7List',
      'cmd',
      () =>
        '%windir%\\system32\\inetsrv\\appcmd.exe list config "Default Web Site/owa" -section:system.webServer/security/authentication/windowsAuthentication',
    ],
  ],
  kb183545: [],
};

const META: Record<GuideId, Pick<ServerGuide, 'kb' | 'events' | 'productFix'>> = {
  'exprox-1000': { kb: ['KB326985', 'KB215383'], events: [{ source: 'EXPROX', id: 1000 }], productFix: null },
  kb914137: { kb: ['KB914137', 'KB896861'], events: [], productFix: 'backconnection-host' },
  'owa-71': { kb: [], events: [{ source: 'MSExchange OWA', id: 71 }], productFix: null },
  kb183545: { kb: ['KB183545'], events: [], productFix: null },
};

const TEXT: Record<GuideLocale, typeof en> = { en, 'zh-CN': zhCN };

export function serverGuides(locale: GuideLocale, params: GuideParams = {}): ServerGuide[] {
  checkGuideParams(params);
  const server = params.server ?? '<SERVER>';
  const fqdn = params.fqdn ?? '<FQDN>';
  return GUIDE_IDS.map((id) => {
    const text = TEXT[locale][id];
    const labels = text.commands as Record<string, string>;
    return {
      id,
      ...META[id],
      title: text.title,
      symptom: text.symptom,
      meaning: text.meaning,
      checks: text.checks,
      commands: TEMPLATES[id].map(([key, shell, make]) => ({
        label: labels[key]!,
        shell,
        command: make(server, fqdn),
      })),
      productFixText: text.productFix,
    };
  });
}

/** The guide an Application-log event leads to, or null. */
export function guideForEvent(event: { source: string; id: number }): GuideId | null {
  for (const id of GUIDE_IDS) {
    if (
      META[id].events.some((e) => e.id === event.id && e.source.toLowerCase() === event.source.toLowerCase())
    )
      return id;
  }
  return null;
}

/** The XPath wevtutil uses to find every event a guide knows, newest first. */
export function guideEventQuery(): string {
  const parts = GUIDE_IDS.flatMap((id) => META[id].events).map(
    (e) => `(Provider[@Name='${e.source}'] and EventID=${e.id})`,
  );
  return `*[System[${parts.join(' or ')}]]`;
}
