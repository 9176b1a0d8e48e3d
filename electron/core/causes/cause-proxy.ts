/**
 * The cause findings that depend on what the mail servers answered (SOURCES.md §2, §5, §6),
 * applied to a report after the proxy check: the "Logon network security" value to offer fits
 * the proxy's schemes, a `Bearer` challenge makes modern auth matter on premises too, and the
 * MAPI over HTTP answer is reported beside the RPC proxy's. Pure, from the report alone.
 */
import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import type { Finding } from '../diagnosis/finding';
import { AUTH_PACKAGE } from '../outlook/auth-package';
import { profilesInUse } from '../outlook/profile-selection';
import { proxyHost } from '../outlook/rpc-over-http';
import type { ProxyCheck } from '../proxy-check/probe-result';
import { cloudRpcAccounts } from './exchange-online';
import { recommendedAuthPackage } from './logon-fit';
import { mapiEndpointFindings } from './mapi-endpoint';
import { modernAuthFindings } from './modern-auth';

/** The findings modern-auth.ts makes (replaced as a whole when a server offers modern auth). */
const MODERN_AUTH_IDS: ReadonlySet<string> = new Set([
  'modern-auth-off-2013',
  'modern-auth-off-2016',
  'msoauth-autodiscover-off',
  'mapi-http-disabled',
  'modern-auth-policy',
]);

/** Outlook 2013 and later can use MAPI over HTTP (and modern auth). */
export function usesMapiCapableOutlook(profile: { store: string; outlookVersion: string | null }): boolean {
  return profile.store !== 'wms' || ['15.0', '16.0'].includes(profile.outlookVersion ?? '');
}

function schemesByHost(checks: readonly ProxyCheck[]): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const c of checks)
    if (c.result?.status === 401) out.set(proxyHost(c.proxyServer).toLowerCase(), c.result.schemes);
  return out;
}

/** A logon finding's offered value, fitted to what its proxy answered. */
function fitLogon(f: Finding, report: DiagnosisReport, schemes: Map<string, readonly string[]>): Finding {
  if (f.id !== 'logon-kerberos-only' && f.id !== 'logon-none') return f;
  const proxy = typeof f.facts.proxyServer === 'string' ? f.facts.proxyServer : null;
  const offered = proxy === null ? undefined : schemes.get(proxyHost(proxy).toLowerCase());
  if (!offered) return f;
  const profile = report.profiles.find((p) => p.name === f.profile && p.status !== 'leftover');
  const recommended = recommendedAuthPackage({
    outlookVersion: profile?.outlookVersion ?? null,
    proxySchemes: offered,
  });
  return {
    ...f,
    fixes: [recommended === AUTH_PACKAGE.NTLM ? 'logon-ntlm' : 'logon-negotiate'],
    facts: { ...f.facts, recommended, proxySchemes: offered.join(', ') },
  };
}

/** The report's findings with what the servers answered taken into account. */
export function causeFindingsAfterProxy(report: DiagnosisReport, checks: readonly ProxyCheck[]): Finding[] {
  const schemes = schemesByHost(checks);
  let findings = report.findings.map((f) => fitLogon(f, report, schemes));
  const inUse = profilesInUse(report.profiles);
  const bearerOffered = checks.some((c) => c.mapi?.bearerOffered === true);
  if (bearerOffered && report.modernAuth) {
    const again = modernAuthFindings(
      { installed: report.machine.outlook, profiles: inUse },
      report.modernAuth,
      { cloudInUse: cloudRpcAccounts(inUse).length > 0, bearerOffered },
    );
    findings = [...findings.filter((f) => !MODERN_AUTH_IDS.has(f.id)), ...again];
  }
  for (const c of checks) {
    if (!c.mapi) continue;
    for (const u of c.usedBy) {
      const profile = inUse.find((p) => p.name === u.profile);
      if (!profile || !usesMapiCapableOutlook(profile)) continue;
      findings.push(
        ...mapiEndpointFindings(c.mapi, {
          profile: u.profile,
          account: u.account,
          proxyServer: c.proxyServer,
        }),
      );
    }
  }
  return findings;
}
