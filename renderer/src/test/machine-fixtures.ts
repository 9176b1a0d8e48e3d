import { hasActionableFindings } from '../../../electron/core/diagnosis/rules';
import type { DiagnosisReport, Finding, ProxyCheck, RpcOverHttpSettings } from '../contract';

/** Section key of the one Exchange account of the sample XP machine. */
export const SECTION = '13dbb0c8aa05101a9bb000aa002fc45a';
export const PROFILE_PATH =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook';
export const LSA = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
export const URL_RPC = 'https://mail.contoso.com/rpc/rpcproxy.dll';

function roh(authScheme: 'basic' | 'ntlm'): RpcOverHttpSettings {
  return {
    enabled: true,
    proxyServer: 'mail.contoso.com',
    sslOnly: true,
    mutualAuth: false,
    principalName: 'msstd:mail.contoso.com',
    httpFirstOnFast: false,
    httpFirstOnSlow: true,
    authScheme,
    authSchemeValue: authScheme === 'basic' ? 1 : 2,
    flags: 0x23,
    unknownFlags: 0,
  };
}

/** A Windows XP + Outlook 2003 machine: Basic proxy sign-in and LAN Manager level 0, or fixed. */
export function xpReport(state: 'broken' | 'fixed', outlookRunning = false): DiagnosisReport {
  const broken = state === 'broken';
  return {
    scannedAt: '2026-01-01T00:00:00.000Z',
    adapter: 'simulated',
    machine: {
      os: { productName: 'Microsoft Windows XP', currentVersion: '5.1', build: '2600', family: 'xp-2000' },
      outlook: [
        { version: '11.0', displayName: 'Outlook 2003', installPath: 'C:\\Office11\\', bitness: '32' },
      ],
      outlookRunning,
    },
    profiles: [
      {
        name: 'Outlook',
        isDefault: true,
        outlookVersion: '11.0',
        store: 'wms',
        keyPath: PROFILE_PATH,
        accounts: [
          {
            section: SECTION,
            sectionPath: `${PROFILE_PATH}\\${SECTION}`,
            accountName: null,
            homeServer: 'EXCH01',
            mailbox: 'jsmith',
            rpcOverHttp: roh(broken ? 'basic' : 'ntlm'),
            unreadable: [],
          },
        ],
      },
    ],
    lsa: {
      lmCompatibilityLevel: broken ? null : 3,
      effectiveLmCompatibilityLevel: broken ? 0 : 3,
      defaultLmCompatibilityLevel: 0,
      policyManaged: false,
      policyLevel: null,
      backConnectionHostNames: null,
      disableLoopbackCheck: null,
      ntlmMinClientSec: 0,
      lmCompatibilityLevelProblem: null,
    },
    findings: broken
      ? [
          {
            id: 'proxy-auth-basic',
            severity: 'error',
            kb: 'KB820281',
            profile: 'Outlook',
            account: SECTION,
            fixes: ['proxy-auth-ntlm'],
            facts: { proxyServer: 'mail.contoso.com', sslOnly: true },
          },
          {
            id: 'lm-response-sent',
            severity: 'warning',
            kb: 'KB820281',
            profile: 'Outlook',
            account: SECTION,
            fixes: ['lmcompat-3', 'lmcompat-2'],
            facts: { effectiveLevel: 0, storedLevel: null, authScheme: 'basic', policyLevel: null },
          },
        ]
      : [],
  };
}

export function proxyCheck(schemes: readonly string[], patch: Partial<ProxyCheck> = {}): ProxyCheck {
  return {
    proxyServer: 'mail.contoso.com',
    usedBy: [{ profile: 'Outlook', account: SECTION }],
    result: {
      url: URL_RPC,
      status: 401,
      schemes,
      certificate: {
        subjectCommonName: 'mail.contoso.com',
        altNames: ['mail.contoso.com', 'autodiscover.contoso.com'],
        issuer: 'Contoso Root CA',
        validTo: 'Jan  1 00:00:00 2030 GMT',
        trusted: true,
        trustError: null,
        matchesHost: true,
      },
      failure: null,
      elapsedMs: 42,
    },
    skipped: null,
    ...patch,
  };
}

export const NO_NTLM: Finding = {
  id: 'proxy-offers-no-ntlm',
  severity: 'error',
  kb: 'KB820281',
  profile: 'Outlook',
  account: SECTION,
  fixes: [],
  facts: { proxyServer: 'mail.contoso.com', url: URL_RPC, schemes: 'basic' },
};

/** The broken XP report after `proxy:check`, the way the service merges it. */
export function withProxyAnswer(report: DiagnosisReport, proxy: 'ntlm' | 'no-ntlm'): DiagnosisReport {
  if (proxy === 'ntlm') return { ...report, proxyChecks: [proxyCheck(['basic', 'ntlm', 'negotiate'])] };
  const findings = report.findings.map((f) =>
    f.id === 'proxy-auth-basic' ? { ...f, fixes: f.fixes.filter((x) => x !== 'proxy-auth-ntlm') } : f,
  );
  return { ...report, findings: [...findings, NO_NTLM], proxyChecks: [proxyCheck(['basic'])] };
}

/** True when the scan found something worth fixing (the core's rule, as the wizard applies it). */
export function needsFixing(report: DiagnosisReport | null): boolean {
  return !!report && hasActionableFindings(report.findings);
}
