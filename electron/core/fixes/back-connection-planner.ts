import { ExproxyError } from '../errors';
import { isValidHostName } from '../lsa/host-name';
import { checkWriteAllowed, MSV1_0_KEY, needsElevation } from '../registry/allowlist';
import type { RegTree } from '../registry/reg-tree';
import { serializeRegValue, type RegValue } from '../registry/reg-value';
import type { ChangePlan } from './change-plan';

export const BACK_CONNECTION_VALUE = 'BackConnectionHostNames';

/**
 * KB914137 / KB896861: let the server accept Windows sign-in to one more of its own names by
 * merging the name into MSV1_0\BackConnectionHostNames (kept as it is, no duplicates).
 */
export function planBackConnectionHost(tree: RegTree, host: string): ChangePlan {
  const name = host.trim();
  if (!isValidHostName(name)) throw new ExproxyError('usage', `"${host}" is not a DNS host name.`);
  const before = tree.getValue(MSV1_0_KEY, BACK_CONNECTION_VALUE);
  let current: string[] = [];
  if (before) {
    if (before.type !== 'REG_MULTI_SZ')
      throw new ExproxyError(
        'blocked',
        `${BACK_CONNECTION_VALUE} exists as ${before.type}, not REG_MULTI_SZ; fix it by hand before adding names.`,
      );
    current = before.data.filter((s) => s.length > 0);
    const odd = current.find((s) => !isValidHostName(s));
    if (odd !== undefined)
      throw new ExproxyError(
        'blocked',
        `${BACK_CONNECTION_VALUE} already holds "${odd}", which is not a host name; remove it by hand first.`,
      );
  }
  const base = {
    fixes: ['backconnection-host'] as const,
    removals: [],
    skipped: [],
    restartOutlook: false,
    restartWindows: false,
    undoable: true,
  };
  if (current.some((s) => s.toLowerCase() === name.toLowerCase()))
    return { ...base, changes: [], alreadyDone: ['backconnection-host'], needsElevation: false };
  const after: RegValue = { type: 'REG_MULTI_SZ', data: [...current, name] };
  const kind = checkWriteAllowed(MSV1_0_KEY, BACK_CONNECTION_VALUE, after);
  return {
    ...base,
    changes: [
      {
        fix: 'backconnection-host',
        kind,
        profile: null,
        account: null,
        path: MSV1_0_KEY,
        name: BACK_CONNECTION_VALUE,
        view: 'default',
        before: before ? serializeRegValue(before) : null,
        after: serializeRegValue(after),
        elevated: needsElevation(kind),
      },
    ],
    alreadyDone: [],
    needsElevation: true,
  };
}
