import { isMicrosoftCloudHost } from '../causes/cloud-host';
import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import type { AuthScheme, OutlookProfile } from '../outlook/profile-model';
import { proxyHost } from '../outlook/rpc-over-http';
import { exchangeAdminCommands, type AdminCommand } from './admin-commands';
import { autodiscoverScope, outlookName } from './autodiscover-scope';

export interface AutodiscoverAccount {
  /** Section key of the account. */
  readonly section: string;
  /** Account name, else the section key. */
  readonly label: string;
  readonly proxyServer: string | null;
  readonly authScheme: AuthScheme | null;
}

/** What the Exchange admin runs for one proxy name. */
export interface AutodiscoverServer {
  /** The host part of the proxy the profile uses, as stored (validated before any command). */
  readonly proxyHost: string | null;
  readonly commands: readonly AdminCommand[];
}

/**
 * "Exchange can switch this back": for a profile of Outlook 2007 or later (or an undetected
 * version) with an Outlook Anywhere account. JSON-safe, for the CLI, the report and the wizard.
 */
export interface AutodiscoverNotice {
  readonly profile: string;
  /** "Outlook 2016 or later", or null when the version was not detected. */
  readonly outlook: string | null;
  readonly accounts: readonly AutodiscoverAccount[];
  readonly servers: readonly AutodiscoverServer[];
}

/** H6 marks profiles the installed Outlook no longer reads; Autodiscover never touches those. */

function noticeFor(profile: OutlookProfile): AutodiscoverNotice | null {
  if (profile.status === 'leftover' || autodiscoverScope(profile) === 'no') return null;
  // Only what our fix touches (Basic → NTLM): a Negotiate or certificate account is never told to use
  // NTLM, and nor is a Microsoft 365 one (no Exchange administrator of ours runs that server).
  const roh = profile.accounts.filter(
    (a) =>
      a.rpcOverHttp.enabled &&
      (a.rpcOverHttp.authScheme === 'basic' || a.rpcOverHttp.authScheme === 'ntlm') &&
      !(a.rpcOverHttp.proxyServer && isMicrosoftCloudHost(a.rpcOverHttp.proxyServer).cloud),
  );
  if (roh.length === 0) return null;
  const hosts = [
    ...new Set(roh.map((a) => (a.rpcOverHttp.proxyServer ? proxyHost(a.rpcOverHttp.proxyServer) : null))),
  ];
  return {
    profile: profile.name,
    outlook: outlookName(profile),
    accounts: roh.map((a) => ({
      section: a.section,
      label: a.accountName ?? a.section,
      proxyServer: a.rpcOverHttp.proxyServer,
      authScheme: a.rpcOverHttp.authScheme,
    })),
    servers: hosts.map((h) => ({ proxyHost: h, commands: exchangeAdminCommands(h) })),
  };
}

export function autodiscoverNotices(report: Pick<DiagnosisReport, 'profiles'>): AutodiscoverNotice[] {
  return report.profiles.flatMap((p) => noticeFor(p) ?? []);
}
