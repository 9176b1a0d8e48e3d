/**
 * "Logon network security" (`00036619`) and its policy `AuthenticationService` (SOURCES.md §2).
 * Only accounts that connect over the Internet (RPC over HTTP on) are judged, and not Microsoft's
 * cloud (exchange-online.ts says what to do there).
 */
import {
  AUTH_PACKAGE_VALUE,
  AUTH_PACKAGE,
  encodeAuthPackage,
  readAuthPackage,
} from '../outlook/auth-package';
import type { ExchangeAccount, OutlookProfile } from '../outlook/profile-model';
import { proxyHost } from '../outlook/rpc-over-http';
import type { RegTree } from '../registry/reg-tree';
import { serializeRegValue } from '../registry/reg-value';
import type { SubtreeRequest } from '../registry/registry-port';
import { checkCauseWriteAllowed } from './cause-allowlist';
import { selectedProfiles, type CauseContext, type CausePlanRequest } from './cause-context';
import type { CauseFinding, CauseFixId } from './cause-finding';
import type { CauseChange, CausePlanPart, CauseSkip } from './cause-plan';
import { isMicrosoftCloudHost } from './cloud-host';
import { readDword } from './dword-reading';
import { promptsOffNetwork, recommendedAuthPackage } from './logon-fit';
import { OFFICE_VERSIONS, outlookSecurityPolicyKey, versionsForProfile } from './office-versions';

export const AUTH_POLICY_VALUE = 'AuthenticationService';
const KB = 'KB820281';

/** Same keys as the prompt policy (one read serves both). */
export const LOGON_SECURITY_REQUESTS: readonly SubtreeRequest[] = OFFICE_VERSIONS.map((v) => ({
  path: outlookSecurityPolicyKey(v),
  recursive: false,
}));

export interface LogonSecurityFacts {
  /** The PC is joined to a domain (null: not known). Off the domain, Kerberos can never work. */
  readonly domainJoined: boolean | null;
  /** What each proxy offered, by lower-case host; absent when not asked. */
  readonly proxySchemes?: ReadonlyMap<string, readonly string[]>;
}

type AuthPolicy = { readonly value: number | null; readonly path: string } | null;

export function readAuthPolicy(tree: RegTree, profile: OutlookProfile): AuthPolicy {
  for (const v of versionsForProfile(profile)) {
    const path = outlookSecurityPolicyKey(v);
    const r = readDword(tree, path, AUTH_POLICY_VALUE);
    if (r.state !== 'absent') return { value: r.state === 'set' ? r.value : null, path };
  }
  return null;
}

/** On-premises accounts that connect through an Exchange proxy. */
function internetAccounts(profile: OutlookProfile): ExchangeAccount[] {
  return profile.accounts.filter((a) => {
    const roh = a.rpcOverHttp;
    return roh.enabled && roh.proxyServer !== null && !isMicrosoftCloudHost(roh.proxyServer).cloud;
  });
}

function fixFor(value: number): CauseFixId {
  return value === AUTH_PACKAGE.NTLM ? 'logon-ntlm' : 'logon-negotiate';
}

function schemesFor(facts: LogonSecurityFacts, proxyServer: string): readonly string[] | null {
  return facts.proxySchemes?.get(proxyHost(proxyServer).toLowerCase()) ?? null;
}

export function logonSecurityFindings(ctx: CauseContext, facts: LogonSecurityFacts): CauseFinding[] {
  const out: CauseFinding[] = [];
  for (const profile of ctx.profiles) {
    const accounts = internetAccounts(profile);
    if (accounts.length === 0) continue;
    const policy = readAuthPolicy(ctx.tree, profile);
    if (policy) {
      // The policy decides for every account; only Kerberos-only can strand an Internet user.
      if (policy.value === AUTH_PACKAGE.KERBEROS) {
        out.push({
          id: 'logon-policy-kerberos',
          severity: facts.domainJoined === false ? 'error' : 'warning',
          kb: KB,
          profile: profile.name,
          account: null,
          fixes: [],
          facts: { policyPath: policy.path, policyValue: policy.value, domainJoined: facts.domainJoined },
        });
      }
      continue;
    }
    for (const account of accounts) {
      const where = { profile: profile.name, account: account.section };
      const r = readAuthPackage(ctx.tree.getValue(account.sectionPath, AUTH_PACKAGE_VALUE));
      if (r.state === 'unreadable') {
        out.push({
          id: 'cause-value-unreadable',
          severity: 'info',
          kb: KB,
          ...where,
          fixes: [],
          facts: { valueName: AUTH_PACKAGE_VALUE, reason: r.reason },
        });
        continue;
      }
      if (r.state !== 'set' || !promptsOffNetwork(r.name)) continue;
      const proxyServer = account.rpcOverHttp.proxyServer!;
      const recommended = recommendedAuthPackage({
        outlookVersion: profile.outlookVersion,
        proxySchemes: schemesFor(facts, proxyServer),
      });
      const kerberos = r.name === 'kerberos';
      out.push({
        id: kerberos ? 'logon-kerberos-only' : 'logon-none',
        severity: kerberos && facts.domainJoined === false ? 'error' : 'warning',
        kb: kerberos ? KB : 'Q242873',
        ...where,
        fixes: [fixFor(recommended)],
        facts: { proxyServer, value: r.value, domainJoined: facts.domainJoined, recommended },
      });
    }
  }
  return out;
}

export function planLogonSecurity(
  ctx: CauseContext,
  fix: 'logon-negotiate' | 'logon-ntlm',
  req: CausePlanRequest = {},
): CausePlanPart {
  const target = fix === 'logon-ntlm' ? AUTH_PACKAGE.NTLM : AUTH_PACKAGE.NEGOTIATE;
  const changes: CauseChange[] = [];
  const skipped: CauseSkip[] = [];
  for (const profile of selectedProfiles(ctx, req)) {
    const policy = readAuthPolicy(ctx.tree, profile);
    for (const account of internetAccounts(profile)) {
      const where = { profile: profile.name, account: account.section };
      const before = ctx.tree.getValue(account.sectionPath, AUTH_PACKAGE_VALUE);
      const r = readAuthPackage(before);
      if (r.state === 'unreadable') {
        skipped.push({ fix, ...where, reason: 'value-unreadable', facts: { reason: r.reason } });
        continue;
      }
      if (r.state !== 'set' || !promptsOffNetwork(r.name) || !before) continue;
      if (policy) {
        skipped.push({
          fix,
          ...where,
          reason: 'policy-sets-value',
          facts: { policyPath: policy.path, policyValue: policy.value },
        });
        continue;
      }
      const after = encodeAuthPackage(target, before);
      changes.push({
        fix,
        kind: checkCauseWriteAllowed(account.sectionPath, AUTH_PACKAGE_VALUE, after),
        ...where,
        path: account.sectionPath,
        name: AUTH_PACKAGE_VALUE,
        view: 'default',
        before: serializeRegValue(before),
        after: serializeRegValue(after),
        elevated: false,
      });
    }
  }
  return { fix, changes, removals: [], skipped };
}
