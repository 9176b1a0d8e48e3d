/**
 * The MAPI over HTTP endpoint (`/mapi/emsmdb/`) beside the RPC proxy (SOURCES.md §6). Asked
 * without credentials for Outlook 2013+ profiles, its 401 challenge tells which sign-ins the mail
 * server offers there: Windows (Negotiate/NTLM), modern (Bearer), or Basic only.
 */
import type { ProbeResult } from '../proxy-check/probe-result';
import type { CauseFinding } from './cause-finding';
import { normalizeHost } from './cloud-host';

export type MapiEndpointVerdict =
  | 'windows-sign-in'
  | 'modern-auth'
  | 'basic-only'
  | 'no-sign-in-offered'
  | 'not-published'
  | 'unexpected-answer'
  | 'unreachable';

export interface MapiEndpointReading {
  readonly url: string;
  readonly status: number | null;
  readonly schemes: readonly string[];
  readonly verdict: MapiEndpointVerdict;
  /** A `Bearer` challenge: modern auth is on for this server (hybrid or Exchange Online). */
  readonly bearerOffered: boolean;
}

/** `https://<host>[:port]/mapi/emsmdb/` for a proxy value as stored, or null when it is no host name. */
export function mapiEndpointUrl(proxyServer: string): string | null {
  const host = normalizeHost(proxyServer);
  if (host === null) return null;
  const port = /:(\d{1,5})(?:[/?#]|$)/.exec(proxyServer.trim().replace(/^https?:\/\//i, ''))?.[1];
  const p =
    port !== undefined && Number(port) > 0 && Number(port) < 65536 && Number(port) !== 443
      ? `:${Number(port)}`
      : '';
  return `https://${host}${p}/mapi/emsmdb/`;
}

export function readMapiEndpoint(result: ProbeResult): MapiEndpointReading {
  const schemes = result.schemes.map((s) => s.toLowerCase());
  const base = { url: result.url, status: result.status, schemes, bearerOffered: schemes.includes('bearer') };
  if (result.failure && result.failure.stage !== 'http') return { ...base, verdict: 'unreachable' };
  if (result.status === 401) {
    if (schemes.includes('negotiate') || schemes.includes('ntlm'))
      return { ...base, verdict: 'windows-sign-in' };
    if (base.bearerOffered) return { ...base, verdict: 'modern-auth' };
    if (schemes.includes('basic')) return { ...base, verdict: 'basic-only' };
    return { ...base, verdict: 'no-sign-in-offered' };
  }
  if (result.status === 404) return { ...base, verdict: 'not-published' };
  return { ...base, verdict: 'unexpected-answer' };
}

export interface MapiEndpointTarget {
  readonly profile: string;
  readonly account: string;
  readonly proxyServer: string;
}

export function mapiEndpointFindings(
  reading: MapiEndpointReading,
  target: MapiEndpointTarget,
): CauseFinding[] {
  const base = { kb: 'KB2937684', profile: target.profile, account: target.account, fixes: [] } as const;
  const facts = { proxyServer: target.proxyServer, url: reading.url, status: reading.status };
  if (reading.verdict === 'basic-only') {
    return [
      {
        id: 'mapi-endpoint-basic-only',
        severity: 'warning',
        ...base,
        facts: { ...facts, schemes: reading.schemes.join(', ') },
      },
    ];
  }
  if (reading.verdict === 'not-published') {
    return [{ id: 'mapi-endpoint-missing', severity: 'info', ...base, facts }];
  }
  return [];
}
