import { FIX_IDS, type ClientFixId } from '../../core/diagnosis/finding';
import { scanMachine } from '../../core/diagnosis/scan';
import { ExproxyError } from '../../core/errors';
import type { ApplyOutcome } from '../../core/fixes/outcome';
import { HttpsProbe } from '../../adapters/node';
import type { ChangeRequest } from '../change-service';
import { accountsWithoutNtlm, checkProxies, mergeProxyFindings } from '../proxy-checks';
import type { CommandContext } from './command-context';
import { EXIT } from './exit-codes';
import { removedLines } from './format-causes';
import { formatPlan } from './format-report';
import { timeoutOption } from './probe-command';
import { checkFixesInScope, defaultFixes } from './unattended';

const APPLY_EXIT: Record<ApplyOutcome['status'], number> = {
  applied: EXIT.ok,
  'nothing-to-do': EXIT.ok,
  blocked: EXIT.blocked,
  'plan-changed': EXIT.blocked,
  'elevation-declined': EXIT.elevationDeclined,
  'failed-rolled-back': EXIT.failedRolledBack,
};

/** `exproxy apply FIX...`: plan, show, ask (unless --yes or a fleet scope), apply that plan. */
export async function applyCommand(c: CommandContext, fixArgs: readonly string[]): Promise<number> {
  const named = fixArgs.length === 0 && c.scope ? defaultFixes(c.scope) : [...fixArgs];
  if (named.length === 0) throw new ExproxyError('usage', `Name at least one fix: ${FIX_IDS.join(', ')}.`);
  const unknown = named.filter((f) => !(FIX_IDS as readonly string[]).includes(f));
  if (unknown.length > 0)
    throw new ExproxyError('usage', `Unknown fix "${unknown[0]}". Known fixes: ${FIX_IDS.join(', ')}.`);
  const fixes = named as ClientFixId[];
  if (c.scope) checkFixesInScope(c.scope, fixes);
  const credentials = credentialChoices(c, fixes);
  c.record.fixes = fixes;
  const service = await c.changeService();
  service.assertChangeable();
  const request: ChangeRequest = {
    kind: 'fixes',
    fixes,
    profile: c.v.profile,
    machineWide: c.scope === 'machine',
    skipAccounts: await accountsWhoseProxyRefusesNtlm(c, fixes),
    ...(credentials && { credentials }),
  };
  const run = {
    preflight: c.preflight,
    consent: c.consent,
    onProposal: c.recordProposal,
    onRecovery: c.reportRecovery,
  };
  // A fleet run has no one to show a plan to: the deployment is the consent, the fresh plan
  // under the lock applies (after the scope check), and the plan is printed with the outcome.
  if (c.scope) {
    const outcome = await service.apply(request, null, run);
    c.record.outcome = outcome;
    if (!c.v.json) c.io.out(formatPlan(c.t, outcome.plan, c.locale));
    return reportApply(c, outcome);
  }
  const proposal = await service.propose(request);
  c.recordProposal(proposal);
  const outcome = await confirmAndApply(c, proposal.plan, () =>
    service.apply(request, proposal.fingerprint, run),
  );
  return outcome === null ? EXIT.ok : reportApply(c, outcome);
}

/**
 * remove-saved-credentials removes exactly the saved sign-ins named with --credential (as
 * diagnose lists them), interactive or unattended: never "all", never one not named.
 */
function credentialChoices(c: CommandContext, fixes: readonly ClientFixId[]) {
  const named = c.v.credential ?? [];
  const removing = fixes.includes('remove-saved-credentials');
  if (!removing && named.length > 0) throw new ExproxyError('usage', c.t('causes.credentialWithoutFix'));
  if (!removing) return undefined;
  if (named.length === 0) throw new ExproxyError('usage', c.t('causes.needsCredential'));
  return named.map((targetName) => ({ targetName }));
}

/**
 * KB820281: NTLM must work end to end before a profile uses it. Unless --no-network, ask
 * each proxy first and leave the accounts behind one that refuses NTLM as they are.
 */
async function accountsWhoseProxyRefusesNtlm(
  c: CommandContext,
  fixes: readonly ClientFixId[],
): Promise<string[]> {
  if (c.v['no-network'] || !fixes.includes('proxy-auth-ntlm')) return [];
  const machine = await c.machine();
  const { report } = await scanMachine(machine.registry, machine.system, new Date(), machine.scanSource);
  const checked = await checkProxies(report, machine, new HttpsProbe(), {
    timeoutMs: timeoutOption(c.v.timeout),
  });
  const skipped = accountsWithoutNtlm(mergeProxyFindings(report, checked));
  for (const key of skipped) c.io.err(c.t('skippedNoNtlm', { account: key.replace('|', ' / ') }));
  return skipped;
}

/** Shows the plan and asks; null when the person said no. */
export async function confirmAndApply(
  c: CommandContext,
  plan: ApplyOutcome['plan'],
  apply: () => Promise<ApplyOutcome>,
): Promise<ApplyOutcome | null> {
  if (!c.v.json) c.io.out(formatPlan(c.t, plan, c.locale));
  const acts = plan.changes.length + (plan.removals?.length ?? 0) > 0;
  if (acts && !c.v.yes && !c.scope) {
    if (!c.io.ask)
      throw new ExproxyError('usage', 'No one to confirm the change: add --yes to apply without asking.');
    const answer = (await c.io.ask(c.t('confirm'))).trim().toLowerCase();
    if (answer !== 'yes' && answer !== 'y') {
      c.io.out(c.t('cancelled'));
      return null;
    }
  }
  const outcome = await apply();
  c.record.outcome = outcome;
  return outcome;
}

/** Skips that mean a fix asked for could not be made here (a policy decides, or damaged data). */
const REFUSING_SKIPS: ReadonlySet<string> = new Set(['policy-sets-value', 'value-unreadable']);

export function reportApply(c: CommandContext, outcome: ApplyOutcome): number {
  // Nothing changed because what the fixes would change is left alone: blocked, not "done".
  const leftAlone =
    outcome.status === 'nothing-to-do' &&
    (outcome.plan.skipped ?? []).some((s) => REFUSING_SKIPS.has(s.reason));
  const code = leftAlone ? EXIT.blocked : APPLY_EXIT[outcome.status];
  if (c.v.json) {
    c.json({ ...outcome, exitCode: code });
    return code;
  }
  switch (outcome.status) {
    case 'applied':
      c.io.out(
        outcome.plan.changes.length > 0
          ? c.t('applied', { id: outcome.changeId, backup: outcome.backupPath })
          : c.t('causes.appliedRemovals', { id: outcome.changeId }),
      );
      for (const line of removedLines(c.t, outcome.removals)) c.io.out(line);
      if (outcome.restartOutlook) c.io.out(c.t('restartOutlook'));
      if (outcome.restartWindows) c.io.out(c.t('restartWindows'));
      if (outcome.plan.changes.length > 0) c.io.out(c.t('undoHint', { id: outcome.changeId }));
      break;
    case 'nothing-to-do':
      if (leftAlone) c.io.err(c.t('causes.leftAlone'));
      else c.io.out(c.t('nothingToDo'));
      break;
    case 'plan-changed':
      c.io.err(c.t('planChanged'));
      c.io.err(formatPlan(c.t, outcome.plan, c.locale));
      break;
    case 'blocked':
      c.io.err(c.t('blocked', { reason: outcome.reason }));
      break;
    case 'elevation-declined':
      c.io.err(c.t('declined'));
      break;
    case 'failed-rolled-back':
      c.io.err(c.t('failedRolledBack', { reason: outcome.reason }));
      for (const line of removedLines(c.t, outcome.removals)) c.io.err(line);
      break;
  }
  return code;
}
