import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { scanMachine } from '../core/diagnosis/scan';
import { hasActionableFindings } from '../core/diagnosis/rules';
import { FIX_IDS, type FixId } from '../core/diagnosis/finding';
import type { ChangePlan } from '../core/fixes/change-plan';
import type { ApplyOutcome } from '../core/fixes/outcome';
import { ExproxyError, UnreadableInputError } from '../core/errors';
import { FixEngine } from '../core/fixes/fix-engine';
import { withMachineLock } from '../core/fixes/machine-lock';
import { FileMachineLock } from '../adapters/node/file-machine-lock';
import { planFixes } from '../core/fixes/fix-planner';
import { JournalFileStore } from '../adapters/node/journal-file-store';
import { writeFileAtomic } from '../adapters/node/atomic-file';
import { FileEventLog } from '../adapters/node/file-event-log';
import type { EventLogPort } from '../core/machine/event-log-port';
import { applyEvent, refusalEvent, rollbackEvent } from '../core/report/change-events';
import { machineDataDir, userDataDir } from '../services/app-paths';
import { openMachine, type MachineContext } from '../services/machine-context';
import { cliLanguage, createCliT } from './cli-i18n';
import type { CliIo } from './cli-io';
import { EXIT, exitCodeFor } from './exit-codes';
import { formatDiagnosis, formatPlan } from './format-report';
import { writePrf } from './prf-command';
import { formatEvents, formatIisReadings, guidesCommand, SERVER_USAGE } from './server-command';
import { planBackConnectionHost } from '../core/fixes/back-connection-planner';
import { matchedServerEvents } from '../services/server-tools';
import { formatProbe, formatProxyChecks, parseProbeUrl, readCaFile, timeoutOption } from './probe-command';
import { HttpsProbe } from '../adapters/node/https-probe';
import { proxyFindings } from '../core/proxy-check/proxy-findings';
import { accountsWithoutNtlm, checkProxies, mergeProxyFindings } from '../services/proxy-checks';
import type { DiagnosisReport } from '../core/diagnosis/diagnosis-report';
import {
  checkFixesInScope,
  checkScopeContext,
  defaultFixes,
  parseScope,
  runningAs,
  type Scope,
} from './unattended';

export const USAGE = `Exchange Proxy Wizard — command line

  exproxy diagnose [--hive FILE | --machine DIR] [--json]
  exproxy apply FIX... [--profile NAME] [--hive FILE | --machine DIR] [--yes] [--json] [--state DIR]
  exproxy rollback [--last | CHANGE_ID] [--hive FILE | --machine DIR] [--state DIR] [--json]
  exproxy history [--state DIR] [--json]
  exproxy prf --profile NAME --out FILE.prf [--hive FILE | --machine DIR]
  exproxy probe --url https://HOST[:PORT] [--ca FILE] [--connect-to IP[:PORT]] [--timeout MS] [--json]
  exproxy server guides [--guide ID] [--server NAME] [--fqdn HOST] [--json]
  exproxy server events [--hive FILE | --machine DIR] [--json]
  exproxy server iis [--hive FILE | --machine DIR] [--json]
  exproxy server backconnection --host FQDN [--hive FILE | --machine DIR] [--yes] [--json] [--state DIR]

diagnose also asks each Exchange proxy which sign-in methods it offers (no password is sent);
--no-network turns that off. Simulated machines only reach test servers listed in machine.json.

Unattended (fleet) options for diagnose/apply/rollback:
  --scope user|machine   user: profile fix as the signed-in user; machine: LmCompatibilityLevel as SYSTEM/admin
                         (apply without FIX runs the scope's fix: proxy-auth-ntlm / lmcompat-3; implies --yes)
  --report FILE          write the outcome as JSON (exit code, before/after, changes)
  --silent               no window (packaged app); the CLI prints as usual

Fixes: ${FIX_IDS.join(', ')}
Exit codes: 0 ok · 10 findings present · 2 usage · 3 unreadable input · 4 administrator prompt declined
            5 blocked (nothing changed) · 6 failed and rolled back · 1 unexpected`;

const OPTIONS = {
  hive: { type: 'string' },
  machine: { type: 'string' },
  json: { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  profile: { type: 'string' },
  state: { type: 'string' },
  last: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  scope: { type: 'string' },
  report: { type: 'string' },
  silent: { type: 'boolean', default: false },
  out: { type: 'string' },
  url: { type: 'string' },
  ca: { type: 'string' },
  'connect-to': { type: 'string' },
  timeout: { type: 'string' },
  'no-network': { type: 'boolean', default: false },
  guide: { type: 'string' },
  server: { type: 'string' },
  fqdn: { type: 'string' },
  host: { type: 'string' },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

class Cli {
  /** What `--report FILE` records about this run. */
  readonly record: Record<string, unknown> = {};
  readonly scope: Scope | null;

  constructor(
    private readonly io: CliIo,
    private readonly t: TFunction,
    private readonly args: Parsed,
  ) {
    this.scope = parseScope(args.values.scope);
  }

  private stateDir(): string {
    return (
      this.v.state ?? (this.scope === 'machine' ? machineDataDir(this.io.env) : userDataDir(this.io.env))
    );
  }

  /** The audit trail: the Windows event log on a real Windows PC, a file for simulated machines. */
  private async eventLog(): Promise<EventLogPort> {
    const file = new FileEventLog(join(this.stateDir(), 'events.log'));
    // Simulated machines (and anything off Windows) never write to a real event log.
    if (this.v.hive || this.v.machine || process.platform !== 'win32') return file;
    const { WindowsEventLog } = await import('../adapters/windows/windows-event-log');
    const { execFileRunner, systemTool } = await import('../adapters/windows/process-runner');
    return new WindowsEventLog(execFileRunner, file, systemTool('eventcreate.exe', this.io.env));
  }

  private get v() {
    return this.args.values;
  }

  private json(obj: unknown): void {
    this.io.out(JSON.stringify(obj, null, 2));
  }

  private async machine(): Promise<MachineContext> {
    if (this.v.hive && this.v.machine) throw new ExproxyError('usage', 'Use --hive or --machine, not both.');
    const ctx = await openMachine({ hive: this.v.hive, machine: this.v.machine });
    if (ctx.note) this.io.err(ctx.note);
    return ctx;
  }

  /**
   * Apply, rollback and recovery hold the machine lock (in the state folder), so a second
   * run — the wizard or another CLI — is refused instead of interleaving with this one.
   */
  private locked<T>(purpose: string, fn: () => Promise<T>): Promise<T> {
    return withMachineLock(new FileMachineLock(this.stateDir()), purpose, async (note) => {
      if (note) this.io.err(note);
      return fn();
    });
  }

  private async engine(ctx: MachineContext): Promise<FixEngine> {
    // Machine scope already runs with administrator rights: HKLM is written directly, no UAC.
    const elevated = this.scope === 'machine' ? ctx.registry : ctx.elevated;
    const engine = new FixEngine({ ...ctx, elevated, journal: new JournalFileStore(this.stateDir()) });
    const recovered = await engine.recover();
    if (recovered.length > 0) this.io.err(this.t('recovered', { ids: recovered.join(', ') }));
    return engine;
  }

  async diagnose(): Promise<number> {
    const ctx = await this.machine();
    const scanned = (await scanMachine(ctx.registry, ctx.system)).report;
    let report = scanned;
    if (!this.v['no-network']) {
      const timeoutMs = timeoutOption(this.v.timeout);
      report = mergeProxyFindings(scanned, await checkProxies(scanned, ctx, new HttpsProbe(), { timeoutMs }));
    }
    this.record.diagnosis = report;
    if (this.v.json) this.json(report);
    else
      this.io.out(
        [formatDiagnosis(this.t, report), ...formatProxyChecks(this.t, report.proxyChecks ?? [])].join('\n'),
      );
    return hasActionableFindings(report.findings) ? EXIT.findings : EXIT.ok;
  }

  async apply(fixArgs: string[]): Promise<number> {
    if (fixArgs.length === 0 && this.scope) fixArgs = defaultFixes(this.scope);
    if (fixArgs.length === 0)
      throw new ExproxyError('usage', `Name at least one fix: ${FIX_IDS.join(', ')}.`);
    const unknown = fixArgs.filter((f) => !(FIX_IDS as readonly string[]).includes(f));
    if (unknown.length > 0)
      throw new ExproxyError('usage', `Unknown fix "${unknown[0]}". Known fixes: ${FIX_IDS.join(', ')}.`);
    const fixes = fixArgs as FixId[];
    if (this.scope) checkFixesInScope(this.scope, fixes);
    this.record.fixes = fixes;
    const outcome = await this.applyUnderLock(`exproxy apply ${fixes.join(' ')}`, fixes, async (ctx) => {
      if (this.scope) await checkScopeContext(this.scope, ctx.system);
      const { report, tree } = await scanMachine(ctx.registry, ctx.system);
      this.record.diagnosis = report;
      const skipAccounts = await this.accountsWhoseProxyRefusesNtlm(report, ctx, fixes);
      return planFixes(report, tree, {
        fixes,
        profile: this.v.profile,
        machineWide: this.scope === 'machine',
        skipAccounts,
      });
    });
    return outcome === null ? EXIT.ok : this.reportApply(outcome);
  }

  /**
   * The one way the CLI changes a machine: under the lock, read the machine (a run that waited
   * must see the other's writes), plan, confirm, apply; every outcome and refusal goes to the
   * audit log. Null when the person said no.
   */
  private async applyUnderLock(
    purpose: string,
    fixes: readonly FixId[],
    makePlan: (ctx: MachineContext) => Promise<ChangePlan>,
  ): Promise<ApplyOutcome | null> {
    const events = await this.eventLog();
    const who = runningAs(this.io.env);
    let outcome: ApplyOutcome | null;
    try {
      outcome = await this.locked(purpose, async () => {
        const ctx = await this.machine();
        const engine = await this.engine(ctx);
        return this.confirmAndApply(engine, await makePlan(ctx));
      });
    } catch (e) {
      if (e instanceof ExproxyError && e.kind !== 'usage')
        await events.write(refusalEvent(e.message, who, fixes));
      throw e;
    }
    if (outcome === null) return null;
    await events.write(applyEvent(outcome, who));
    this.record.outcome = outcome;
    this.record.eventLog = events.where;
    return outcome;
  }

  /**
   * KB820281: NTLM must work end to end before a profile uses it. Unless --no-network, ask
   * each proxy first and leave the accounts behind one that refuses NTLM as they are.
   */
  private async accountsWhoseProxyRefusesNtlm(
    report: DiagnosisReport,
    ctx: MachineContext,
    fixes: readonly FixId[],
  ): Promise<string[]> {
    if (this.v['no-network'] || !fixes.includes('proxy-auth-ntlm')) return [];
    const checked = await checkProxies(report, ctx, new HttpsProbe(), {
      timeoutMs: timeoutOption(this.v.timeout),
    });
    const skipped = accountsWithoutNtlm(mergeProxyFindings(report, checked));
    for (const key of skipped) this.io.err(this.t('skippedNoNtlm', { account: key.replace('|', ' / ') }));
    return skipped;
  }

  private async confirmAndApply(engine: FixEngine, plan: ChangePlan): Promise<ApplyOutcome | null> {
    if (!this.v.json) this.io.out(formatPlan(this.t, plan));
    // An unattended (scoped) run has no one to ask: the deployment itself is the consent.
    if (plan.changes.length > 0 && !this.v.yes && !this.scope) {
      if (!this.io.ask)
        throw new ExproxyError('usage', 'No one to confirm the change: add --yes to apply without asking.');
      const answer = (await this.io.ask(this.t('confirm'))).trim().toLowerCase();
      if (answer !== 'yes' && answer !== 'y') {
        this.io.out(this.t('cancelled'));
        return null;
      }
    }
    return engine.apply(plan);
  }

  private reportApply(outcome: ApplyOutcome): number {
    const code = {
      applied: EXIT.ok,
      'nothing-to-do': EXIT.ok,
      blocked: EXIT.blocked,
      'elevation-declined': EXIT.elevationDeclined,
      'failed-rolled-back': EXIT.failedRolledBack,
    }[outcome.status];
    if (this.v.json) {
      this.json({ ...outcome, exitCode: code });
      return code;
    }
    switch (outcome.status) {
      case 'applied':
        this.io.out(this.t('applied', { id: outcome.changeId, backup: outcome.backupPath }));
        if (outcome.restartOutlook) this.io.out(this.t('restartOutlook'));
        if (outcome.restartWindows) this.io.out(this.t('restartWindows'));
        this.io.out(this.t('undoHint', { id: outcome.changeId }));
        break;
      case 'nothing-to-do':
        this.io.out(this.t('nothingToDo'));
        break;
      case 'blocked':
        this.io.err(this.t('blocked', { reason: outcome.reason }));
        break;
      case 'elevation-declined':
        this.io.err(this.t('declined'));
        break;
      case 'failed-rolled-back':
        this.io.err(this.t('failedRolledBack', { reason: outcome.reason }));
        break;
    }
    return code;
  }

  async rollback(ids: string[]): Promise<number> {
    if (ids.length > 1 || (ids.length === 1 && this.v.last))
      throw new ExproxyError('usage', 'Name one change id, or --last.');
    if (ids.length === 0 && !this.v.last) throw new ExproxyError('usage', this.t('needsChangeId'));
    const done = await this.locked(`exproxy rollback ${ids[0] ?? '--last'}`, async () => {
      const engine = await this.engine(await this.machine());
      const id = ids[0] ?? (await engine.lastApplied())?.id;
      return id ? { id, outcome: await engine.rollback(id) } : null;
    });
    if (!done) {
      this.io.out(this.t('noChangeToUndo'));
      return EXIT.ok;
    }
    const { id, outcome } = done;
    await (await this.eventLog()).write(rollbackEvent(outcome, runningAs(this.io.env)));
    this.record.outcome = outcome;
    const code = {
      'rolled-back': EXIT.ok,
      blocked: EXIT.blocked,
      'elevation-declined': EXIT.elevationDeclined,
      failed: EXIT.failedRolledBack,
    }[outcome.status];
    if (this.v.json) {
      this.json({ ...outcome, exitCode: code });
      return code;
    }
    if (outcome.status === 'rolled-back') {
      this.io.out(this.t('rolledBack', { id }));
      if (outcome.restartOutlook) this.io.out(this.t('restartOutlook'));
      if (outcome.restartWindows) this.io.out(this.t('restartWindows'));
    } else if (outcome.status === 'elevation-declined') this.io.err(this.t('declined'));
    else if (outcome.status === 'blocked') this.io.err(this.t('rollbackBlocked', { reason: outcome.reason }));
    else this.io.err(this.t('rollbackFailed', { reason: outcome.reason }));
    return code;
  }

  async probe(): Promise<number> {
    const url = parseProbeUrl(this.v.url);
    const result = await new HttpsProbe().probe(url, {
      ca: readCaFile(this.v.ca),
      connectTo: this.v['connect-to'],
      timeoutMs: timeoutOption(this.v.timeout),
    });
    const findings = proxyFindings(result, {
      profile: null,
      account: null,
      proxyServer: new URL(url).host,
      principalName: null,
      authScheme: null,
    });
    this.record.probe = { ...result, findings };
    if (this.v.json)
      this.json({
        url,
        status: result.status,
        schemes: result.schemes,
        findings,
        certificate: result.certificate,
        failure: result.failure,
      });
    else {
      this.io.out(formatProbe(this.t, result).join('\n'));
      for (const f of findings)
        this.io.out(`  ${f.id}: ${this.t(`findings.${f.id}`, { ...f.facts, profile: '' })}`);
    }
    return findings.some((f) => f.severity !== 'info') ? EXIT.findings : EXIT.ok;
  }

  /** `exproxy server guides|events|backconnection`: the server-side troubleshooter. */
  async server(rest: string[]): Promise<number> {
    const [sub, ...extra] = rest;
    if (extra.length > 0)
      throw new ExproxyError('usage', `server ${sub} takes no arguments (got "${extra[0]}").`);
    if (sub === 'guides') {
      guidesCommand(this.io, cliLanguage(this.io.env), { ...this.v, json: this.v.json ?? false });
      return EXIT.ok;
    }
    if (sub === 'events') {
      const events = await matchedServerEvents(await this.machine());
      this.record.events = events;
      if (this.v.json) this.json(events);
      else this.io.out(formatEvents(this.t, events));
      return events.length > 0 ? EXIT.findings : EXIT.ok;
    }
    if (sub === 'iis') {
      const readings = await (await this.machine()).iis.read();
      if (this.v.json) this.json(readings);
      else this.io.out(formatIisReadings(this.t, readings));
      return readings.some((r) => !r.kerberosPossible) ? EXIT.findings : EXIT.ok;
    }
    if (sub === 'backconnection') {
      if (!this.v.host) throw new ExproxyError('usage', 'server backconnection needs --host FQDN.');
      const host = this.v.host;
      const outcome = await this.applyUnderLock(
        `exproxy server backconnection ${host}`,
        ['backconnection-host'],
        async (ctx) => planBackConnectionHost((await scanMachine(ctx.registry, ctx.system)).tree, host),
      );
      if (outcome === null) return EXIT.ok;
      const code = this.reportApply(outcome);
      if (outcome.status === 'applied' && !this.v.json) this.io.out(this.t('restartIisAdmin'));
      return code;
    }
    throw new ExproxyError('usage', `Unknown server command "${sub ?? ''}".\n${SERVER_USAGE}`);
  }

  async prf(): Promise<number> {
    if (!this.v.profile || !this.v.out)
      throw new ExproxyError('usage', 'prf needs --profile NAME and --out FILE.prf.');
    const ctx = await this.machine();
    const { report } = await scanMachine(ctx.registry, ctx.system);
    const written = writePrf(report, this.v.profile, this.v.out);
    this.io.out(
      this.t('prfWritten', { file: written.file, profile: written.profile, account: written.account }),
    );
    this.io.out(this.t('prfHowTo', { file: written.file }));
    return EXIT.ok;
  }

  async history(): Promise<number> {
    const stateDir = this.stateDir();
    const records = await new JournalFileStore(stateDir).list();
    if (this.v.json) this.json(records);
    else {
      this.io.out(this.t('stateDir', { dir: stateDir }));
      for (const r of records)
        this.io.out(`${r.id}  ${r.createdAt}  ${r.state.padEnd(18)} ${r.fixes.join(' ')}`);
    }
    return EXIT.ok;
  }
}

async function runCommand(cli: Cli, command: string, rest: string[]): Promise<number> {
  switch (command) {
    case 'diagnose':
      if (rest.length > 0) throw new ExproxyError('usage', `diagnose takes no arguments (got "${rest[0]}").`);
      return cli.diagnose();
    case 'apply':
      return cli.apply(rest);
    case 'rollback':
      return cli.rollback(rest);
    case 'history':
      return cli.history();
    case 'prf':
      return cli.prf();
    case 'probe':
      return cli.probe();
    case 'server':
      return cli.server(rest);
    default:
      throw new ExproxyError('usage', `Unknown command "${command}".`);
  }
}

function failureCode(e: unknown): number {
  if (e instanceof UnreadableInputError) return EXIT.unreadable;
  if (e instanceof ExproxyError) return exitCodeFor(e.kind);
  return EXIT.unexpected;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const t = createCliT(cliLanguage(io.env));
  let debug = argv.includes('--debug');
  try {
    let args: Parsed;
    try {
      args = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new ExproxyError('usage', (e as Error).message);
    }
    debug = args.values.debug ?? false;
    const [command, ...rest] = args.positionals;
    if (args.values.help || command === 'help' || command === undefined) {
      io.out(USAGE);
      return command === undefined && !args.values.help ? EXIT.usage : EXIT.ok;
    }
    const cli = new Cli(io, t, args);
    const startedAt = new Date().toISOString();
    let code: number = EXIT.unexpected;
    let failure: { kind: string; message: string } | null = null;
    try {
      code = await runCommand(cli, command, rest);
      return code;
    } catch (e) {
      failure = {
        kind: e instanceof ExproxyError ? e.kind : 'unexpected',
        message: e instanceof Error ? e.message : String(e),
      };
      code = failureCode(e);
      throw e;
    } finally {
      if (args.values.report) {
        mkdirSync(dirname(args.values.report), { recursive: true });
        const run = {
          tool: 'exproxy',
          command,
          scope: cli.scope,
          startedAt,
          finishedAt: new Date().toISOString(),
        };
        writeFileAtomic(
          args.values.report,
          JSON.stringify({ ...run, exitCode: code, error: failure, ...cli.record }, null, 2) + '\n',
        );
      }
    }
  } catch (e) {
    if (debug && e instanceof Error) io.err(e.stack ?? e.message);
    if (e instanceof UnreadableInputError) {
      io.err(t('error.unreadable', { message: e.message }));
      return EXIT.unreadable;
    }
    if (e instanceof ExproxyError) {
      if (e.kind === 'usage') io.err(`${t('error.usage', { message: e.message })}\n${t('error.seeHelp')}`);
      else io.err(e.message);
      return exitCodeFor(e.kind);
    }
    io.err(t('error.unexpected', { message: e instanceof Error ? e.message : String(e) }));
    return EXIT.unexpected;
  }
}
