import { MIN_SILENT_NTLM_LEVEL } from '../lsa/lm-compatibility';
import type { LsaState } from '../lsa/lsa-model';
import type { OutlookProfile } from '../outlook/profile-model';
import { principalMatchesHost } from '../outlook/rpc-over-http';
import type { Finding } from './finding';

export interface RuleInput {
  readonly profiles: readonly OutlookProfile[];
  readonly lsa: LsaState;
  readonly outlookRunning: boolean;
}

/** The diagnosis rules (KB820281 first). Pure: same input, same findings, same order. */
export function evaluateRules({ profiles, lsa, outlookRunning }: RuleInput): Finding[] {
  const findings: Finding[] = [];
  const lmTooLow = lsa.effectiveLmCompatibilityLevel < MIN_SILENT_NTLM_LEVEL;
  let profileFixOffered = false;

  for (const profile of profiles) {
    for (const account of profile.accounts) {
      const where = { profile: profile.name, account: account.section };
      for (const u of account.unreadable) {
        findings.push({
          id: 'profile-unreadable',
          severity: 'warning',
          kb: 'KB820281',
          ...where,
          fixes: [],
          facts: { valueName: u.valueName, reason: u.reason },
        });
      }
      const roh = account.rpcOverHttp;
      if (!roh.enabled) continue;
      const host = roh.proxyServer;
      if (roh.authScheme === 'basic') {
        profileFixOffered = true;
        findings.push({
          id: 'proxy-auth-basic',
          severity: 'error',
          kb: 'KB820281',
          ...where,
          fixes: ['proxy-auth-ntlm'],
          facts: { proxyServer: host, sslOnly: roh.sslOnly },
        });
        if (!roh.sslOnly) {
          findings.push({
            id: 'basic-without-ssl',
            severity: 'warning',
            kb: 'KB820281',
            ...where,
            fixes: [],
            facts: { proxyServer: host },
          });
        }
      }
      // NTLM needs level ≥ 2; a Basic account will need it too once switched to NTLM.
      if ((roh.authScheme === 'ntlm' || roh.authScheme === 'basic') && lmTooLow) {
        const facts = {
          effectiveLevel: lsa.effectiveLmCompatibilityLevel,
          storedLevel: lsa.lmCompatibilityLevel,
          authScheme: roh.authScheme,
          policyLevel: lsa.policyLevel,
        };
        findings.push(
          lsa.policyManaged
            ? { id: 'lm-policy-managed', severity: 'warning', kb: 'KB820281', ...where, fixes: [], facts }
            : {
                id: 'lm-response-sent',
                severity: roh.authScheme === 'ntlm' ? 'error' : 'warning',
                kb: 'KB820281',
                ...where,
                fixes: ['lmcompat-3', 'lmcompat-2'],
                facts,
              },
        );
      }
      if (roh.mutualAuth && host && !(roh.principalName && principalMatchesHost(roh.principalName, host))) {
        findings.push({
          id: 'principal-name-mismatch',
          severity: 'warning',
          kb: 'KB898835',
          ...where,
          fixes: [],
          facts: { proxyServer: host, principalName: roh.principalName },
        });
      }
    }
  }
  if (profiles.length === 0) {
    findings.push({
      id: 'no-outlook-profiles',
      severity: 'info',
      kb: 'KB820281',
      profile: null,
      account: null,
      fixes: [],
      facts: {},
    });
  }
  if (outlookRunning && profileFixOffered) {
    findings.push({
      id: 'outlook-running',
      severity: 'info',
      kb: 'KB820281',
      profile: null,
      account: null,
      fixes: [],
      facts: {},
    });
  }
  return findings;
}

/** Findings that mean "something to fix" (the CLI's exit code 10, the wizard's fix path). */
export function hasActionableFindings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity !== 'info');
}
