/**
 * An RPC over HTTP account whose proxy is Microsoft's cloud (SOURCES.md §4): unsupported since
 * 2017-10-31 and Basic sign-in is being switched off, so the answer is a new profile on a supported
 * Outlook, never a switch to NTLM. No registry fix exists.
 */
import type { ExchangeAccount, OutlookProfile } from '../outlook/profile-model';
import type { CauseContext } from './cause-context';
import type { CauseFinding } from './cause-finding';
import { isMicrosoftCloudHost, type MicrosoftCloud } from './cloud-host';

export interface CloudAccount {
  readonly profile: OutlookProfile;
  readonly account: ExchangeAccount;
  readonly which: MicrosoftCloud;
  readonly host: string;
}

/** Accounts that connect to Exchange Online through RPC over HTTP. */
export function cloudRpcAccounts(profiles: readonly OutlookProfile[]): CloudAccount[] {
  const out: CloudAccount[] = [];
  for (const profile of profiles) {
    for (const account of profile.accounts) {
      const roh = account.rpcOverHttp;
      if (!roh.enabled || roh.proxyServer === null) continue;
      const m = isMicrosoftCloudHost(roh.proxyServer);
      if (m.cloud) out.push({ profile, account, which: m.which, host: m.host });
    }
  }
  return out;
}

/**
 * `profile|section` keys for the KB820281 planner's `skipAccounts`: switching a cloud account to
 * NTLM would change nothing that helps.
 */
export function cloudAccountKeys(profiles: readonly OutlookProfile[]): string[] {
  return cloudRpcAccounts(profiles).map((c) => `${c.profile.name}|${c.account.section}`);
}

export function exchangeOnlineFindings(ctx: CauseContext): CauseFinding[] {
  return cloudRpcAccounts(ctx.profiles).map(({ profile, account, which, host }) => ({
    id: 'exchange-online-rpc',
    severity: 'error',
    kb: 'KB3201590',
    profile: profile.name,
    account: account.section,
    fixes: [],
    facts: {
      proxyServer: host,
      cloud: which,
      outlookVersion: profile.outlookVersion,
      // 2007 and older cannot use MAPI over HTTP or modern auth at all: a newer Outlook is needed.
      needsNewerOutlook: profile.outlookVersion === null || Number.parseFloat(profile.outlookVersion) < 15,
      authScheme: account.rpcOverHttp.authScheme,
    },
  }));
}
