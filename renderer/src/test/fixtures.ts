import { hasActionableFindings } from '../../../electron/core/diagnosis/rules';
import { isValidHostName } from '../../../electron/core/lsa/host-name';
import { isComputerName } from '../../../electron/core/server-guides/computer-name';
import { ApiError } from '../api/api-error';
import type {
  AppInfo,
  ApplyOutcome,
  ChangePlan,
  ChangeRecord,
  DiagnosisReport,
  Finding,
  GuideId,
  MatchedServerEvent,
  ProxyCheck,
  RpcOverHttpSettings,
  ServerGuide,
  WizardApi,
} from '../contract';

const SECTION = '13dbb0c8aa05101a9bb000aa002fc45a';
const PROFILE_PATH =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook';
const LSA = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';

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

export const PLAN: ChangePlan = {
  fixes: ['proxy-auth-ntlm', 'lmcompat-3'],
  changes: [
    {
      fix: 'proxy-auth-ntlm',
      kind: 'roh-auth-scheme',
      profile: 'Outlook',
      account: SECTION,
      path: `${PROFILE_PATH}\\${SECTION}`,
      name: '00036627',
      view: 'default',
      before: { type: 'REG_BINARY', hex: '01000000' },
      after: { type: 'REG_BINARY', hex: '02000000' },
      elevated: false,
    },
    {
      fix: 'lmcompat-3',
      kind: 'lm-compatibility-level',
      profile: null,
      account: null,
      path: LSA,
      name: 'LmCompatibilityLevel',
      view: 'default',
      before: null,
      after: { type: 'REG_DWORD', data: 3 },
      elevated: true,
    },
  ],
  alreadyDone: [],
  needsElevation: true,
  restartOutlook: true,
  restartWindows: true,
};

export const APPLIED: ApplyOutcome = {
  status: 'applied',
  changeId: '20260101-000000-abcdef',
  plan: PLAN,
  steps: [
    { step: 'journal', ok: true },
    { step: 'backup', ok: true },
    { step: 'write', ok: true },
    { step: 'verify', ok: true },
    { step: 'record', ok: true },
  ],
  reason: null,
  backupPath: '/state/backups/20260101-000000-abcdef.reg',
  restartOutlook: true,
  restartWindows: true,
};

export const DECLINED: ApplyOutcome = {
  status: 'elevation-declined',
  changeId: '20260101-000000-dec1ed',
  plan: PLAN,
  steps: [
    { step: 'journal', ok: true },
    { step: 'backup', ok: true },
    { step: 'write', ok: false },
  ],
  reason: 'The administrator prompt was declined; nothing was changed.',
  backupPath: '/state/backups/x.reg',
  restartOutlook: false,
  restartWindows: false,
};

export function record(state: ChangeRecord['state'], id = APPLIED.changeId!): ChangeRecord {
  return {
    id,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:01.000Z',
    fixes: PLAN.fixes,
    changes: PLAN.changes,
    written: 2,
    state,
    restartOutlook: true,
    restartWindows: true,
  };
}

export function appInfo(patch: Partial<AppInfo> = {}): AppInfo {
  return {
    mode: 'demo',
    version: '0.1.0',
    scenario: 'xp-outlook2003-basic',
    scenarios: [
      { id: 'xp-outlook2003-basic', title: 'Basic' },
      { id: 'xp-outlook2003-fixed', title: 'Fixed' },
    ],
    resumeAtVerify: false,
    ...patch,
  };
}

/** What the fake Exchange proxy answers: Basic only, Basic + NTLM, or nothing until cancelled. */
export type FakeProxy = 'ntlm' | 'no-ntlm' | 'hang' | 'fail';

const URL_RPC = 'https://mail.contoso.com/rpc/rpcproxy.dll';

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

/** Four guides shaped like the service's, with the names filled into the commands. */
export function fakeGuides(locale: 'en' | 'zh-CN', server = '<SERVER>', fqdn = '<FQDN>'): ServerGuide[] {
  const zh = locale === 'zh-CN';
  const guide = (
    id: GuideId,
    events: ServerGuide['events'],
    commands: ServerGuide['commands'],
    productFix: ServerGuide['productFix'] = null,
  ): ServerGuide => ({
    id,
    kb: id.startsWith('kb') ? [id.toUpperCase()] : [],
    events,
    title: `${zh ? '指南' : 'Guide'} ${id}`,
    symptom: `${zh ? '症状' : 'Symptom of'} ${id}`,
    meaning: `${zh ? '含义' : 'Meaning of'} ${id}`,
    checks: [`${id} check one`, `${id} check two`],
    commands,
    productFix,
    productFixText: `${id} product fix text`,
  });
  return [
    guide(
      'exprox-1000',
      [{ source: 'EXPROX', id: 1000 }],
      [{ label: 'IIS 6 providers', shell: 'cmd', command: 'cscript adsutil.vbs GET W3SVC/1/ROOT' }],
    ),
    guide(
      'kb914137',
      [],
      [
        { label: 'List SPNs', shell: 'cmd', command: `setspn -L ${server}` },
        { label: 'Add SPN', shell: 'cmd', command: `setspn -S SMTPSVC/${fqdn} ${server}` },
      ],
      'backconnection-host',
    ),
    guide(
      'owa-71',
      [{ source: 'MSExchange OWA', id: 71 }],
      [
        {
          label: 'Set InternalUrl',
          shell: 'powershell',
          command: `Set-OwaVirtualDirectory -Identity "${server}\\owa (Default Web Site)" -InternalUrl "https://${fqdn}/owa"`,
        },
      ],
    ),
    guide('kb183545', [], []),
  ];
}

export const SERVER_EVENTS: readonly MatchedServerEvent[] = [
  {
    source: 'EXPROX',
    id: 1000,
    time: '2026-01-12T08:14:03.000Z',
    message: 'Fell back to NTLM.',
    guide: 'exprox-1000',
  },
  { source: 'MSExchange OWA', id: 71, time: '2026-01-12T09:30:12.000Z', guide: 'owa-71' },
];

export function backConnectionOutcome(status: ApplyOutcome['status'], changeId: string | null): ApplyOutcome {
  const MSV1_0 = `${LSA}\\MSV1_0`;
  const plan: ChangePlan = {
    fixes: ['backconnection-host'],
    changes: [
      {
        fix: 'backconnection-host',
        kind: 'back-connection-host-names',
        profile: null,
        account: null,
        path: MSV1_0,
        name: 'BackConnectionHostNames',
        view: 'default',
        before: null,
        after: { type: 'REG_MULTI_SZ', data: ['smtp.contoso.com'] },
        elevated: true,
      },
    ],
    alreadyDone: [],
    needsElevation: true,
    restartOutlook: false,
    restartWindows: false,
  };
  const ok = status === 'applied';
  return {
    status,
    changeId,
    plan,
    steps: [
      { step: 'journal', ok: true },
      { step: 'backup', ok: true },
      { step: 'write', ok },
      ...(ok
        ? [
            { step: 'verify' as const, ok: true },
            { step: 'record' as const, ok: true },
          ]
        : []),
    ],
    reason: ok ? null : 'The administrator prompt was declined; nothing was changed.',
    backupPath: '/state/backups/bch.reg',
    restartOutlook: false,
    restartWindows: false,
  };
}

export type Call = { channel: keyof WizardApi; args: unknown[] };

/**
 * A scriptable WizardApi: a simulated machine with an Outlook switch, a journal and scans that
 * reflect applied changes, plus a log of every call.
 */
export function fakeApi(
  opts: {
    info?: AppInfo;
    declined?: boolean;
    outlookRunning?: boolean;
    fixed?: boolean;
    proxy?: FakeProxy;
    events?: readonly MatchedServerEvent[];
  } = {},
) {
  const calls: Call[] = [];
  const state = {
    outlookRunning: opts.outlookRunning ?? false,
    fixed: opts.fixed ?? false,
    journal: [] as ChangeRecord[],
    info: opts.info ?? appInfo(),
    proxy: opts.proxy ?? ('ntlm' as FakeProxy),
    /** Resolves a hanging proxy:check (what proxy:cancel does). */
    releaseProxy: null as (() => void) | null,
  };
  const log = (channel: keyof WizardApi, args: unknown[]) => calls.push({ channel, args });
  const api: WizardApi = {
    'app:info': async () => (log('app:info', []), state.info),
    'scan:run': async () => (
      log('scan:run', []),
      xpReport(state.fixed ? 'fixed' : 'broken', state.outlookRunning)
    ),
    'fix:plan': async (req) => (log('fix:plan', [req]), PLAN),
    'fix:apply': async (req) => {
      log('fix:apply', [req]);
      if (opts.declined) {
        state.journal.unshift(record('failed-rolled-back', DECLINED.changeId!));
        return DECLINED;
      }
      state.fixed = true;
      state.journal.unshift(record('applied'));
      return APPLIED;
    },
    'fix:rollback': async (req) => {
      log('fix:rollback', [req]);
      state.fixed = false;
      state.journal = state.journal.map((r) => (r.id === req.changeId ? { ...r, state: 'rolled-back' } : r));
      return {
        status: 'rolled-back',
        changeId: req.changeId,
        reason: null,
        restartOutlook: true,
        restartWindows: true,
      };
    },
    'history:list': async () => (log('history:list', []), state.journal),
    'outlook:status': async () => (log('outlook:status', []), { running: state.outlookRunning }),
    'outlook:start': async () => (log('outlook:start', []), (state.outlookRunning = true), { started: true }),
    'windows:restart': async (req) => (log('windows:restart', [req]), { scheduled: true }),
    'resume:register': async () => (log('resume:register', []), { registered: true }),
    'report:save': async (req) => (
      log('report:save', [req]),
      {
        htmlPath: '/r/report.html',
        jsonPath: '/r/report.json',
        summary: 'Summary: fixed',
        html: '<html></html>',
      }
    ),
    'demo:load-scenario': async (req) => (
      log('demo:load-scenario', [req]),
      (state.info = { ...state.info, scenario: req.scenario })
    ),
    'demo:set-outlook': async (req) => (
      log('demo:set-outlook', [req]),
      (state.outlookRunning = req.running),
      { running: req.running }
    ),
    'proxy:check': async () => {
      log('proxy:check', []);
      const report = xpReport(state.fixed ? 'fixed' : 'broken', state.outlookRunning);
      if (state.proxy === 'fail') throw new ApiError('unreadable-input', 'the proxy CA file is missing');
      if (state.proxy === 'hang') {
        await new Promise<void>((resolve) => (state.releaseProxy = resolve));
        return { ...report, proxyChecks: [] };
      }
      return withProxyAnswer(report, state.proxy);
    },
    'proxy:cancel': async () => {
      log('proxy:cancel', []);
      const running = state.releaseProxy !== null;
      state.releaseProxy?.();
      state.releaseProxy = null;
      return { cancelled: running };
    },
    'prf:save': async (req) => (
      log('prf:save', [req]),
      {
        path: `/r/${req.profile}-ntlm.prf`,
        text: `[General]\nProfileName=${req.profile}\n[ServiceEGS]\nRPCProxyAuthScheme=2\n`,
        account: SECTION,
      }
    ),
    'server:guides': async (req) => {
      log('server:guides', [req]);
      if (req.server !== undefined && !isComputerName(req.server))
        throw new ApiError('invalid-request', 'Invalid string: must match pattern');
      if (req.fqdn !== undefined && !isValidHostName(req.fqdn))
        throw new ApiError('invalid-request', 'Invalid string: must match pattern');
      return fakeGuides(req.locale, req.server, req.fqdn);
    },
    'server:events': async () => (log('server:events', []), opts.events ?? SERVER_EVENTS),
    'server:iis': async () => (
      log('server:iis', []),
      [
        {
          site: 'W3SVC/1/ROOT/Exchange',
          providers: ['NTLM'],
          kerberosPossible: false,
          source: 'simulated' as const,
        },
      ]
    ),
    'server:add-backconnection': async (req) => {
      log('server:add-backconnection', [req]);
      const id = '20260101-000000-bc0001';
      if (opts.declined) return backConnectionOutcome('elevation-declined', id);
      const outcome = backConnectionOutcome('applied', id);
      state.journal.unshift({
        ...record('applied', id),
        fixes: outcome.plan.fixes,
        changes: outcome.plan.changes,
        written: 1,
        restartOutlook: false,
        restartWindows: false,
      });
      return outcome;
    },
  };
  return { api, calls, state, channels: () => calls.map((c) => c.channel) };
}

/** True when the scan found something worth fixing (the core's rule, as the wizard applies it). */
export function needsFixing(report: DiagnosisReport | null): boolean {
  return !!report && hasActionableFindings(report.findings);
}

/** A Storage stand-in (Map-backed). */
export function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}
