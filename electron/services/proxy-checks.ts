import { causeFindingsAfterProxy, usesMapiCapableOutlook } from '../core/causes/cause-proxy';
import { mapiEndpointUrl, readMapiEndpoint, type MapiEndpointReading } from '../core/causes/mapi-endpoint';
import type { DiagnosisReport } from '../core/diagnosis/diagnosis-report';
import { withGuidance } from '../core/diagnosis/guidance';
import type { Finding } from '../core/diagnosis/finding';
import type { HttpProbe } from '../core/proxy-check/http-probe-port';
import { rpcProxyUrl, type ProxyCheck } from '../core/proxy-check/probe-result';
import { profilesInUse } from '../core/outlook/profile-selection';
import { lmFixUsable, ntlmFixOffered } from '../core/proxy-check/ntlm-usable';
import { proxyFindings } from '../core/proxy-check/proxy-findings';
import type { MachineContext } from './machine-context';

export interface ProxyCheckOutcome {
  readonly checks: readonly ProxyCheck[];
  readonly findings: readonly Finding[];
}

/**
 * Asks each Exchange RPC proxy the profiles use (once per proxy, in parallel) which
 * authentication it offers and how it proves its name, before NTLM is recommended
 * (KB820281: NTLM must work end to end). A proxy that offers no NTLM withdraws the
 * proxy-auth-ntlm fix for the accounts behind it.
 */
export async function checkProxies(
  report: DiagnosisReport,
  machine: MachineContext,
  probe: HttpProbe,
  opts: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<ProxyCheckOutcome> {
  const endpoints = machine.proxyNetwork();
  const byProxy = new Map<
    string,
    {
      proxyServer: string;
      usedBy: { profile: string; account: string; principal: string | null; scheme: string | null }[];
      /** An Outlook 2013+ profile uses it: its MAPI over HTTP endpoint is asked too. */
      mapi: boolean;
    }
  >();
  // A profile left over from an older Outlook is never used: its proxy is not the installed one's.
  for (const p of profilesInUse(report.profiles)) {
    for (const a of p.accounts) {
      const roh = a.rpcOverHttp;
      if (!roh.enabled || !roh.proxyServer) continue;
      const key = roh.proxyServer.toLowerCase();
      const entry = byProxy.get(key) ?? { proxyServer: roh.proxyServer, usedBy: [], mapi: false };
      if (usesMapiCapableOutlook(p)) entry.mapi = true;
      entry.usedBy.push({
        profile: p.name,
        account: a.section,
        principal: roh.mutualAuth ? roh.principalName : null,
        scheme: roh.authScheme,
      });
      byProxy.set(key, entry);
    }
  }
  const checks = await Promise.all(
    [...byProxy.entries()].map(async ([key, { proxyServer, usedBy, mapi }]) => {
      const connectTo = endpoints.connectTo[key];
      const users = usedBy.map(({ profile, account }) => ({ profile, account }));
      if (endpoints.simulated && !connectTo)
        return {
          check: {
            proxyServer,
            usedBy: users,
            result: null,
            skipped: 'simulated PC: no test server for this proxy',
          },
          findings: [],
        };
      const ask = { ca: endpoints.ca, connectTo, signal: opts.signal, timeoutMs: opts.timeoutMs };
      const mapiUrl = mapi ? mapiEndpointUrl(proxyServer) : null;
      // The same name, the same way, in parallel: the MAPI answer is shown beside the RPC one.
      const [result, mapiResult] = await Promise.all([
        probe.probe(rpcProxyUrl(proxyServer), ask),
        mapiUrl ? probe.probe(mapiUrl, ask) : Promise.resolve(null),
      ]);
      const mapiReading: MapiEndpointReading | null = mapiResult ? readMapiEndpoint(mapiResult) : null;
      const findings = usedBy.flatMap((u) =>
        proxyFindings(result, {
          profile: u.profile,
          account: u.account,
          proxyServer,
          principalName: u.principal,
          authScheme: u.scheme,
        }),
      );
      return {
        check: { proxyServer, usedBy: users, result, skipped: null, mapi: mapiReading },
        findings,
      };
    }),
  );
  return { checks: checks.map((c) => c.check), findings: checks.flatMap((c) => c.findings) };
}

/**
 * The scan's findings with the proxy's: NTLM is no longer offered where the proxy refuses it,
 * the causes that depend on the servers' answers are judged with them (core/causes/cause-proxy),
 * and the "nothing found" guidance names what the proxies answered.
 */
export function mergeProxyFindings(report: DiagnosisReport, outcome: ProxyCheckOutcome): DiagnosisReport {
  const noNtlm = new Set(
    outcome.findings.filter((f) => f.id === 'proxy-offers-no-ntlm').map((f) => `${f.profile}|${f.account}`),
  );
  let findings = report.findings.map((f) =>
    f.id === 'proxy-auth-basic' && noNtlm.has(`${f.profile}|${f.account}`)
      ? { ...f, fixes: f.fixes.filter((x) => x !== 'proxy-auth-ntlm') }
      : f,
  );
  // With NTLM withdrawn everywhere and no account on NTLM already, the level is not offered either.
  if (!lmFixUsable(report, ntlmFixOffered(findings)))
    findings = findings.map((f) => (f.id === 'lm-response-sent' ? { ...f, fixes: [] } : f));
  const merged = { ...report, findings: [...findings, ...outcome.findings], proxyChecks: outcome.checks };
  return withGuidance({ ...merged, findings: causeFindingsAfterProxy(merged, outcome.checks) });
}

/** Accounts ("profile|section") whose proxy refused NTLM: profile fixes must skip them. */
export function accountsWithoutNtlm(report: DiagnosisReport | null): string[] {
  return (report?.findings ?? [])
    .filter((f) => f.id === 'proxy-offers-no-ntlm')
    .map((f) => `${f.profile}|${f.account}`);
}
