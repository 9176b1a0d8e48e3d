import type { ChangePlan, PlannedChange } from '../fixes/change-plan';
import type { ApplyOutcome, RollbackOutcome } from '../fixes/outcome';
import type { RecoveryItem, RecoveryReport } from '../fixes/recovery-report';
import type { ProductEvent } from '../machine/event-log-port';
import { deserializeRegValue, describeRegValue, type SerializedRegValue } from '../registry/reg-value';

/** Stable event ids: monitoring rules match on them. */
export const EVENT_ID = {
  applied: 100,
  rolledBack: 101,
  nothingToDo: 102,
  blocked: 110,
  elevationRefused: 111,
  failedRolledBack: 120,
  rollbackFailed: 121,
  recovered: 130,
  recordSetAside: 131,
  recoveryWaiting: 132,
} as const;

function shown(v: SerializedRegValue | null): string {
  return v ? describeRegValue(deserializeRegValue(v)) : 'absent';
}

function changeLine(c: PlannedChange): string {
  const where = c.profile ? ` (profile "${c.profile}")` : '';
  const line = `${c.path}\\${c.name}${where}: ${shown(c.before)} -> ${shown(c.after)}`;
  // Security tools flag LmCompatibilityLevel writes as possible NTLM downgrades; say what this is.
  if (c.kind === 'lm-compatibility-level')
    return `${line}. This RAISES the LAN Manager authentication level (an upgrade, never a downgrade), as Microsoft KB820281 prescribes so that Outlook can sign in to the Exchange proxy with NTLM.`;
  if (c.kind === 'roh-auth-scheme')
    return `${line}. Outlook Anywhere proxy authentication Basic -> NTLM (KB820281), so Outlook stops asking for the password.`;
  if (c.kind === 'profile-config-flags')
    return `${line}. Only the "Always prompt for logon credentials" bit (0x8) is cleared; every other bit stays.`;
  if (c.kind === 'profile-auth-package')
    return `${line}. Outlook's "Logon network security" from Kerberos only (or None) to Negotiate/NTLM, which work off the domain network.`;
  return line;
}

/** Saved credentials a change removes or removed: names only, and that they cannot come back. */
function removalLines(outcome: ApplyOutcome): string {
  const list = outcome.removals ?? [];
  return list
    .map(
      (r) =>
        `\nSaved credential ${r.targetName} (type ${r.type}${r.userName ? `, user ${r.userName}` : ''}): ${
          r.removed ? 'REMOVED; this cannot be undone' : 'not removed'
        }.`,
    )
    .join('');
}

function header(who: string, what: string): string {
  return `Exchange Proxy Wizard ${what} (run by ${who}).`;
}

export function applyEvent(outcome: ApplyOutcome, who: string): ProductEvent {
  const lines = (plan: ChangePlan) => plan.changes.map(changeLine).join('\n');
  switch (outcome.status) {
    case 'applied':
      return {
        id: EVENT_ID.applied,
        level: 'information',
        message: `${header(who, `applied change ${outcome.changeId}`)}\n${lines(outcome.plan)}${removalLines(outcome)}\nBackup: ${outcome.backupPath ?? 'none (no registry value changed)'}`,
      };
    case 'nothing-to-do':
      return {
        id: EVENT_ID.nothingToDo,
        level: 'information',
        message: `${header(who, 'found nothing to change')} Fixes asked for: ${outcome.plan.fixes.join(', ')}.`,
      };
    case 'blocked':
    case 'plan-changed':
      return refusalEvent(outcome.reason ?? 'blocked', who, outcome.plan.fixes);
    case 'elevation-declined':
      return {
        id: EVENT_ID.elevationRefused,
        level: 'warning',
        message: `${header(who, 'did not change anything')} ${outcome.reason ?? 'Administrator rights were refused.'}`,
      };
    case 'failed-rolled-back':
      return {
        id: EVENT_ID.failedRolledBack,
        level: 'error',
        message: `${header(who, `could not complete change ${outcome.changeId}`)} ${outcome.reason}. Every value written was restored.\n${lines(outcome.plan)}${removalLines(outcome)}`,
      };
  }
}

export function refusalEvent(reason: string, who: string, fixes: readonly string[]): ProductEvent {
  return {
    id: EVENT_ID.blocked,
    level: 'warning',
    message: `${header(who, 'refused to change anything')} Fixes asked for: ${fixes.join(', ') || 'none'}. Reason: ${reason}`,
  };
}

export function rollbackEvent(outcome: RollbackOutcome, who: string): ProductEvent {
  const kept = (outcome.notUndone ?? []).map((r) => r.targetName);
  const keptNote =
    kept.length > 0
      ? ` The saved credentials it removed stay removed (cannot be undone): ${kept.join(', ')}.`
      : '';
  return outcome.status === 'rolled-back'
    ? {
        id: EVENT_ID.rolledBack,
        level: 'information',
        message: `${header(who, `undid change ${outcome.changeId}`)} The values recorded before the change were restored.${keptNote}`,
      }
    : {
        id: EVENT_ID.rollbackFailed,
        level: outcome.status === 'failed' ? 'error' : 'warning',
        message: `${header(who, `could not undo change ${outcome.changeId}`)} ${outcome.reason ?? outcome.status}`,
      };
}

/** One line per planned write of an interrupted change, for a person to read before it happens. */
export function recoveryLines(item: RecoveryItem): string {
  return item.writes
    .map(
      (w) =>
        `${w.path}\\${w.name}: ${shown(item.direction === 'forward' ? w.before : w.after)} -> ${shown(w.target)}`,
    )
    .join('\n');
}

/** Audit events for what recovery did, set aside, or left waiting for a person. */
export function recoveryEvents(report: RecoveryReport, who: string): ProductEvent[] {
  return [
    ...report.recovered.map((r) => ({
      id: EVENT_ID.recovered,
      level: r.state === 'needs-attention' ? ('warning' as const) : ('information' as const),
      message: `${header(who, `finished interrupted change ${r.id}`)} Now ${r.state}: ${r.message}`,
    })),
    ...report.setAside.map((s) => ({
      id: EVENT_ID.recordSetAside,
      level: 'warning' as const,
      message: `${header(who, 'set aside a change record it cannot trust')} ${s.file}: ${s.reason}`,
    })),
    ...report.awaitingConsent.map((i) => ({
      id: EVENT_ID.recoveryWaiting,
      level: 'warning' as const,
      message: `${header(who, `left interrupted change ${i.id} for a person`)} Finishing it needs administrator rights:\n${recoveryLines(i)}`,
    })),
  ];
}
