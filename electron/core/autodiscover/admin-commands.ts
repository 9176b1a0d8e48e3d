import { isValidHostName } from '../lsa/host-name';

/** Exchange versions whose Set-OutlookAnywhere takes a different parameter (SOURCES.md E1–E3). */
export type ExchangeGeneration = 'exchange-2007-rtm' | 'exchange-2007-2010' | 'exchange-2013';
export const EXCHANGE_GENERATIONS: readonly ExchangeGeneration[] = [
  'exchange-2007-rtm',
  'exchange-2007-2010',
  'exchange-2013',
];

export interface AdminCommand {
  readonly generation: ExchangeGeneration;
  /** Exchange Management Shell (PowerShell) command lines, run on the Exchange server. */
  readonly check: string;
  readonly set: string;
  /** Source ids in SOURCES.md. */
  readonly sources: readonly string[];
}

/** Shown instead of a host name that is missing or not a plain DNS name. */
export const HOST_PLACEHOLDER = '<external host name>';

/**
 * The parameter that decides what Autodiscover hands Outlook Anywhere clients:
 * 2007 RTM `-ExternalAuthenticationMethod`; 2007 SP1 and 2010 `-ClientAuthenticationMethod`;
 * 2013 and later `-ExternalClientAuthenticationMethod` and `-InternalClientAuthenticationMethod`
 * (Outlook Anywhere is used inside the network too from 2013 on).
 */
const SET_PARAMETERS: Record<ExchangeGeneration, { params: string; sources: readonly string[] }> = {
  'exchange-2007-rtm': { params: '-ExternalAuthenticationMethod Ntlm', sources: ['E1'] },
  'exchange-2007-2010': { params: '-ClientAuthenticationMethod Ntlm', sources: ['E2', 'E3'] },
  'exchange-2013': {
    params: '-ExternalClientAuthenticationMethod Ntlm -InternalClientAuthenticationMethod Ntlm',
    sources: ['E3'],
  },
};

/**
 * The admin's commands, for the Outlook Anywhere directory that serves `host` (the proxy name in
 * the profile). Only a validated DNS name reaches a command; anything else becomes a placeholder.
 */
export function exchangeAdminCommands(host: string | null): AdminCommand[] {
  const name = host !== null && isValidHostName(host) ? host.toLowerCase() : HOST_PLACEHOLDER;
  const select = `Get-OutlookAnywhere | Where-Object { "$($_.ExternalHostname)" -eq '${name}' -or "$($_.InternalHostname)" -eq '${name}' }`;
  return EXCHANGE_GENERATIONS.map((generation) => ({
    generation,
    check: `${select} | Format-List Identity,ExternalHostname,*AuthenticationMethod*`,
    set: `${select} | Set-OutlookAnywhere ${SET_PARAMETERS[generation].params}`,
    sources: SET_PARAMETERS[generation].sources,
  }));
}
