import type { MapiEndpointReading } from '../causes/mapi-endpoint';

/** What an unauthenticated request to an Exchange RPC proxy learned. JSON-safe. */
export type ProbeFailureStage = 'dns' | 'tcp' | 'tls' | 'timeout' | 'http' | 'cancelled';

export interface ProbeFailure {
  readonly stage: ProbeFailureStage;
  /** Node's error code (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED…) or null. */
  readonly code: string | null;
  readonly message: string;
}

export interface CertificateInfo {
  readonly subjectCommonName: string | null;
  /** DNS names from subjectAltName. */
  readonly altNames: readonly string[];
  readonly issuer: string | null;
  readonly validTo: string | null;
  /** The chain is trusted (system roots plus any `--ca`). */
  readonly trusted: boolean;
  /** Why it is not trusted (Node/OpenSSL code), or null. */
  readonly trustError: string | null;
  /** The certificate is valid for the host name in the URL. */
  readonly matchesHost: boolean;
}

export interface ProbeResult {
  readonly url: string;
  /** HTTP status of the answer, or null when none came. */
  readonly status: number | null;
  /** Schemes offered in WWW-Authenticate, lower case (`basic`, `ntlm`, `negotiate`…). */
  readonly schemes: readonly string[];
  readonly certificate: CertificateInfo | null;
  readonly failure: ProbeFailure | null;
  readonly elapsedMs: number;
}

/** The RPC proxy endpoint Outlook Anywhere talks to, for a proxy server as stored in a profile. */
export function rpcProxyUrl(proxyServer: string): string {
  // Profiles store the host (sometimes with a `host:port` hack), never the scheme.
  return `https://${proxyServer.trim()}/rpc/rpcproxy.dll`;
}

/** One proxy the profiles use, and what it answered. */
export interface ProxyCheck {
  readonly proxyServer: string;
  /** Profiles and accounts that use this proxy. */
  readonly usedBy: ReadonlyArray<{ readonly profile: string; readonly account: string }>;
  readonly result: ProbeResult | null;
  /** Why it was not checked (simulated PC without a test server for it), or null. */
  readonly skipped: string | null;
  /**
   * The MAPI over HTTP endpoint on the same name (`/mapi/emsmdb/`), asked the same way when an
   * Outlook 2013 or later profile uses this proxy; null when it was not asked.
   */
  readonly mapi?: MapiEndpointReading | null;
}
