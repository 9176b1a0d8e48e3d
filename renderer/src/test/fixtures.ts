import type {
  AppInfo,
  ApplyOutcome,
  ChangePlan,
  ChangeRecord,
  DiagnosisReport,
  RpcOverHttpSettings,
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

export type Call = { channel: keyof WizardApi; args: unknown[] };

/**
 * A scriptable WizardApi: a simulated machine with an Outlook switch, a journal and scans that
 * reflect applied changes, plus a log of every call.
 */
export function fakeApi(
  opts: { info?: AppInfo; declined?: boolean; outlookRunning?: boolean; fixed?: boolean } = {},
) {
  const calls: Call[] = [];
  const state = {
    outlookRunning: opts.outlookRunning ?? false,
    fixed: opts.fixed ?? false,
    journal: [] as ChangeRecord[],
    info: opts.info ?? appInfo(),
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
  };
  return { api, calls, state, channels: () => calls.map((c) => c.channel) };
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
