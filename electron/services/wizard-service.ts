import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findAutodiscoverRevertsIn, mergeReverts } from '../core/autodiscover/reverted';
import type { DiagnosisReport } from '../core/diagnosis/diagnosis-report';
import { scanMachine } from '../core/diagnosis/scan';
import { ExproxyError } from '../core/errors';
import type { ChangeRecord } from '../core/fixes/change-plan';
import { EMPTY_RECOVERY, type RecoveryReport } from '../core/fixes/recovery-report';
import { REPORT_LABELS } from '../core/report/report-labels';
import { buildTicketReport, ticketReportHtml, ticketSummary } from '../core/report/ticket-report';
import { checkWriteAllowed, RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../core/registry/allowlist';
import { writeFileAtomic, HttpsProbe } from '../adapters/node';
import { buildPrf, encodePrf } from '../core/outlook/prf';
import { PrfRefusedError } from '../core/outlook/prf-refusal';
import type { HttpProbe } from '../core/proxy-check/http-probe-port';
import { serverGuides } from '../core/server-guides/guides';
import type { ChangeService } from './change-service';
import { accountsWithoutNtlm, checkProxies, mergeProxyFindings } from './proxy-checks';
import { matchedServerEvents } from './server-tools';
import type {
  AppInfo,
  ChannelArgs,
  ChannelResults,
  Channel,
  CollectedPcInfo,
  Delivery,
  HostInfo,
  KitLogEntry,
  MadeKit,
} from '../shared/ipc-contract';
import type { KitService } from './kit-service';
import type { MachineContext } from './machine-context';
import type { SessionChannel } from './wizard-sessions';

/** A person is waiting on the Scan step: a proxy that has not answered by then counts as unreachable. */
const PROXY_CHECK_TIMEOUT_MS = 5_000;

export interface WizardServiceDeps {
  readonly machine: MachineContext;
  /** The one way to change the machine: lock, fresh plan bound to what was shown, engine, audit. */
  readonly changes: ChangeService;
  /** Folder for saved reports. */
  readonly reportsDir: string;
  readonly appInfo: () => HostInfo | Promise<HostInfo>;
  /** Fix kits and collect.cmd (absent: those channels say they are not available here). */
  readonly kits?: KitService;
  /** Set when the machine is a collected PC (the banner, the kit). */
  readonly collected?: CollectedPcInfo | null;
  /** Command line that reopens the wizard at verification after a restart. */
  readonly resumeCommand: string;
  readonly now?: () => Date;
  /** The proxy check's HTTP client (tests pass their own). */
  readonly probe?: HttpProbe;
}

/** Every channel but those that switch machines (`WizardSessions` handles them). */
type MachineChannel = Exclude<Channel, SessionChannel>;
type Handlers = { [C in MachineChannel]: (...args: ChannelArgs<C>) => Promise<ChannelResults[C]> };

/**
 * The main-process services, host-neutral: Electron's IPC and the browser host both call
 * these after validating the request. Keeps the scan the person first saw, so the report
 * and the verification step can show before → after.
 */
export class WizardService implements Handlers {
  private firstScan: DiagnosisReport | null = null;
  private lastScan: DiagnosisReport | null = null;
  private readonly sessionChanges: string[] = [];
  private readonly now: () => Date;
  /** What start-up recovery did, and what waits for the person's agreement. */
  private recovery: RecoveryReport = EMPTY_RECOVERY;
  /** Opened by the resume-after-restart entry (as 'app:info' last said). */
  private resumedAtVerify = false;

  constructor(private readonly deps: WizardServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * At start-up: finishes what a crash interrupted where only this user's values are involved;
   * anything needing administrator rights waits until the person has seen it and agreed.
   */
  async recover(): Promise<RecoveryReport> {
    this.recovery = await this.deps.changes.recover();
    return this.recovery;
  }

  /** The start-up recovery's report (for the wizard's "finish an interrupted change" notice). */
  async 'recovery:status'(): Promise<RecoveryReport> {
    return this.recovery;
  }

  /** The person saw the interrupted change and agreed to finish it (administrator rights). */
  async 'recovery:finish'(req: ChannelArgs<'recovery:finish'>[0]): Promise<RecoveryReport> {
    if (!this.recovery.awaitingConsent.some((i) => i.id === req.id))
      throw new ExproxyError('usage', `No interrupted change ${req.id} is waiting.`);
    const done = await this.deps.changes.recover(async (item) => item.id === req.id);
    this.recovery = {
      recovered: [...this.recovery.recovered, ...done.recovered],
      setAside: [...this.recovery.setAside, ...done.setAside],
      awaitingConsent: done.awaitingConsent,
    };
    return this.recovery;
  }

  private async scan() {
    const result = await scanMachine(
      this.deps.machine.registry,
      this.deps.machine.system,
      this.now(),
      this.deps.machine.scanSource,
      { credentials: this.deps.machine.credentials },
    );
    this.firstScan ??= result.report;
    this.lastScan = result.report;
    return result;
  }

  async 'app:info'(): Promise<AppInfo> {
    const info = await this.deps.appInfo();
    // Asked once at start (asking again may mean something else in the demo host).
    this.resumedAtVerify = info.resumeAtVerify;
    return { ...info, collected: this.deps.collected ?? null };
  }

  async 'scan:run'(): Promise<DiagnosisReport> {
    this.proxyRefusedNtlm = [];
    return this.withReverts((await this.scan()).report);
  }

  /**
   * Verify: accounts a change of this session switched to NTLM that are on Basic again (Outlook
   * 2007+ took Basic back from Autodiscover). After a Windows restart the wizard reopens at Verify
   * with no session: then the newest applied change is the one to check.
   */
  private async withReverts(report: DiagnosisReport): Promise<DiagnosisReport> {
    const resumed = this.sessionChanges.length === 0 && this.resumedAtVerify;
    if (this.sessionChanges.length === 0 && !resumed) return report;
    const history = await this.deps.changes.history();
    const records = resumed
      ? history.filter((r) => r.state === 'applied').slice(0, 1)
      : history.filter((r) => this.sessionChanges.includes(r.id));
    const before = this.firstScan === report ? null : this.firstScan;
    const merged = mergeReverts(report, findAutodiscoverRevertsIn(before, records, report));
    if (this.lastScan === report) this.lastScan = merged;
    if (this.firstScan === report) this.firstScan = merged;
    return merged;
  }

  private fixRequest(req: ChannelArgs<'fix:plan'>[0]) {
    return {
      kind: 'fixes' as const,
      fixes: req.fixes,
      profile: req.profile,
      skipAccounts: this.proxyRefusedNtlm,
      credentials: req.credentials,
    };
  }

  /** The plan the person will see, with the fingerprint that binds an apply to it. */
  async 'fix:plan'(req: ChannelArgs<'fix:plan'>[0]) {
    const proposal = await this.deps.changes.propose(this.fixRequest(req));
    this.lastScan = proposal.report;
    this.firstScan ??= proposal.report;
    return { ...proposal.plan, fingerprint: proposal.fingerprint };
  }

  /** Applies exactly the plan shown (by its fingerprint); a machine that moved gets `plan-changed`. */
  async 'fix:apply'(req: ChannelArgs<'fix:apply'>[0]) {
    const { fingerprint, ...rest } = req;
    const outcome = await this.deps.changes.apply(this.fixRequest(rest), fingerprint);
    if (outcome.changeId) this.sessionChanges.push(outcome.changeId);
    return outcome;
  }

  async 'fix:rollback'(req: ChannelArgs<'fix:rollback'>[0]) {
    const done = await this.deps.changes.rollback(req.changeId);
    if (!done) throw new ExproxyError('usage', `No change with id ${req.changeId} in the journal.`);
    if (!this.sessionChanges.includes(req.changeId)) this.sessionChanges.push(req.changeId);
    return done.outcome;
  }

  async 'history:list'(): Promise<readonly ChangeRecord[]> {
    return this.deps.changes.history();
  }

  async 'outlook:status'() {
    return { running: await this.deps.machine.system.isOutlookRunning() };
  }

  async 'outlook:start'() {
    await this.deps.machine.system.startOutlook();
    return { started: true };
  }

  async 'windows:restart'(req: ChannelArgs<'windows:restart'>[0]) {
    if (req.confirmed !== true) throw new ExproxyError('usage', 'A restart needs explicit confirmation.');
    await this.deps.machine.system.restartWindows();
    return { scheduled: true };
  }

  async 'resume:register'() {
    const entry = { type: 'REG_SZ', data: this.deps.resumeCommand } as const;
    checkWriteAllowed(RUN_ONCE_KEY, RESUME_VALUE_NAME, entry);
    await this.deps.machine.registry.setValue(RUN_ONCE_KEY, RESUME_VALUE_NAME, entry);
    return { registered: true };
  }

  async 'report:save'(req: ChannelArgs<'report:save'>[0]) {
    const labels = REPORT_LABELS[req.locale];
    const records = (await this.deps.changes.history())
      .filter((r) => this.sessionChanges.includes(r.id))
      .reverse();
    const now = this.now();
    const after = records.length > 0 && this.lastScan !== this.firstScan ? this.lastScan : null;
    const report = buildTicketReport(this.firstScan, after, records, now);
    const html = ticketReportHtml(report, labels, req.locale);
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    mkdirSync(this.deps.reportsDir, { recursive: true });
    const htmlPath = join(this.deps.reportsDir, `exchange-proxy-report-${stamp}.html`);
    const jsonPath = join(this.deps.reportsDir, `exchange-proxy-report-${stamp}.json`);
    writeFileAtomic(htmlPath, html);
    writeFileAtomic(jsonPath, JSON.stringify(report, null, 2) + '\n');
    return { htmlPath, jsonPath, summary: ticketSummary(report, labels), html };
  }

  async 'demo:load-scenario'(): Promise<AppInfo> {
    throw new ExproxyError('usage', 'Scenarios exist only in the browser demo.');
  }

  async 'demo:set-outlook'(req: ChannelArgs<'demo:set-outlook'>[0]): Promise<{ running: boolean }> {
    const sim = this.deps.machine.simulation;
    if (!sim) throw new ExproxyError('usage', 'Only a simulated Outlook can be opened or closed from here.');
    sim.setOutlookRunning(req.running);
    return { running: req.running };
  }

  /** Cancels a running proxy check (the person pressed Cancel). */
  private proxyAbort: AbortController | null = null;
  /** Accounts whose proxy refused NTLM in the last check: never switched to NTLM. */
  private proxyRefusedNtlm: string[] = [];

  async 'proxy:check'(): Promise<DiagnosisReport> {
    const report = this.lastScan ?? (await this.scan()).report;
    this.proxyAbort?.abort();
    const abort = new AbortController();
    this.proxyAbort = abort;
    try {
      const outcome = await checkProxies(report, this.deps.machine, this.deps.probe ?? new HttpsProbe(), {
        signal: abort.signal,
        timeoutMs: PROXY_CHECK_TIMEOUT_MS,
      });
      const merged = mergeProxyFindings(report, outcome);
      if (!abort.signal.aborted) {
        this.lastScan = merged;
        this.proxyRefusedNtlm = accountsWithoutNtlm(merged);
        if (this.firstScan === report) this.firstScan = merged;
      }
      return merged;
    } finally {
      if (this.proxyAbort === abort) this.proxyAbort = null;
    }
  }

  async 'proxy:cancel'() {
    const running = this.proxyAbort !== null;
    this.proxyAbort?.abort();
    return { cancelled: running };
  }

  /** A PRF from a fresh scan (the legacy-account stamp is read from the registry itself). */
  async 'prf:save'(req: ChannelArgs<'prf:save'>[0]) {
    const scan = await scanMachine(this.deps.machine.registry, this.deps.machine.system, this.now());
    const outcome = buildPrf(scan, req.profile);
    if (!outcome.ok) throw new PrfRefusedError(outcome.refusal, req.locale ?? 'en');
    const { prf } = outcome;
    mkdirSync(this.deps.reportsDir, { recursive: true });
    const safe = prf.profile.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'profile';
    const path = join(this.deps.reportsDir, `${safe}-ntlm.prf`);
    writeFileAtomic(path, encodePrf(prf.text));
    return { path, text: prf.text, account: prf.account, notCovered: prf.notCovered };
  }

  async 'server:guides'(req: ChannelArgs<'server:guides'>[0]) {
    return serverGuides(req.locale, { server: req.server, fqdn: req.fqdn });
  }

  async 'server:events'() {
    return matchedServerEvents(this.deps.machine);
  }

  async 'server:iis'() {
    return this.deps.machine.iis.read();
  }

  async 'server:add-backconnection'(req: ChannelArgs<'server:add-backconnection'>[0]) {
    // The guide shows the exact name to add before the person presses the button; the fresh
    // plan under the lock adds that one name and nothing else.
    const outcome = await this.deps.changes.apply({ kind: 'backconnection', host: req.host }, null);
    if (outcome.changeId) this.sessionChanges.push(outcome.changeId);
    return outcome;
  }

  private get kits(): KitService {
    if (!this.deps.kits) throw new ExproxyError('usage', 'Fix kits are not available here.');
    return this.deps.kits;
  }

  async 'kit:collect-script'(req: ChannelArgs<'kit:collect-script'>[0]): Promise<Delivery> {
    return this.kits.collectScript(req.locale);
  }

  /** Plans like 'fix:plan' (same request, same fingerprint) and writes a kit instead of applying. */
  async 'kit:make'(req: ChannelArgs<'kit:make'>[0]): Promise<MadeKit> {
    if ('host' in req) return this.kits.make({ kind: 'backconnection', host: req.host }, null, req.language);
    const { fingerprint, language, ...rest } = req;
    return this.kits.make(this.fixRequest(rest), fingerprint, language);
  }

  async 'kit:download'(req: ChannelArgs<'kit:download'>[0]): Promise<Delivery> {
    return this.kits.download(req.id, req.locale);
  }

  async 'kit:log'(): Promise<readonly KitLogEntry[]> {
    return this.deps.kits?.log() ?? [];
  }
}
