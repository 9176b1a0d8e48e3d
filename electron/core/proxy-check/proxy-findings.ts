import type { Finding } from '../diagnosis/finding';
import { certificateHasName, principalHost } from './certificate-names';
import type { ProbeResult } from './probe-result';

export interface ProbeTarget {
  readonly profile: string | null;
  readonly account: string | null;
  readonly proxyServer: string;
  readonly principalName: string | null;
  /** The account's current proxy authentication (null: `exproxy probe` on a bare URL). */
  readonly authScheme: string | null;
}

/** NTLM reaches the proxy if it offers NTLM itself or Negotiate (which falls back to NTLM). */
function offersNtlm(schemes: readonly string[]): boolean {
  return schemes.includes('ntlm') || schemes.includes('negotiate');
}

function finding(
  id: Finding['id'],
  severity: Finding['severity'],
  target: ProbeTarget,
  facts: Finding['facts'],
): Finding {
  return { id, severity, kb: 'KB820281', profile: target.profile, account: target.account, fixes: [], facts };
}

/** Findings from one probe: what the proxy offers and how it proves who it is. */
export function proxyFindings(result: ProbeResult, target: ProbeTarget): Finding[] {
  const out: Finding[] = [];
  const base = { proxyServer: target.proxyServer, url: result.url };
  if (result.failure) {
    if (result.failure.stage === 'cancelled') return out;
    out.push(
      finding('proxy-unreachable', 'warning', target, {
        ...base,
        stage: result.failure.stage,
        code: result.failure.code,
        message: result.failure.message,
      }),
    );
  }
  const cert = result.certificate;
  if (cert && !cert.trusted) {
    out.push(finding('proxy-certificate-untrusted', 'warning', target, { ...base, reason: cert.trustError }));
  }
  if (cert) {
    const name = target.principalName ? principalHost(target.principalName) : new URL(result.url).hostname;
    const has = certificateHasName(cert, name);
    if (!has.any || (target.principalName && !has.cn)) {
      out.push(
        finding('proxy-certificate-name-mismatch', 'warning', target, {
          ...base,
          expectedName: name,
          principalName: target.principalName,
          commonName: cert.subjectCommonName,
          altNames: cert.altNames.join(', '),
          // Only the CN is missing: newer Windows accept the SAN, Windows XP does not.
          onlyInAltNames: has.any && !has.cn,
        }),
      );
    }
  }
  if (result.status === 401 && !offersNtlm(result.schemes)) {
    out.push(
      finding('proxy-offers-no-ntlm', target.authScheme === 'basic' ? 'error' : 'warning', target, {
        ...base,
        schemes: result.schemes.join(', ') || 'none',
      }),
    );
  }
  return out;
}
