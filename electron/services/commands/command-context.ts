import type { TFunction } from 'i18next';
import { ExproxyError } from '../../core/errors';
import type { RecoveryItem, RecoveryReport } from '../../core/fixes/recovery-report';
import type { Locale } from '../../core/locale';
import type { StateScope } from '../../core/machine/state-folder-port';
import { recoveryLines } from '../../core/report/change-events';
import { machineDataDir, userDataDir } from '../app-paths';
import { openChangeService } from '../open-change-service';
import type { ChangeService, Proposal } from '../change-service';
import { openMachine, type MachineContext } from '../machine-context';
import { cliLanguage } from './cli-i18n';
import type { CliIo } from './cli-io';
import { checkScopeContext, runningAs, type Scope } from './unattended';

/** The parsed command line: what every command reads. */
export interface CommandValues {
  readonly hive?: string;
  readonly machine?: string;
  readonly json?: boolean;
  readonly yes?: boolean;
  readonly profile?: string;
  readonly state?: string;
  readonly last?: boolean;
  readonly scope?: string;
  readonly out?: string;
  readonly url?: string;
  readonly ca?: string;
  readonly 'connect-to'?: string;
  readonly timeout?: string;
  readonly 'no-network'?: boolean;
  readonly guide?: string;
  readonly server?: string;
  readonly fqdn?: string;
  readonly host?: string;
  readonly lang?: string;
  /** `--credential TARGET`, repeatable: the saved sign-ins remove-saved-credentials removes. */
  readonly credential?: readonly string[];
}

/** What one run of a command has: its input and output, options, the machine and the change service. */
export class CommandContext {
  /** What `--report FILE` records about this run. */
  readonly record: Record<string, unknown> = {};
  private opened: MachineContext | null = null;
  private service: ChangeService | null = null;

  constructor(
    readonly io: CliIo,
    readonly t: TFunction,
    readonly v: CommandValues,
    readonly scope: Scope | null,
  ) {}

  /** The language of messages (as `t` speaks it). */
  get locale(): Locale {
    return cliLanguage(this.io.env);
  }

  stateDir(): string {
    return (
      this.v.state ?? (this.scope === 'machine' ? machineDataDir(this.io.env) : userDataDir(this.io.env))
    );
  }

  /** `--scope machine` keeps its journal in the machine-wide folder, which must be locked down. */
  stateScope(): StateScope {
    return this.scope === 'machine' ? 'machine' : 'user';
  }

  json(obj: unknown): void {
    this.io.out(JSON.stringify(obj, null, 2));
  }

  async machine(): Promise<MachineContext> {
    if (this.opened) return this.opened;
    if (this.v.hive && this.v.machine) throw new ExproxyError('usage', 'Use --hive or --machine, not both.');
    const ctx = await openMachine({ hive: this.v.hive, machine: this.v.machine });
    if (ctx.note) this.io.err(ctx.note);
    this.opened = ctx;
    return ctx;
  }

  async changeService(): Promise<ChangeService> {
    this.service ??= await openChangeService({
      machine: await this.machine(),
      stateDir: this.stateDir(),
      scope: this.stateScope(),
      actor: runningAs(this.io.env),
      // Machine scope already runs with administrator rights: HKLM is written directly, no UAC.
      alreadyElevated: this.scope === 'machine',
      log: (line) => this.io.err(line),
    });
    return this.service;
  }

  /** Checks fleet runs are in the right security context before anything is read for writing. */
  preflight = async (machine: MachineContext): Promise<void> => {
    if (this.scope) await checkScopeContext(this.scope, machine.system);
  };

  /** What recovery finished or set aside before this run's change, said on stderr. */
  reportRecovery = (report: RecoveryReport): void => {
    if (report.recovered.length > 0)
      this.io.err(
        this.t('recovered', { ids: report.recovered.map((r) => `${r.id} (${r.message})`).join(', ') }),
      );
    this.record.recovery = report;
  };

  /** The scan behind the plan, for `--report FILE`. */
  recordProposal = (proposal: Proposal): void => {
    this.record.diagnosis = proposal.report;
  };

  /**
   * Finishing an interrupted change with administrator rights is never silent: printed first
   * (and logged by the service). An unattended user-scope run has nobody to see it, so it waits.
   */
  consent = async (item: RecoveryItem): Promise<boolean> => {
    if (this.scope === 'user') return false;
    this.io.err(this.t('recoveryElevated', { id: item.id, lines: recoveryLines(item) }));
    return true;
  };
}
