import type { DiagnosisReport } from '../core/diagnosis/diagnosis-report';
import type { ClientFixId } from '../core/diagnosis/finding';
import { scanMachine } from '../core/diagnosis/scan';
import { ExproxyError, UnreadableInputError } from '../core/errors';
import { planBackConnectionHost } from '../core/fixes/back-connection-planner';
import type { CredentialChoice } from '../core/fixes/cause-fix-plan';
import type { ChangePlan, ChangeRecord } from '../core/fixes/change-plan';
import { FixEngine } from '../core/fixes/fix-engine';
import { planFixes } from '../core/fixes/fix-planner';
import type { JournalStore } from '../core/fixes/journal-store';
import { withMachineLock } from '../core/fixes/machine-lock';
import type { ApplyOutcome, RollbackOutcome } from '../core/fixes/outcome';
import { planFingerprint } from '../core/fixes/plan-fingerprint';
import type { RecoveryOptions, RecoveryReport } from '../core/fixes/recovery-report';
import type { EventLogPort } from '../core/machine/event-log-port';
import { applyEvent, recoveryEvents, refusalEvent, rollbackEvent } from '../core/report/change-events';
import type { MachineContext } from './machine-context';
import type { RegTree } from '../core/registry/reg-tree';

/** What a host asks to change; the plan is always made fresh from the machine. */
export type ChangeRequest =
  | {
      readonly kind: 'fixes';
      readonly fixes: readonly ClientFixId[];
      readonly profile?: string;
      /** Machine scope: the LAN Manager level for every user, not only this one's NTLM accounts. */
      readonly machineWide?: boolean;
      /** Accounts ("profile|section") whose proxy refuses NTLM: never switched to it. */
      readonly skipAccounts?: readonly string[];
      /**
       * For remove-saved-credentials: the saved sign-ins the person picked (target, and type when
       * picked from the list), checked against a fresh listing under the lock; never "all".
       */
      readonly credentials?: readonly CredentialChoice[];
    }
  | { readonly kind: 'backconnection'; readonly host: string };

export interface Proposal {
  readonly plan: ChangePlan;
  /** Pass back to `apply` to bind the write to exactly this plan. */
  readonly fingerprint: string;
  readonly report: DiagnosisReport;
  /** The registry as the scan read it: the plan's "before" values, and every key it writes into. */
  readonly tree: RegTree;
}

export interface ChangeServiceDeps {
  readonly machine: MachineContext;
  readonly journal: JournalStore;
  readonly events: EventLogPort;
  /** "DOMAIN\user" for the audit trail. */
  readonly actor: string;
  /** Unattended machine scope already runs as SYSTEM or an administrator: HKLM directly, no UAC. */
  readonly alreadyElevated?: boolean;
  readonly now?: () => Date;
  /** Notes for a person (a stale lock taken over). */
  readonly log?: (line: string) => void;
}

export interface RunOptions {
  /** Checks the run's context (fleet scope) under the lock, before anything is read for writing. */
  readonly preflight?: (machine: MachineContext) => Promise<void>;
  readonly consent?: RecoveryOptions['consent'];
  /** Sees the fresh plan made under the lock (fleet reports record its scan). */
  readonly onProposal?: (proposal: Proposal) => void;
  /** Sees what recovery did before the change (the CLI prints it). */
  readonly onRecovery?: (report: RecoveryReport) => void;
}

/**
 * The one planner path: scan, then plan the request. The change service plans this way before
 * every apply, and the legacy-PC kit plans this way on a collected PC (which it never writes).
 */
export async function proposeChange(
  machine: Pick<MachineContext, 'registry' | 'system'> &
    Partial<Pick<MachineContext, 'scanSource' | 'credentials'>>,
  req: ChangeRequest,
  now = new Date(),
): Promise<Proposal> {
  const { report, tree } = await scanMachine(machine.registry, machine.system, now, machine.scanSource, {
    credentials: machine.credentials,
  });
  const plan =
    req.kind === 'fixes'
      ? planFixes(report, tree, {
          fixes: req.fixes,
          profile: req.profile,
          machineWide: req.machineWide,
          skipAccounts: req.skipAccounts,
          credentials: req.credentials,
        })
      : planBackConnectionHost(tree, req.host);
  return { plan, fingerprint: await planFingerprint(plan), report, tree };
}

function requestFixes(req: ChangeRequest): readonly string[] {
  return req.kind === 'fixes' ? req.fixes : ['backconnection-host'];
}

/**
 * The one way any host changes a machine (CLI, Electron main, browser demo, fleet runs; the
 * legacy-PC kit plans through `propose` without writing): under the machine lock it finishes
 * interrupted changes, makes the plan fresh, refuses when it is not the plan the person
 * approved, applies through the fix engine (its only caller), and writes the audit events.
 */
export class ChangeService {
  private readonly engine: FixEngine;
  private readonly now: () => Date;

  constructor(private readonly deps: ChangeServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    const { machine } = deps;
    this.engine = new FixEngine({
      registry: machine.registry,
      elevated: deps.alreadyElevated ? machine.registry : machine.elevated,
      system: machine.system,
      journal: deps.journal,
      credentials: machine.credentials,
      now: this.now,
    });
  }

  /** Scans the machine and plans the request: what would change, before → after. Writes nothing. */
  propose(req: ChangeRequest): Promise<Proposal> {
    return proposeChange(this.deps.machine, req, this.now());
  }

  /**
   * Applies the request if its fresh plan is the approved one (`approved`: a fingerprint from
   * `propose`). Null only where the person approved the request itself rather than a shown
   * plan: unattended runs (the deployment is the consent) and adding one named host.
   */
  async apply(req: ChangeRequest, approved: string | null, opts: RunOptions = {}): Promise<ApplyOutcome> {
    const fixes = requestFixes(req);
    this.assertChangeable();
    try {
      const outcome = await this.locked(`apply ${fixes.join(' ')}`, async () => {
        await opts.preflight?.(this.deps.machine);
        await this.recoverLocked(opts, true);
        const fresh = await this.propose(req);
        opts.onProposal?.(fresh);
        if (approved !== null && fresh.fingerprint !== approved) {
          return {
            status: 'plan-changed' as const,
            changeId: null,
            plan: fresh.plan,
            fingerprint: fresh.fingerprint,
            steps: [],
            reason:
              'The settings changed since this plan was shown; nothing was changed. Review the new plan.',
            backupPath: null,
            restartOutlook: false,
            restartWindows: false,
          };
        }
        return this.engine.apply(fresh.plan);
      });
      await this.deps.events.write(applyEvent(outcome, this.deps.actor));
      return outcome;
    } catch (e) {
      if (e instanceof ExproxyError && e.kind !== 'usage')
        await this.deps.events.write(refusalEvent(e.message, this.deps.actor, fixes));
      throw e;
    }
  }

  /** Undoes an applied change (`last`: the newest one); null when there is none. */
  async rollback(
    id: string | { readonly last: true },
    opts: RunOptions = {},
  ): Promise<{ readonly id: string; readonly outcome: RollbackOutcome } | null> {
    this.assertChangeable();
    const done = await this.locked(`undo ${typeof id === 'string' ? id : 'the last change'}`, async () => {
      await opts.preflight?.(this.deps.machine);
      await this.recoverLocked(opts, true);
      const changeId = typeof id === 'string' ? id : (await this.engine.lastApplied())?.id;
      return changeId ? { id: changeId, outcome: await this.engine.rollback(changeId) } : null;
    });
    if (done) await this.deps.events.write(rollbackEvent(done.outcome, this.deps.actor));
    return done;
  }

  /** Finishes interrupted changes (start-up); elevated ones only with consent. */
  recover(consent?: RecoveryOptions['consent']): Promise<RecoveryReport> {
    return this.locked('recovery', () => this.recoverLocked({ consent }, false));
  }

  /** A collected PC is never changed from here: its place is taken by a fix kit run on that PC. */
  assertChangeable(): void {
    const pc = this.deps.machine.collected;
    if (pc)
      throw new ExproxyError(
        'blocked',
        `${pc.computer ?? 'This PC'} is a collected PC: nothing on it is changed from here, and nothing was changed. ` +
          'Make a fix kit for it (exproxy kit fix … --machine FOLDER --out KIT, or "Make a fix kit" in the wizard) and run that on the PC.',
      );
  }

  history(): Promise<ChangeRecord[]> {
    return this.deps.journal.list();
  }

  private locked<T>(purpose: string, fn: () => Promise<T>): Promise<T> {
    return withMachineLock(this.deps.machine.lock, `${this.deps.actor}: ${purpose}`, async (note) => {
      if (note) this.deps.log?.(note);
      return fn();
    });
  }

  /**
   * Before a change: records that cannot be trusted are set aside and stop this run (exit 3;
   * the next run goes on), and a recovery waiting for consent stops it too (exit 5).
   */
  private async recoverLocked(opts: RunOptions, beforeChange: boolean): Promise<RecoveryReport> {
    const report = await this.engine.recover({ consent: opts.consent });
    for (const event of recoveryEvents(report, this.deps.actor)) await this.deps.events.write(event);
    opts.onRecovery?.(report);
    if (!beforeChange) return report;
    if (report.setAside.length > 0)
      throw new UnreadableInputError(
        `${report.setAside.length === 1 ? 'A change record' : `${report.setAside.length} change records`} could not be trusted and ${
          report.setAside.length === 1 ? 'was' : 'were'
        } moved aside: ${report.setAside.map((s) => `${s.file} (${s.reason})`).join('; ')}. Nothing else was done; run again to continue.`,
        report.setAside[0]!.file,
      );
    if (report.awaitingConsent.length > 0)
      throw new ExproxyError(
        'blocked',
        `An interrupted change (${report.awaitingConsent.map((i) => i.id).join(', ')}) needs administrator rights to finish, and nobody agreed to that here; nothing was changed. Open the wizard, or run this again interactively.`,
      );
    return report;
  }
}
