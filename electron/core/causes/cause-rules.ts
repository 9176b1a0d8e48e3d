/**
 * Every cause rule in one call, for the scan to append to the KB820281 findings. Pure: the same
 * inputs give the same findings in the same order.
 */
import type { CauseContext } from './cause-context';
import type { CauseFinding } from './cause-finding';
import type { SavedCredential } from './credential-port';
import { cloudRpcAccounts, exchangeOnlineFindings } from './exchange-online';
import { logonSecurityFindings } from './logon-security';
import { mapiEndpointFindings, type MapiEndpointReading, type MapiEndpointTarget } from './mapi-endpoint';
import { modernAuthFindings, readModernAuthState } from './modern-auth';
import { promptSettingFindings } from './prompt-setting';
import { credentialMatchContext, matchSavedCredentials, savedCredentialFindings } from './saved-credentials';

export interface CauseInputs {
  /** The PC is joined to a domain (null: not known). */
  readonly domainJoined: boolean | null;
  /** What each RPC proxy offered, by lower-case host (from the proxy check). */
  readonly proxySchemes?: ReadonlyMap<string, readonly string[]>;
  /** The saved credentials, or null when they could not be listed. */
  readonly savedCredentials: readonly SavedCredential[] | null;
  /** MAPI over HTTP answers for Outlook 2013+ accounts (from the proxy check). */
  readonly mapiEndpoints?: ReadonlyArray<{
    readonly reading: MapiEndpointReading;
    readonly target: MapiEndpointTarget;
  }>;
}

export function evaluateCauseRules(ctx: CauseContext, inputs: CauseInputs): CauseFinding[] {
  const mapi = inputs.mapiEndpoints ?? [];
  const findings: CauseFinding[] = [
    ...promptSettingFindings(ctx),
    ...logonSecurityFindings(ctx, { domainJoined: inputs.domainJoined, proxySchemes: inputs.proxySchemes }),
    ...exchangeOnlineFindings(ctx),
    ...modernAuthFindings(ctx, readModernAuthState(ctx.tree), {
      cloudInUse: cloudRpcAccounts(ctx.profiles).length > 0,
      bearerOffered: mapi.some((m) => m.reading.bearerOffered),
    }),
  ];
  if (inputs.savedCredentials) {
    const matches = matchSavedCredentials(inputs.savedCredentials, credentialMatchContext(ctx.profiles));
    findings.push(...savedCredentialFindings(matches));
  }
  for (const m of mapi) findings.push(...mapiEndpointFindings(m.reading, m.target));
  return findings;
}
