import { ExproxyError } from '../../core/errors';
import type { RollbackOutcome } from '../../core/fixes/outcome';
import type { CommandContext } from './command-context';
import { EXIT } from './exit-codes';
import { removedLines } from './format-causes';

const ROLLBACK_EXIT: Record<RollbackOutcome['status'], number> = {
  'rolled-back': EXIT.ok,
  blocked: EXIT.blocked,
  'elevation-declined': EXIT.elevationDeclined,
  failed: EXIT.failedRolledBack,
};

/** `exproxy rollback CHANGE_ID | --last`. */
export async function rollbackCommand(c: CommandContext, ids: readonly string[]): Promise<number> {
  if (ids.length > 1 || (ids.length === 1 && c.v.last))
    throw new ExproxyError('usage', 'Name one change id, or --last.');
  if (ids.length === 0 && !c.v.last) throw new ExproxyError('usage', c.t('needsChangeId'));
  const service = await c.changeService();
  const done = await service.rollback(ids[0] ?? { last: true }, {
    preflight: c.preflight,
    consent: c.consent,
  });
  if (!done) {
    c.io.out(c.t('noChangeToUndo'));
    return EXIT.ok;
  }
  const { id, outcome } = done;
  c.record.outcome = outcome;
  const code = ROLLBACK_EXIT[outcome.status];
  if (c.v.json) {
    c.json({ ...outcome, exitCode: code });
    return code;
  }
  if (outcome.status === 'rolled-back') {
    c.io.out(c.t('rolledBack', { id }));
    if (outcome.restartOutlook) c.io.out(c.t('restartOutlook'));
    if (outcome.restartWindows) c.io.out(c.t('restartWindows'));
  } else if (outcome.status === 'elevation-declined') c.io.err(c.t('declined'));
  else if (outcome.status === 'blocked') c.io.err(c.t('rollbackBlocked', { reason: outcome.reason }));
  else c.io.err(c.t('rollbackFailed', { reason: outcome.reason }));
  // Whatever happened to the values, saved sign-ins the change removed stay removed: said.
  if (outcome.notUndone && outcome.notUndone.length > 0) {
    for (const line of removedLines(c.t, outcome.notUndone)) c.io.out(line);
    c.io.out(c.t('causes.notUndoneNote'));
  }
  return code;
}
