import { cloudAccountKeys } from '../causes/exchange-online';
import { MIN_SILENT_NTLM_LEVEL } from '../lsa/lm-compatibility';
import type { LsaState } from '../lsa/lsa-model';
import type { OutlookProfile } from '../outlook/profile-model';
import { principalMatchesHost } from '../outlook/rpc-over-http';
import type { Finding } from './finding';

export interface RuleInput {
  readonly profiles: readonly OutlookProfile[];
  readonly lsa: LsaState;
  readonly outlookRunning: boolean;
  /** The profile roots were read (false: an export without them); default true. */
  readonly profilesSeen?: boolean;
}

function usesWindowsSignIn(p: OutlookProfile): boolean {
  return p.accounts.some(
    (a) =>
      a.rpcOverHttp.enabled && (a.rpcOverHttp.authScheme === 'ntlm' || a.rpcOverHttp.authScheme === 'basic'),
  );
}

/** The stored level is not a REG_DWORD 0–5: say what it is; replacing it matters for NTLM accounts. */
function invalidLevelFinding(lsa: LsaState, inUse: readonly OutlookProfile[]): Finding[] {
  const invalid = lsa.invalidLmCompatibilityLevel;
  // Under a policy the policy's level counts, and the local value is rewritten at the next refresh.
  if (!invalid || lsa.policyManaged) return [];
  const matters = inUse.some(usesWindowsSignIn);
  return [
    {
      id: 'lm-level-invalid',
      severity: matters ? 'warning' : 'info',
      kb: 'KB820281',
      profile: null,
      account: null,
      // A value an undo could not put back is reported, and left to a person.
      fixes: matters && invalid.replaceable ? ['lmcompat-3'] : [],
      facts: { type: invalid.type, data: invalid.data, defaultLevel: lsa.defaultLmCompatibilityLevel },
    },
  ];
}

/**
 * The KB820281 rules (the other causes are core/causes/cause-rules.ts, which the scan appends).
 * Pure: same input, same findings, same order. Profiles left over from an older Outlook are not
 * used, so nothing in them is a finding.
 */
export function evaluateRules({ profiles, lsa, outlookRunning, profilesSeen = true }: RuleInput): Finding[] {
  const findings: Finding[] = [];
  // Only a level Windows is known to use can be too low; an unknown one is reported on its own.
  const lmTooLow =
    lsa.lmLevelSource !== 'unknown' && lsa.effectiveLmCompatibilityLevel < MIN_SILENT_NTLM_LEVEL;
  const inUse = profiles.filter((p) => p.status !== 'leftover');
  // Microsoft 365 over RPC over HTTP: no KB820281 fix helps there (exchange-online-rpc says what does).
  const cloud = new Set(cloudAccountKeys(inUse));
  let profileFixOffered = false;

  for (const profile of inUse) {
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
      if (!roh.enabled || cloud.has(`${profile.name}|${account.section}`)) continue;
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
  findings.push(...invalidLevelFinding(lsa, inUse));
  if (profilesSeen && inUse.length === 0) {
    findings.push({
      id: 'no-outlook-profiles',
      severity: 'info',
      kb: 'KB820281',
      profile: null,
      account: null,
      fixes: [],
      facts: { leftoverProfiles: profiles.length - inUse.length },
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
