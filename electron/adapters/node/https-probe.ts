import { request } from 'node:https';
import { isIP } from 'node:net';
import { checkServerIdentity, connect, rootCertificates, type PeerCertificate } from 'node:tls';
import type { HttpProbe, ProbeOptions } from '../../core/proxy-check/http-probe-port';
import type { CertificateInfo, ProbeFailure, ProbeResult } from '../../core/proxy-check/probe-result';
import { authSchemes } from '../../core/proxy-check/www-authenticate';
import { ExproxyError } from '../../core/errors';

const DEFAULT_TIMEOUT_MS = 8_000;
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const TCP_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);

function classify(error: unknown): ProbeFailure {
  const code = (error as { code?: string })?.code ?? null;
  const message = (error as Error)?.message ?? String(error);
  if (code === 'ABORT_ERR' || (error as Error)?.name === 'AbortError')
    return { stage: 'cancelled', code, message };
  if (code === 'ETIMEDOUT' || code === 'EXPROXY_TIMEOUT') return { stage: 'timeout', code, message };
  if (code && DNS_CODES.has(code)) return { stage: 'dns', code, message };
  if (code && TCP_CODES.has(code)) return { stage: 'tcp', code, message };
  return { stage: 'tls', code, message };
}

function certificateInfo(
  cert: PeerCertificate,
  host: string,
  trusted: boolean,
  trustError: string | null,
): CertificateInfo {
  const altNames = (cert.subjectaltname ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('DNS:'))
    .map((s) => s.slice(4));
  const cn = cert.subject?.CN;
  return {
    subjectCommonName: typeof cn === 'string' ? cn : (cn?.[0] ?? null),
    altNames,
    issuer: typeof cert.issuer?.CN === 'string' ? cert.issuer.CN : null,
    validTo: cert.valid_to ?? null,
    trusted,
    trustError,
    matchesHost: checkServerIdentity(host, cert) === undefined,
  };
}

function parseAddress(value: string): { host: string; port?: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(value.trim());
  if (!m || !isIP(m[1]!))
    throw new ExproxyError(
      'usage',
      `--connect-to must be an IP address with an optional port (got "${value}")`,
    );
  return { host: m[1]!, port: m[2] ? Number(m[2]) : undefined };
}

function timeoutError(ms: number): Error {
  return Object.assign(new Error(`no answer within ${ms} ms`), { code: 'EXPROXY_TIMEOUT' });
}

/**
 * The RPC proxy check over Node's https: first a TLS handshake that only looks at the
 * certificate (so a bad one is reported with its names, not just refused), then, only when
 * the certificate is trusted and valid for the host, one unauthenticated GET whose 401
 * answer lists the schemes. No credentials are ever sent.
 */
export class HttpsProbe implements HttpProbe {
  async probe(url: string, opts: ProbeOptions = {}): Promise<ProbeResult> {
    const started = Date.now();
    const target = new URL(url);
    if (target.protocol !== 'https:') throw new TypeError(`only https:// URLs can be checked (got ${url})`);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const via = opts.connectTo ? parseAddress(opts.connectTo) : null;
    const address = via?.host ?? host;
    const port = via?.port ?? Number(target.port || 443);
    const ca = opts.ca ? [...rootCertificates, opts.ca] : undefined;
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const done = (partial: Partial<ProbeResult>): ProbeResult => ({
      url,
      status: null,
      schemes: [],
      certificate: null,
      failure: null,
      ...partial,
      elapsedMs: Date.now() - started,
    });
    let certificate: CertificateInfo;
    try {
      certificate = await this.handshake(address, host, port, ca, timeoutMs, opts.signal);
    } catch (e) {
      return done({ failure: classify(e) });
    }
    if (!certificate.trusted || !certificate.matchesHost) return done({ certificate });
    try {
      const answer = await this.get(target, address, port, ca, timeoutMs, opts.signal);
      return done({ certificate, ...answer });
    } catch (e) {
      return done({ certificate, failure: classify(e) });
    }
  }

  private handshake(
    address: string,
    host: string,
    port: number,
    ca: string[] | undefined,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<CertificateInfo> {
    return new Promise((resolve, reject) => {
      // rejectUnauthorized: false only to read the names of a bad certificate; nothing is sent.
      const socket = connect({
        host: address,
        port,
        ca,
        servername: isIP(host) ? undefined : host,
        rejectUnauthorized: false,
      });
      const timer = setTimeout(() => socket.destroy(timeoutError(timeoutMs)), timeoutMs);
      const abort = () => socket.destroy(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
      if (signal?.aborted) abort();
      signal?.addEventListener('abort', abort, { once: true });
      socket.once('close', () => signal?.removeEventListener('abort', abort));
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        const cert = socket.getPeerCertificate();
        const err = socket.authorizationError as unknown as { code?: string } | string | null;
        const code = err ? String(typeof err === 'string' ? err : (err.code ?? err)) : null;
        // Node folds a host-name mismatch into authorizationError; keep it apart from trust.
        const nameOnly = code === 'ERR_TLS_CERT_ALTNAME_INVALID';
        resolve(certificateInfo(cert, host, socket.authorized || nameOnly, nameOnly ? null : code));
        socket.end();
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  private get(
    target: URL,
    address: string,
    port: number,
    ca: string[] | undefined,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<{ status: number; schemes: string[] }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: address,
          port,
          path: `${target.pathname}${target.search}`,
          servername: isIP(target.hostname) ? undefined : target.hostname,
          method: 'GET',
          ca,
          rejectUnauthorized: true,
          signal,
          agent: false,
          headers: {
            Host: target.host,
            'User-Agent': 'ExchangeProxyWizard-probe/1',
            Accept: '*/*',
            Connection: 'close',
          },
        },
        (res) => {
          const values: string[] = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
            if (res.rawHeaders[i]!.toLowerCase() === 'www-authenticate') values.push(res.rawHeaders[i + 1]!);
          }
          res.resume();
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, schemes: authSchemes(values) });
        },
      );
      const timer = setTimeout(() => req.destroy(timeoutError(timeoutMs)), timeoutMs);
      req.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      req.end();
    });
  }
}
