import { toApiError } from '../api/api-error';
import type {
  ApplyOutcome,
  ChangePlan,
  CredentialPick,
  DiagnosisReport,
  FixId,
  SavedReport,
} from '../contract';
import { toggledPicks } from './cause-view';
import { recommendedFixes, toggledFixes, type StepId } from './model';
import { RESUME_KEY, saveSnapshot, takeSnapshot } from './resume-snapshot';
import type { StoreKit } from './store-kit';

/** A plan as shown to the person, with the fingerprint an apply must match. */
export type ShownPlan = ChangePlan & { readonly fingerprint: string };

/** The wizard's steps: scan, plan, apply, restart, verify, report. */
export interface FlowState {
  readonly step: StepId;
  /** The first scan of this session: the "before". */
  readonly report: DiagnosisReport | null;
  readonly selectedFixes: readonly FixId[];
  /** The saved sign-ins the person picked for removal: none until they pick (never all by default). */
  readonly credentialPicks: readonly CredentialPick[];
  /** The plan shown on Settings; its fingerprint binds the apply to exactly this plan. */
  readonly plan: ShownPlan | null;
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
}

export interface FlowActions {
  goTo(step: StepId): void;
  start(): Promise<void>;
  scan(): Promise<void>;
  toggleFix(fix: FixId, on: boolean): void;
  /** Picks or unpicks one saved sign-in, and plans again so Settings shows what would go. */
  toggleCredential(pick: CredentialPick, on: boolean): Promise<void>;
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
  /** Opened by the resume entry after a Windows restart: Verify, with the "before" kept from then. */
  resumeAtVerify(): Promise<void>;
  saveReport(): Promise<SavedReport | null>;
  copySummary(): Promise<void>;
}

/** What a fresh start resets in this slice. */
export const flowFresh = {
  step: 'welcome',
  report: null,
  selectedFixes: [],
  credentialPicks: [],
  plan: null,
  mode: null,
  manualChecked: [],
  outlookRunning: null,
  waitingForOutlook: false,
  outcome: null,
  outlookRestarted: false,
  windowsRestart: 'none',
  confirmRestart: false,
  afterReport: null,
  resumed: false,
  saved: null,
  copyStatus: 'idle',
} as const satisfies FlowState;

/** The fixes to plan or apply, with the picked sign-ins when their removal is one of them. */
function fixRequest(s: Pick<FlowState, 'selectedFixes' | 'credentialPicks'>): {
  fixes: FixId[];
  credentials?: CredentialPick[];
} {
  const fixes = [...s.selectedFixes];
  // No pick is no list at all (the service plans "none picked" and says so).
  return fixes.includes('remove-saved-credentials') && s.credentialPicks.length > 0
    ? { fixes, credentials: s.credentialPicks.map((p) => ({ ...p })) }
    : { fixes };
}

export function createFlowSlice(kit: StoreKit): FlowState & FlowActions {
  const { api, set, get, storage, deps, poll } = kit;
  return {
    ...flowFresh,

    goTo(step) {
      if (step !== 'prepare') kit.stopPoll();
      set({ step, view: 'wizard', error: null });
    },

    async start() {
      set({ step: 'scan' });
      await get().scan();
    },

    async scan() {
      set({ step: 'scan' });
      const started = Date.now();
      const report = await kit.run('scan', async () => {
        const r = await api['scan:run']();
        const left = (deps.minScanMs ?? 0) - (Date.now() - started);
        if (left > 0) await new Promise((ok) => setTimeout(ok, left));
        return r;
      });
      if (!report) return;
      const checked = await get().checkProxy(report);
      set({
        report: checked,
        selectedFixes: recommendedFixes(checked),
        credentialPicks: [],
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

    async toggleCredential(pick, on) {
      set({ credentialPicks: toggledPicks(get().credentialPicks, pick, on) });
      await get().planSelected();
    },

    async planSelected() {
      const { selectedFixes } = get();
      if (selectedFixes.length === 0) {
        set({ plan: null, step: 'settings' });
        return;
      }
      const plan = await kit.run('plan', () => api['fix:plan'](fixRequest(get())));
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
        if (!running) kit.stopPoll();
        return running;
      } catch (e) {
        const err = toApiError(e);
        set({ error: { action: 'apply', kind: err.kind, message: err.message } });
        return null;
      }
    },

    waitForOutlookClosed(intervalMs = 1000) {
      kit.stopPoll();
      set({ waitingForOutlook: true });
      poll.timer = setInterval(() => {
        if (poll.inFlight) return;
        poll.inFlight = true;
        void get()
          .checkOutlook()
          .finally(() => {
            poll.inFlight = false;
          });
      }, intervalMs);
      return () => kit.stopPoll();
    },

    stopWaiting() {
      kit.stopPoll();
    },

    async apply() {
      const { selectedFixes, credentialPicks, plan } = get();
      kit.stopPoll();
      if (!plan) return get().goTo('settings');
      set({ step: 'apply', outcome: null });
      const outcome = await kit.run('apply', () =>
        api['fix:apply']({
          ...fixRequest({ selectedFixes, credentialPicks }),
          fingerprint: plan.fingerprint,
        }),
      );
      if (!outcome) return;
      if (outcome.status === 'plan-changed' && outcome.fingerprint) {
        // The machine moved since the person looked: show the new plan for approval instead.
        set({
          plan: { ...outcome.plan, fingerprint: outcome.fingerprint },
          step: 'settings',
          // Shown on Settings, beside the new plan (Apply explains only its own failures).
          error: { action: 'plan', kind: outcome.status, message: outcome.reason ?? '' },
        });
        return;
      }
      set({ outcome, plan: { ...outcome.plan, fingerprint: plan.fingerprint } });
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
      const r = await kit.run('restart-outlook', () => api['outlook:start']());
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
      const ok = await kit.run('restart-windows', async () => {
        await api['resume:register']();
        saveSnapshot(storage, get());
        return api['windows:restart']({ confirmed: true });
      });
      if (!ok) return;
      set({ windowsRestart: 'now', busy: 'restart-windows' });
      // The browser demo "restarts" by reloading; app:info then reports resumeAtVerify.
      if (get().appInfo?.mode === 'demo') deps.reload?.();
    },

    async restartWindowsLater() {
      const ok = await kit.run('restart-windows', async () => {
        await api['resume:register']();
        saveSnapshot(storage, get());
        return true;
      });
      if (ok) set({ windowsRestart: 'later' });
    },

    async verify() {
      set({ step: 'verify' });
      const scanned = await kit.run('verify', () => api['scan:run']());
      if (!scanned) return;
      // Compare like with like: when the first scan asked the proxy, the re-check does too.
      const after = get().report?.proxyChecks ? await get().checkProxy(scanned) : scanned;
      set({
        afterReport: after,
        report: get().report ?? after,
        outlookRunning: after.machine.outlookRunning,
      });
      // Once the person has seen the result, a later restart no longer needs to reopen us here.
      if (get().resumed) storage?.removeItem(RESUME_KEY);
    },

    async resumeAtVerify() {
      const snap = takeSnapshot(storage);
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
    },

    async saveReport() {
      const saved = await kit.run('save', () => api['report:save']({ locale: get().locale }));
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
        await kit.writeClipboard(saved.summary);
        set({ copyStatus: 'copied' });
      } catch {
        set({ copyStatus: 'failed' });
      }
    },
  };
}
