/**
 * The values the cause fixes may write: the four cause kinds of registry/allowlist.ts (the one
 * allowlist every write passes). The same check classifies an undo, so a write may also restore
 * an earlier value or its absence (`null`). Policy keys (`Software\Policies`) are never on it.
 */
import { ExproxyError } from '../errors';
import { checkWriteAllowed, EXCHANGE_CLIENT_KEY, type AllowedWriteKind } from '../registry/allowlist';
import type { RegValue } from '../registry/reg-value';

export { EXCHANGE_CLIENT_KEY };

export const CAUSE_WRITE_KINDS = [
  'profile-config-flags',
  'profile-auth-package',
  'office-identity',
  'exchange-client-option',
] as const satisfies readonly AllowedWriteKind[];
export type CauseWriteKind = (typeof CAUSE_WRITE_KINDS)[number];

export function isCauseWriteKind(kind: AllowedWriteKind): kind is CauseWriteKind {
  return (CAUSE_WRITE_KINDS as readonly string[]).includes(kind);
}

/** Classifies a cause write (value `null` = delete the value) or throws `not-allowed`. */
export function checkCauseWriteAllowed(path: string, name: string, value: RegValue | null): CauseWriteKind {
  const kind = checkWriteAllowed(path, name, value);
  if (!isCauseWriteKind(kind))
    throw new ExproxyError(
      'not-allowed',
      `Refusing to write ${path}\\${name}: not a value a cause fix changes`,
      {
        path,
        name,
      },
    );
  return kind;
}
