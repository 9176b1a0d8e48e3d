import type { ProbeResult } from './probe-result';

export interface ProbeOptions {
  /** Extra trusted certificate(s), PEM: private CAs and tests. */
  readonly ca?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /**
   * Connect to this address (`ip` or `ip:port`) instead of looking the host up, keeping the
   * URL's host name for TLS and HTTP (like curl --resolve): one server behind a load
   * balancer, or a simulated machine's local test server.
   */
  readonly connectTo?: string;
}

/** One unauthenticated HTTPS request; never sends credentials, never accepts a bad certificate. */
export interface HttpProbe {
  probe(url: string, opts?: ProbeOptions): Promise<ProbeResult>;
}
