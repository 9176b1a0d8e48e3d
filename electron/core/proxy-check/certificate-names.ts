import type { CertificateInfo } from './probe-result';

/** A certificate name covers a host: exact, or a `*.` wildcard for exactly one left-most label. */
export function nameCovers(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === h;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

/** The host in an `msstd:` principal name (Outlook's "principal name in the certificate"). */
export function principalHost(principalName: string): string {
  return principalName.replace(/^msstd:/i, '').trim();
}

/**
 * Does the certificate carry the principal? Windows XP checks the subject CN only; later
 * Windows also accept subjectAltName entries, so both are reported separately.
 */
export function certificateHasName(cert: CertificateInfo, name: string): { cn: boolean; any: boolean } {
  const cn = cert.subjectCommonName !== null && nameCovers(cert.subjectCommonName, name);
  return { cn, any: cn || cert.altNames.some((n) => nameCovers(n, name)) };
}
