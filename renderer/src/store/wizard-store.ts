import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DiagnosisReport } from '../contract';
import type { FixId } from '../contract';
import type { ChangePlan, ChangeRecord } from '../contract';
import type { AppInfo, ApplyOutcome, RollbackOutcome, SavedReport, WizardApi } from '../contract';
import type { GuideId, IisAuthReading, MatchedServerEvent, ServerGuide } from '../contract';
import { toApiError } from '../api/api-error';
import type { Locale } from '../contract';
import { actionable, recommendedFixes, toggledFixes, type Audience, type StepId } from './model';

export type Busy =
  | 'init'
  | 'scan'
  | 'plan'
  | 'apply'
  | 'verify'
  | 'save'
  | 'copy'
  | 'restart-outlook'
  | 'restart-windows'
  | 'history'
  | 'undo'
  | 'demo'
  | 'proxy'
  | 'prf'
  | 'guides'
  | 'events'
  | 'backconnection';

/** What went wrong, where: `kind` picks the explanation, `message` is the raw detail. */
export interface WizardError {
  readonly action: Busy;
  readonly kind: string;
  readonly message: string;
}

export type HistoryResult =
  | { readonly changeId: string; readonly ok: true; readonly outcome: RollbackOutcome }
  | { readonly changeId: string; readonly ok: false; readonly kind: string; readonly message: string };

/** Where the proxy check of this scan stands; `failed`/`cancelled` mean the plain scan is shown. */
export interface ProxyCheckState {
  readonly status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  readonly kind?: string;
  readonly message?: string;
}

/** The names typed into a server guide, as last sent to `server:guides`. */
export interface GuideParams {
  readonly server?: string;
  readonly fqdn?: string;
}

export interface SavedPrf {
  readonly profile: string;
  readonly path: string;
  readonly text: string;
  readonly account: string;
}

export type BackConnectionResult =
  | { readonly host: string; readonly ok: true; readonly outcome: ApplyOutcome }
  | { readonly host: string; readonly ok: false; readonly kind: string; readonly message: string };

export type View = 'wizard' | 'history' | 'server';

export interface WizardState {
  readonly appInfo: AppInfo | null;
  readonly audience: Audience;
  readonly locale: Locale;
  readonly view: View;
  /** Where "back" from History leads. */
  readonly returnView: 'wizard' | 'server';
  readonly step: StepId;
  readonly busy: Busy | null;
  readonly error: WizardError | null;
  /** The first scan of this session: the "before". */
  readonly report: DiagnosisReport | null;
  readonly selectedFixes: readonly FixId[];
  readonly plan: ChangePlan | null;
  readonly mode: 'auto' | 'manual' | null;
  readonly manualChecked: readonly number[];
  readonly outlookRunning: boolean | null;
  readonly waitingForOutlook: boolean;
  readonly outcome: ApplyOutcome | null;
  readonly outlookRestarted: boolean;
  readonly windowsRestart: 'none' | 'later' | 'now';
  readonly confirmRestart: boolean;
  /** The re-scan: the "after". */
  readonly afterReport: DiagnosisReport | null;
  readonly resumed: boolean;
  readonly saved: SavedReport | null;
  readonly copyStatus: 'idle' | 'copied' | 'failed';
  readonly history: readonly ChangeRecord[];
  readonly historyLoaded: boolean;
  readonly historyResult: HistoryResult | null;
  /** Ask the Exchange proxy after each scan (on by default). */
  readonly proxyCheckEnabled: boolean;
  readonly proxyCheck: ProxyCheckState;
  readonly prf: SavedPrf | null;
  /** Server troubleshooter: the guides in `guidesLocale`, filled in with `guideParams`. */
  readonly guides: readonly ServerGuide[] | null;
  readonly guidesLocale: Locale | null;
  readonly guideParams: GuideParams;
  /** A `server:guides` call is under way (kept apart from `busy`, which the wizard's steps use). */
  readonly guidesLoading: boolean;
  /** The service refused the typed names (shown next to the fields). */
  readonly guideParamsError: { readonly kind: string; readonly message: string } | null;
  readonly serverEvents: readonly MatchedServerEvent[] | null;
  /** IIS Windows-authentication providers read on this server (empty on a client PC). */
  readonly iisReadings: readonly IisAuthReading[] | null;
  readonly guide: GuideId | null;
  readonly backConnection: BackConnectionResult | null;
}

export interface WizardActions {
  init(): Promise<void>;
  setAudience(a: Audience): void;
  setLocale(l: Locale): void;
  goTo(step: StepId): void;
  start(): Promise<void>;
  scan(): Promise<void>;
  toggleFix(fix: FixId, on: boolean): void;
  planSelected(): Promise<void>;
  chooseMode(mode: 'auto' | 'manual'): Promise<void>;
  toggleManualStep(n: number, done: boolean): void;
  checkOutlook(): Promise<boolean | null>;
  waitForOutlookClosed(intervalMs?: number): () => void;
  stopWaiting(): void;
  apply(): Promise<void>;
  afterApply(): void;
  restartOutlook(): Promise<void>;
  askRestartWindows(): void;
  cancelRestartWindows(): void;
  restartWindowsNow(): Promise<void>;
  restartWindowsLater(): Promise<void>;
  verify(): Promise<void>;
  saveReport(): Promise<SavedReport | null>;
  copySummary(): Promise<void>;
  openHistory(): Promise<void>;
  closeHistory(): void;
  loadHistory(): Promise<void>;
  undo(changeId: string): Promise<void>;
  demoLoadScenario(scenario: string): Promise<void>;
  demoSetOutlook(running: boolean): Promise<void>;
  dismissError(): void;
  setProxyCheckEnabled(on: boolean): void;
  cancelProxyCheck(): void;
  savePrf(profile: string): Promise<void>;
  openServer(): Promise<void>;
  closeServer(): void;
  loadGuides(params?: GuideParams): Promise<boolean>;
  loadServerEvents(): Promise<void>;
  openGuide(id: GuideId | null): void;
  addBackConnection(host: string): Promise<void>;
  /** Puts a text (a command line) on the clipboard; false when that was refused. */
  copyText(text: string): Promise<boolean>;
}

export type WizardStore = StoreApi<WizardState & WizardActions>;

export interface WizardDeps {
  readonly api: WizardApi;
  /** Where the locale choice and the resume snapshot live (localStorage in the app). */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Reloads the page after a simulated Windows restart (browser demo). */
  readonly reload?: () => void;
  readonly writeClipboard?: (text: string) => Promise<void>;
  readonly initialLocale?: Locale;
  /** Shortest time the scan progress stays on screen, so people see it happen (0 in tests). */
  readonly minScanMs?: number;
}

export const LOCALE_KEY = 'exproxy.locale';
export const RESUME_KEY = 'exproxy.resume';

/** What survives a restart, so Verify can still show before → after. */
interface ResumeSnapshot {
  readonly audience: Audience;
  readonly report: DiagnosisReport | null;
  readonly selectedFixes: readonly FixId[];
  readonly plan: ChangePlan | null;
  readonly outcome: ApplyOutcome | null;
}

const fresh = {
  view: 'wizard' as const,
  step: 'welcome' as StepId,
  busy: null,
  error: null,
  report: null,
  selectedFixes: [] as readonly FixId[],
  plan: null,
  mode: null,
  manualChecked: [] as readonly number[],
  outlookRunning: null,
  waitingForOutlook: false,
  outcome: null,
  outlookRestarted: false,
  windowsRestart: 'none' as const,
  confirmRestart: false,
  afterReport: null,
  resumed: false,
  saved: null,
  copyStatus: 'idle' as const,
  historyResult: null,
  proxyCheck: { status: 'idle' } as ProxyCheckState,
  prf: null,
  backConnection: null,
};

/** True when some account of the scan uses an Exchange proxy the check could ask. */
export function usesProxy(report: DiagnosisReport): boolean {
  return report.profiles.some((p) =>
    p.accounts.some((a) => a.rpcOverHttp.enabled && !!a.rpcOverHttp.proxyServer),
  );
}

export async function defaultWriteClipboard(text: string): Promise<void> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    /* denied or unavailable: fall back below */
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'clipboard-fallback';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

export function createWizardStore(deps: WizardDeps): WizardStore {
  const { api } = deps;
  const storage = deps.storage ?? null;
  const writeClipboard = deps.writeClipboard ?? defaultWriteClipboard;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let polling = false;
  /** Ends the wait for a running proxy check at once (the person pressed Cancel). */
  let stopProxyWait: (() => void) | null = null;

  return createStore<WizardState & WizardActions>()((set, get) => {
    /** Runs one call with `busy` set; failures land in `error` and resolve to null. */
    async function run<T>(action: Busy, fn: () => Promise<T>): Promise<T | null> {
      set({ busy: action, error: null });
      try {
        const r = await fn();
        if (get().busy === action) set({ busy: null });
        return r;
      } catch (e) {
        const err = toApiError(e);
        set({ busy: null, error: { action, kind: err.kind, message: err.message } });
        return null;
      }
    }

    function stopPoll() {
      if (pollTimer !== null) clearInterval(pollTimer);
      pollTimer = null;
      if (get().waitingForOutlook) set({ waitingForOutlook: false });
    }

    /**
     * Asks the Exchange proxies what they offer (no password is sent) and returns the scan with
     * the proxy findings. Cancelled or failed: the plain scan, and `proxyCheck` says why.
     */
    async function checkProxy(report: DiagnosisReport): Promise<DiagnosisReport> {
      if (!get().proxyCheckEnabled || !usesProxy(report)) {
        set({ proxyCheck: { status: 'idle' } });
        return report;
      }
      set({ busy: 'proxy', proxyCheck: { status: 'running' } });
      const cancelled = new Promise<null>((resolve) => {
        stopProxyWait = () => resolve(null);
      });
      try {
        const merged = await Promise.race([api['proxy:check'](), cancelled]);
        if (!merged) {
          set({ proxyCheck: { status: 'cancelled' } });
          return report;
        }
        set({ proxyCheck: { status: 'done' } });
        return merged;
      } catch (e) {
        const err = toApiError(e);
        set({ proxyCheck: { status: 'failed', kind: err.kind, message: err.message } });
        return report;
      } finally {
        stopProxyWait = null;
        if (get().busy === 'proxy') set({ busy: null });
      }
    }

    function saveSnapshot() {
      const s = get();
      const snap: ResumeSnapshot = {
        audience: s.audience,
        report: s.report,
        selectedFixes: s.selectedFixes,
        plan: s.plan,
        outcome: s.outcome,
      };
      try {
        storage?.setItem(RESUME_KEY, JSON.stringify(snap));
      } catch {
        /* storage full or off: Verify then shows "after" only */
      }
    }

    function takeSnapshot(): ResumeSnapshot | null {
      try {
        const raw = storage?.getItem(RESUME_KEY);
        storage?.removeItem(RESUME_KEY);
        return raw ? (JSON.parse(raw) as ResumeSnapshot) : null;
      } catch {
        return null;
      }
    }

    return {
      ...fresh,
      appInfo: null,
      audience: 'endUser',
      locale: deps.initialLocale ?? 'en',
      history: [],
      historyLoaded: false,
      returnView: 'wizard',
      proxyCheckEnabled: true,
      guides: null,
      guidesLocale: null,
      guideParams: {},
      guidesLoading: false,
      guideParamsError: null,
      serverEvents: null,
      iisReadings: null,
      guide: null,

      async init() {
        const info = await run('init', () => api['app:info']());
        if (!info) return;
        set({ appInfo: info });
        // The demo panel shows the simulated Outlook's state from the start.
        if (info.mode === 'demo') await get().checkOutlook();
        if (info.resumeAtVerify) {
          const snap = takeSnapshot();
          set({
            resumed: true,
            step: 'verify',
            windowsRestart: 'now',
            ...(snap
              ? {
                  audience: snap.audience,
                  report: snap.report,
                  selectedFixes: snap.selectedFixes,
                  plan: snap.plan,
                  outcome: snap.outcome,
                  mode: 'auto' as const,
                }
              : {}),
          });
          await get().verify();
        }
      },

      setAudience(audience) {
        set({ audience });
      },

      setLocale(locale) {
        set({ locale });
        // Guide texts come from the service in one language: fetch them again (now if on
        // screen, else when the server view next opens).
        if (get().view === 'server' && get().guides && get().guidesLocale !== locale) void get().loadGuides();
        try {
          storage?.setItem(LOCALE_KEY, locale);
        } catch {
          /* not persisted; still switched */
        }
      },

      goTo(step) {
        if (step !== 'prepare') stopPoll();
        set({ step, view: 'wizard', error: null });
      },

      async start() {
        set({ step: 'scan' });
        await get().scan();
      },

      async scan() {
        set({ step: 'scan' });
        const started = Date.now();
        const report = await run('scan', async () => {
          const r = await api['scan:run']();
          const left = (deps.minScanMs ?? 0) - (Date.now() - started);
          if (left > 0) await new Promise((ok) => setTimeout(ok, left));
          return r;
        });
        if (!report) return;
        const checked = await checkProxy(report);
        set({
          report: checked,
          selectedFixes: recommendedFixes(checked),
          plan: null,
          outcome: null,
          afterReport: null,
          saved: null,
          outlookRunning: report.machine.outlookRunning,
          step: 'findings',
        });
      },

      toggleFix(fix, on) {
        set({ selectedFixes: toggledFixes(get().selectedFixes, fix, on), plan: null });
      },

      async planSelected() {
        const { selectedFixes } = get();
        if (selectedFixes.length === 0) {
          set({ plan: null, step: 'settings' });
          return;
        }
        const plan = await run('plan', () => api['fix:plan']({ fixes: [...selectedFixes] }));
        if (!plan) return;
        set({ plan, step: 'settings' });
      },

      async chooseMode(mode) {
        set({ mode, manualChecked: [] });
        if (mode === 'manual') {
          get().goTo('manual');
          return;
        }
        get().goTo('prepare');
        await get().checkOutlook();
      },

      toggleManualStep(n, done) {
        const cur = get().manualChecked.filter((x) => x !== n);
        set({ manualChecked: done ? [...cur, n].sort((a, b) => a - b) : cur });
      },

      async checkOutlook() {
        try {
          const { running } = await api['outlook:status']();
          set({ outlookRunning: running });
          if (!running) stopPoll();
          return running;
        } catch (e) {
          const err = toApiError(e);
          set({ error: { action: 'apply', kind: err.kind, message: err.message } });
          return null;
        }
      },

      waitForOutlookClosed(intervalMs = 1000) {
        stopPoll();
        set({ waitingForOutlook: true });
        pollTimer = setInterval(() => {
          if (polling) return;
          polling = true;
          void get()
            .checkOutlook()
            .finally(() => {
              polling = false;
            });
        }, intervalMs);
        return () => stopPoll();
      },

      stopWaiting() {
        stopPoll();
      },

      async apply() {
        const { selectedFixes } = get();
        stopPoll();
        set({ step: 'apply', outcome: null });
        const outcome = await run('apply', () => api['fix:apply']({ fixes: [...selectedFixes] }));
        if (!outcome) return;
        set({ outcome, plan: outcome.plan });
        if (outcome.status !== 'applied' && outcome.status !== 'nothing-to-do') {
          set({ error: { action: 'apply', kind: outcome.status, message: outcome.reason ?? '' } });
        }
      },

      afterApply() {
        const { outcome } = get();
        get().goTo(outcome && (outcome.restartOutlook || outcome.restartWindows) ? 'restart' : 'verify');
        if (get().step === 'verify') void get().verify();
      },

      async restartOutlook() {
        const r = await run('restart-outlook', () => api['outlook:start']());
        if (r) set({ outlookRestarted: r.started, outlookRunning: r.started ? true : get().outlookRunning });
      },

      askRestartWindows() {
        set({ confirmRestart: true });
      },

      cancelRestartWindows() {
        set({ confirmRestart: false });
      },

      async restartWindowsNow() {
        set({ confirmRestart: false });
        const ok = await run('restart-windows', async () => {
          await api['resume:register']();
          saveSnapshot();
          return api['windows:restart']({ confirmed: true });
        });
        if (!ok) return;
        set({ windowsRestart: 'now', busy: 'restart-windows' });
        // The browser demo "restarts" by reloading; app:info then reports resumeAtVerify.
        if (get().appInfo?.mode === 'demo') deps.reload?.();
      },

      async restartWindowsLater() {
        const ok = await run('restart-windows', async () => {
          await api['resume:register']();
          saveSnapshot();
          return true;
        });
        if (ok) set({ windowsRestart: 'later' });
      },

      async verify() {
        set({ step: 'verify' });
        const scanned = await run('verify', () => api['scan:run']());
        if (!scanned) return;
        // Compare like with like: when the first scan asked the proxy, the re-check does too.
        const after = get().report?.proxyChecks ? await checkProxy(scanned) : scanned;
        set({
          afterReport: after,
          report: get().report ?? after,
          outlookRunning: after.machine.outlookRunning,
        });
        // Once the person has seen the result, a later restart no longer needs to reopen us here.
        if (get().resumed) storage?.removeItem(RESUME_KEY);
      },

      async saveReport() {
        const saved = await run('save', () => api['report:save']({ locale: get().locale }));
        if (saved) set({ saved });
        return saved;
      },

      async copySummary() {
        set({ copyStatus: 'idle' });
        const saved = get().saved ?? (await get().saveReport());
        if (!saved) {
          set({ copyStatus: 'failed' });
          return;
        }
        try {
          await writeClipboard(saved.summary);
          set({ copyStatus: 'copied' });
        } catch {
          set({ copyStatus: 'failed' });
        }
      },

      async openHistory() {
        stopPoll();
        const from = get().view;
        set({
          view: 'history',
          historyResult: null,
          ...(from !== 'history' ? { returnView: from === 'server' ? 'server' : 'wizard' } : {}),
        });
        await get().loadHistory();
      },

      closeHistory() {
        if (get().returnView === 'server') {
          set({ view: 'server' });
          return;
        }
        set({ view: 'wizard' });
        if (get().step === 'prepare' && get().outlookRunning) get().waitForOutlookClosed();
      },

      async loadHistory() {
        const list = await run('history', () => api['history:list']());
        if (list) set({ history: list, historyLoaded: true });
      },

      async undo(changeId) {
        set({ busy: 'undo', historyResult: null, error: null });
        try {
          const outcome = await api['fix:rollback']({ changeId });
          // The machine changed under the wizard: what it showed is stale, so it starts over.
          stopPoll();
          storage?.removeItem(RESUME_KEY);
          set({
            ...fresh,
            view: 'history',
            audience: get().audience,
            busy: null,
            historyResult: { changeId, ok: true, outcome },
          });
        } catch (e) {
          const err = toApiError(e);
          set({ busy: null, historyResult: { changeId, ok: false, kind: err.kind, message: err.message } });
        }
        await get().loadHistory();
      },

      async demoLoadScenario(scenario) {
        stopPoll();
        const info = await run('demo', () => api['demo:load-scenario']({ scenario }));
        if (!info) return;
        storage?.removeItem(RESUME_KEY);
        set({ ...fresh, appInfo: info, history: [], historyLoaded: false, serverEvents: null, guide: null });
        await get().checkOutlook();
      },

      async demoSetOutlook(running) {
        // Optimistic, so the check box follows the click at once; put back if the host refuses.
        const previous = get().outlookRunning;
        set({ outlookRunning: running });
        const r = await run('demo', () => api['demo:set-outlook']({ running }));
        set({ outlookRunning: r ? r.running : previous });
      },

      dismissError() {
        set({ error: null });
      },

      setProxyCheckEnabled(on) {
        set({ proxyCheckEnabled: on });
      },

      cancelProxyCheck() {
        if (!stopProxyWait) return;
        stopProxyWait();
        // Tell the service too, so its requests stop; the wizard does not wait for that.
        void api['proxy:cancel']().catch(() => undefined);
      },

      async savePrf(profile) {
        set({ prf: null });
        const saved = await run('prf', () => api['prf:save']({ profile }));
        if (saved) set({ prf: { profile, ...saved } });
      },

      async openServer() {
        stopPoll();
        set({ view: 'server', error: null });
        await Promise.all([
          get().guides && get().guidesLocale === get().locale ? Promise.resolve(true) : get().loadGuides(),
          get().loadServerEvents(),
        ]);
      },

      closeServer() {
        set({ view: 'wizard', guide: null });
        if (get().step === 'prepare' && get().outlookRunning) get().waitForOutlookClosed();
      },

      async loadGuides(params) {
        const next = params ?? get().guideParams;
        const locale = get().locale;
        const req = {
          locale,
          ...(next.server ? { server: next.server } : {}),
          ...(next.fqdn ? { fqdn: next.fqdn } : {}),
        };
        set({ guidesLoading: true, guideParamsError: null });
        try {
          const guides = await api['server:guides'](req);
          set({ guides, guidesLocale: locale, guideParams: { server: req.server, fqdn: req.fqdn } });
          return true;
        } catch (e) {
          const err = toApiError(e);
          // Refused names are the person's to correct, not an error of the wizard.
          if (params && (err.kind === 'invalid-request' || err.kind === 'usage')) {
            set({ guideParamsError: { kind: err.kind, message: err.message } });
          } else {
            set({ error: { action: 'guides', kind: err.kind, message: err.message } });
          }
          return false;
        } finally {
          set({ guidesLoading: false });
        }
      },

      async loadServerEvents() {
        try {
          const [events, iisReadings] = await Promise.all([api['server:events'](), api['server:iis']()]);
          set({ serverEvents: events, iisReadings });
        } catch (e) {
          const err = toApiError(e);
          set({
            serverEvents: [],
            iisReadings: [],
            error: { action: 'events', kind: err.kind, message: err.message },
          });
        }
      },

      openGuide(id) {
        set({ guide: id, backConnection: null });
      },

      async copyText(text) {
        try {
          await writeClipboard(text);
          return true;
        } catch {
          return false;
        }
      },

      async addBackConnection(host) {
        set({ busy: 'backconnection', backConnection: null, error: null });
        try {
          const outcome = await api['server:add-backconnection']({ host });
          set({ backConnection: { host, ok: true, outcome } });
        } catch (e) {
          const err = toApiError(e);
          set({ backConnection: { host, ok: false, kind: err.kind, message: err.message } });
        } finally {
          if (get().busy === 'backconnection') set({ busy: null });
        }
        // History shows the change; keep its list current.
        if (get().historyLoaded) await get().loadHistory();
      },
    };
  });
}

/** True when the scan found something worth fixing. */
export function needsFixing(report: DiagnosisReport | null): boolean {
  return !!report && actionable(report.findings).length > 0;
}
