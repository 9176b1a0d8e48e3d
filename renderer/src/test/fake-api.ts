import { isValidHostName } from '../../../electron/core/lsa/host-name';
import { isComputerName } from '../../../electron/core/server-guides/computer-name';
import { ApiError } from '../api/api-error';
import type {
  AppInfo,
  ApplyOutcome,
  ChangePlan,
  ChangeRecord,
  Channel,
  CredentialPick,
  CollectedPcInfo,
  Delivery,
  DiagnosisReport,
  KitLogEntry,
  MatchedServerEvent,
  RecoveryItem,
  RecoveryReport,
  UploadFile,
  WizardApi,
} from '../contract';
import {
  APPLIED,
  BACKCONNECTION_PLAN,
  DECLINED,
  outcomeOf,
  PLAN,
  PLAN_FINGERPRINT,
  recordOf,
} from './change-fixtures';
import { COLLECTED_SERVER, COLLECTED_XP, logEntryOf, madeKitOf } from './kit-fixtures';
import { withProxyAnswer, xpReport, SECTION } from './machine-fixtures';
import { fakeGuides, SERVER_EVENTS } from './server-fixtures';

export function appInfo(patch: Partial<AppInfo> = {}): AppInfo {
  return {
    mode: 'demo',
    version: '0.1.0',
    scenario: 'xp-outlook2003-basic',
    scenarios: [
      { id: 'xp-outlook2003-basic', title: 'Basic', kind: 'simulated' },
      { id: 'xp-outlook2003-fixed', title: 'Fixed', kind: 'simulated' },
      { id: 'collected-xp-acct-07-12012026-140509', title: 'XP-ACCT-07', kind: 'collected' },
    ],
    resumeAtVerify: false,
    collected: null,
    ...patch,
  };
}

/** What the fake Exchange proxy answers: Basic only, Basic + NTLM, nothing until cancelled, or an error. */
export type FakeProxy = 'ntlm' | 'no-ntlm' | 'hang' | 'fail';

export type Call = { channel: Channel; args: unknown[] };

/** Each handler logged as it is called, with its channel and arguments. */
function logged(api: WizardApi, calls: Call[]): WizardApi {
  const out: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [channel, fn] of Object.entries(api) as [Channel, (...args: unknown[]) => Promise<unknown>][]) {
    out[channel] = (...args) => {
      calls.push({ channel, args });
      return fn(...args);
    };
  }
  return out as unknown as WizardApi;
}

export interface FakeApiOptions {
  info?: AppInfo;
  declined?: boolean;
  outlookRunning?: boolean;
  fixed?: boolean;
  proxy?: FakeProxy;
  events?: readonly MatchedServerEvent[];
  /** An interrupted change that start-up recovery left for the person to agree to. */
  interrupted?: RecoveryItem;
  /** What the Electron folder picker answers (null: cancelled); the upload opens the same. */
  pick?: CollectedPcInfo | null;
  /** Scans of another machine than the XP one: `before` until a fix is applied, then `after`. */
  reports?: { readonly before: DiagnosisReport; readonly after?: DiagnosisReport };
  /**
   * The plan `fix:plan` shows and `fix:apply` applies (default: the XP machine's two fixes), or
   * one made from the picked saved sign-ins.
   */
  plan?: ChangePlan | ((credentials: readonly CredentialPick[]) => ChangePlan);
  /** How `prf:save` answers: refuses (the service's kind and message), or leaves accounts out. */
  prf?: { readonly refusal?: ApiError; readonly notCovered?: readonly string[] };
}

/**
 * A scriptable WizardApi: a simulated machine with an Outlook switch, a journal and scans that
 * reflect applied changes, plus a log of every call.
 */
export function fakeApi(opts: FakeApiOptions = {}) {
  const calls: Call[] = [];
  const state = {
    outlookRunning: opts.outlookRunning ?? false,
    fixed: opts.fixed ?? false,
    journal: [] as ChangeRecord[],
    info: opts.info ?? appInfo(),
    proxy: opts.proxy ?? ('ntlm' as FakeProxy),
    /** Resolves a hanging proxy:check (what proxy:cancel does). */
    releaseProxy: null as (() => void) | null,
    recovery: {
      recovered: [],
      setAside: [],
      awaitingConsent: opts.interrupted ? [opts.interrupted] : [],
    } as RecoveryReport,
    /** The uploads the page sent, in order. */
    uploads: [] as UploadFile[][],
    kits: [] as KitLogEntry[],
    /** What the save dialog answers (Electron) instead of a download. */
    save: null as Delivery | null,
  };
  const download = (name: string, mime: string, text: string): Delivery =>
    state.save ?? { kind: 'download', name, mime, base64: btoa(text) };
  const planFor = (credentials: readonly CredentialPick[] = []): ChangePlan =>
    typeof opts.plan === 'function' ? opts.plan(credentials) : (opts.plan ?? PLAN);
  // Applied as the engine does: a removal is listed again and reported removed.
  const appliedFor = (plan: ChangePlan): ApplyOutcome => {
    if (!opts.plan) return APPLIED;
    const o = outcomeOf(plan, 'applied', APPLIED.changeId!, APPLIED.backupPath!);
    if (plan.removals.length === 0) return o;
    const registry = plan.changes.length > 0;
    return {
      ...o,
      // The engine's steps: the registry's (when it writes), then the removal, then the record.
      steps: [
        ...o.steps.filter((x) => x.step !== 'record' && (registry || x.step === 'journal')),
        { step: 'remove', ok: true },
        { step: 'record', ok: true },
      ],
      backupPath: registry ? o.backupPath : null,
      removals: plan.removals.map((r) => ({
        targetName: r.targetName,
        type: r.type,
        userName: r.userName,
        removed: true,
      })),
    };
  };
  const opened = (collected: CollectedPcInfo | null) => (state.info = { ...state.info, collected });
  const scan = () => {
    const r = opts.reports;
    if (!r) return xpReport(state.fixed ? 'fixed' : 'broken', state.outlookRunning);
    const report = state.fixed ? (r.after ?? r.before) : r.before;
    return { ...report, machine: { ...report.machine, outlookRunning: state.outlookRunning } };
  };
  const api = logged(
    {
      'app:info': async () => state.info,
      'scan:run': async () => scan(),
      'fix:plan': async (req) => ({ ...planFor(req.credentials), fingerprint: PLAN_FINGERPRINT }),
      'fix:apply': async (req) => {
        if (opts.declined) {
          state.journal.unshift(recordOf(DECLINED, 'failed-rolled-back'));
          return DECLINED;
        }
        const applied = appliedFor(planFor(req.credentials));
        state.fixed = true;
        state.journal.unshift(recordOf(applied, 'applied'));
        return applied;
      },
      'fix:rollback': async (req) => {
        const record = state.journal.find((r) => r.id === req.changeId);
        const notUndone = record?.removals?.length ? { notUndone: record.removals } : {};
        // As the change service: removals alone cannot be undone at all.
        if (record && record.changes.length === 0 && record.removals?.length)
          return {
            status: 'blocked',
            changeId: req.changeId,
            reason: 'Removed saved sign-ins cannot be put back.',
            restartOutlook: false,
            restartWindows: false,
            ...notUndone,
          };
        state.fixed = false;
        state.journal = state.journal.map((r) =>
          r.id === req.changeId ? { ...r, state: 'rolled-back' } : r,
        );
        return {
          status: 'rolled-back',
          changeId: req.changeId,
          reason: null,
          restartOutlook: true,
          restartWindows: true,
          ...notUndone,
        };
      },
      'history:list': async () => state.journal,
      'outlook:status': async () => ({ running: state.outlookRunning }),
      'outlook:start': async () => {
        state.outlookRunning = true;
        return { started: true };
      },
      'windows:restart': async () => ({ scheduled: true }),
      'resume:register': async () => ({ registered: true }),
      'report:save': async () => ({
        htmlPath: '/r/report.html',
        jsonPath: '/r/report.json',
        summary: 'Summary: fixed',
        html: '<html></html>',
      }),
      'demo:load-scenario': async (req) => (state.info = { ...state.info, scenario: req.scenario }),
      'demo:set-outlook': async (req) => {
        state.outlookRunning = req.running;
        return { running: req.running };
      },
      'proxy:check': async () => {
        const report = scan();
        if (state.proxy === 'fail') throw new ApiError('unreadable-input', 'the proxy CA file is missing');
        if (state.proxy === 'hang') {
          await new Promise<void>((resolve) => (state.releaseProxy = resolve));
          return { ...report, proxyChecks: [] };
        }
        return withProxyAnswer(report, state.proxy);
      },
      'proxy:cancel': async () => {
        const running = state.releaseProxy !== null;
        state.releaseProxy?.();
        state.releaseProxy = null;
        return { cancelled: running };
      },
      'prf:save': async (req) => {
        if (opts.prf?.refusal) throw opts.prf.refusal;
        return {
          path: `/r/${req.profile}-ntlm.prf`,
          text: `[General]\nProfileName=${req.profile}\n[ServiceEGS]\nRPCProxyAuthScheme=2\n`,
          // The Basic account of that profile, as the service's PRF builder picks it.
          account:
            scan().findings.find((f) => f.id === 'proxy-auth-basic' && f.profile === req.profile)?.account ??
            SECTION,
          notCovered: opts.prf?.notCovered ?? [],
        };
      },
      'server:guides': async (req) => {
        // The service's own checks (the zod schema uses them), with the service's refusal.
        if (req.server !== undefined && !isComputerName(req.server))
          throw new ApiError('invalid-request', 'Invalid string: must match pattern');
        if (req.fqdn !== undefined && !isValidHostName(req.fqdn))
          throw new ApiError('invalid-request', 'Invalid string: must match pattern');
        return fakeGuides(req.locale, req.server, req.fqdn);
      },
      'server:events': async () => opts.events ?? SERVER_EVENTS,
      'server:iis': async () => [
        {
          site: 'W3SVC/1/ROOT/Exchange',
          providers: ['NTLM'],
          kerberosPossible: false,
          source: 'simulated' as const,
        },
      ],
      'recovery:status': async () => state.recovery,
      'recovery:finish': async (req) => {
        if (opts.declined) throw new ApiError('elevation-declined', 'The administrator prompt was declined.');
        state.recovery = {
          recovered: [{ id: req.id, state: 'rolled-back', message: 'restored after an interrupted run' }],
          setAside: [],
          awaitingConsent: state.recovery.awaitingConsent.filter((i) => i.id !== req.id),
        };
        return state.recovery;
      },
      'collected:open': async () => {
        const pc = opts.pick === undefined ? COLLECTED_XP : opts.pick;
        return pc ? opened(pc) : null;
      },
      'collected:upload': async (req) => {
        state.uploads.push(req.files);
        return opened(req.files.some((f) => f.name.startsWith('iis-')) ? COLLECTED_SERVER : COLLECTED_XP);
      },
      'collected:close': async () => opened(null),
      'kit:collect-script': async () => download('collect.cmd', 'application/octet-stream', '@echo off\r\n'),
      'kit:make': async (req) => {
        const pc = state.info.collected;
        if (!pc) throw new ApiError('usage', 'A fix kit is made for a collected PC.');
        const plan = 'host' in req ? BACKCONNECTION_PLAN : PLAN;
        const kit = madeKitOf(plan, pc, state.kits.length + 1);
        state.kits.unshift(logEntryOf(kit));
        return kit;
      },
      'kit:download': async (req) => download(`fix-kit-${req.id}.zip`, 'application/zip', 'PK'),
      'kit:log': async () => state.kits,
      'server:add-backconnection': async () => {
        const id = '20260101-000000-bc0001';
        const status = opts.declined ? 'elevation-declined' : 'applied';
        const outcome = outcomeOf(BACKCONNECTION_PLAN, status, id, '/state/backups/bch.reg');
        if (status === 'applied') state.journal.unshift(recordOf(outcome, 'applied'));
        return outcome;
      },
    },
    calls,
  );
  return { api, calls, state, channels: () => calls.map((c) => c.channel) };
}
