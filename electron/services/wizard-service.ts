import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosisReport } from '../core/diagnosis/diagnosis-report';
import { scanMachine } from '../core/diagnosis/scan';
import { ExproxyError } from '../core/errors';
import { FixEngine } from '../core/fixes/fix-engine';
import { planFixes } from '../core/fixes/fix-planner';
import type { JournalStore } from '../core/fixes/journal-store';
import { withMachineLock, type MachineLock } from '../core/fixes/machine-lock';
import { REPORT_LABELS } from '../core/report/report-labels';
import { buildTicketReport, ticketReportHtml, ticketSummary } from '../core/report/ticket-report';
import { checkWriteAllowed, RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../core/registry/allowlist';
import { writeFileAtomic } from '../adapters/node/atomic-file';
import { HttpsProbe } from '../adapters/node/https-probe';
import { planBackConnectionHost } from '../core/fixes/back-connection-planner';
import { buildPrf, encodePrf } from '../core/outlook/prf';
import type { HttpProbe } from '../core/proxy-check/http-probe-port';
import { serverGuides } from '../core/server-guides/guides';
import { accountsWithoutNtlm, checkProxies, mergeProxyFindings } from './proxy-checks';

/** A person is waiting on the Scan step: a proxy that has not answered by then counts as unreachable. */
const PROXY_CHECK_TIMEOUT_MS = 5_000;
import { matchedServerEvents } from './server-tools';
import type { AppInfo, ChannelArgs, ChannelResults, Channel } from '../shared/ipc-contract';
import type { MachineContext } from './machine-context';

export interface WizardServiceDeps {
  readonly machine: MachineContext;
  readonly journal: JournalStore;
  /** Held around apply, rollback and recovery: a second wizard or a CLI run is refused meanwhile. */
  readonly lock: MachineLock;
  /** Where notes go (e.g. a stale lock was taken over). */
  readonly log?: (message: string) => void;
  /** Folder for saved reports. */
  readonly reportsDir: string;
  readonly appInfo: () => AppInfo;
  /** Command line that reopens the wizard at verification after a restart. */
  readonly resumeCommand: string;
  readonly now?: () => Date;
  /** The proxy check's HTTP client (tests pass their own). */
  readonly probe?: HttpProbe;
}

type Handlers = { [C in Channel]: (...args: ChannelArgs<C>) => Promise<ChannelResults[C]> };

/**
 * The main-process services, host-neutral: Electron's IPC and the browser host both call
 * these after validating the request. Keeps the scan the person first saw, so the report
 * and the verification step can show before → after.
 */
export class WizardService implements Handlers {
  private firstScan: DiagnosisReport | null = null;
  private lastScan: DiagnosisReport | null = null;
  private readonly sessionChanges: string[] = [];
  private readonly engine: FixEngine;
  private readonly now: () => Date;

  constructor(private readonly deps: WizardServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.engine = new FixEngine({ ...deps.machine, journal: deps.journal, now: this.now });
  }

  /** Finishes any change a crash interrupted; call once at start-up. */
  recover(): Promise<string[]> {
    return this.locked('the wizard: recovery', () => this.engine.recover());
  }

  private locked<T>(purpose: string, fn: () => Promise<T>): Promise<T> {
    return withMachineLock(this.deps.lock, purpose, async (note) => {
      if (note) this.deps.log?.(note);
      return fn();
    });
  }

  private async scan() {
    const result = await scanMachine(this.deps.machine.registry, this.deps.machine.system, this.now());
    this.firstScan ??= result.report;
    this.lastScan = result.report;
    return result;
  }

  async 'app:info'(): Promise<AppInfo> {
    return this.deps.appInfo();
  }

  async 'scan:run'(): Promise<DiagnosisReport> {
    this.proxyRefusedNtlm = [];
    return (await this.scan()).report;
  }

  async 'fix:plan'(req: ChannelArgs<'fix:plan'>[0]) {
    const { report, tree } = await this.scan();
    return planFixes(report, tree, { ...req, skipAccounts: this.proxyRefusedNtlm });
  }

  async 'fix:apply'(req: ChannelArgs<'fix:apply'>[0]) {
    const outcome = await this.locked(`the wizard: apply ${req.fixes.join(' ')}`, async () => {
      const { report, tree } = await this.scan();
      return this.engine.apply(planFixes(report, tree, { ...req, skipAccounts: this.proxyRefusedNtlm }));
    });
    if (outcome.changeId) this.sessionChanges.push(outcome.changeId);
    return outcome;
  }

  async 'fix:rollback'(req: ChannelArgs<'fix:rollback'>[0]) {
    const outcome = await this.locked(`the wizard: undo ${req.changeId}`, () =>
      this.engine.rollback(req.changeId),
    );
    if (!this.sessionChanges.includes(req.changeId)) this.sessionChanges.push(req.changeId);
    return outcome;
  }

  async 'history:list'() {
    return this.deps.journal.list();
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
    const records = (await this.deps.journal.list())
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
    const sim = this.deps.machine.simulated;
    if (!sim) throw new ExproxyError('usage', 'Only a simulated Outlook can be opened or closed from here.');
    sim.facts.outlookRunning = req.running;
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

  async 'prf:save'(req: ChannelArgs<'prf:save'>[0]) {
    const report = this.lastScan ?? (await this.scan()).report;
    const prf = buildPrf(report, req.profile);
    mkdirSync(this.deps.reportsDir, { recursive: true });
    const safe = prf.profile.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'profile';
    const path = join(this.deps.reportsDir, `${safe}-ntlm.prf`);
    writeFileAtomic(path, encodePrf(prf.text));
    return { path, text: prf.text, account: prf.account };
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
    const outcome = await this.locked(`the wizard: add ${req.host} to BackConnectionHostNames`, async () => {
      const { tree } = await this.scan();
      return this.engine.apply(planBackConnectionHost(tree, req.host));
    });
    if (outcome.changeId) this.sessionChanges.push(outcome.changeId);
    return outcome;
  }
}
