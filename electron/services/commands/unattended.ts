import { CAUSE_FIX_IDS } from '../../core/causes/cause-finding';
import { LM_FIX_IDS, type FixId } from '../../core/diagnosis/finding';
import { ExproxyError } from '../../core/errors';
import type { SystemPort } from '../../core/machine/system-port';

/**
 * Fleet runs split the fixes by where they live: profile values and every other per-user
 * setting in the user's HKCU, and the user's saved sign-ins (a logon script, as that user), and
 * the LAN Manager level in HKLM (a startup script or SCCM, as SYSTEM, where no UAC prompt can
 * appear). SYSTEM has no user credential set, so machine scope never plans a removal.
 */
export type Scope = 'user' | 'machine';

const SCOPE_FIXES: Record<Scope, readonly FixId[]> = {
  user: ['proxy-auth-ntlm', ...CAUSE_FIX_IDS],
  machine: LM_FIX_IDS,
};

export function parseScope(value: string | undefined): Scope | null {
  if (value === undefined) return null;
  if (value === 'user' || value === 'machine') return value;
  throw new ExproxyError('usage', `--scope must be "user" or "machine" (got "${value}").`);
}

/** The fixes a scope runs when none are named: the KB820281 fix for that context. */
export function defaultFixes(scope: Scope): FixId[] {
  return [SCOPE_FIXES[scope][0]!];
}

export function checkFixesInScope(scope: Scope, fixes: readonly FixId[]): void {
  const outside = fixes.filter((f) => !SCOPE_FIXES[scope].includes(f));
  if (outside.length > 0) {
    const other: Scope = scope === 'user' ? 'machine' : 'user';
    throw new ExproxyError(
      'usage',
      `${outside.join(', ')} is not a ${scope}-scope fix; run it with --scope ${other}.`,
    );
  }
}

/** Refuses a run in the wrong security context before anything is read for writing. */
export async function checkScopeContext(scope: Scope, system: SystemPort): Promise<void> {
  if (scope === 'user' && (await system.isSystemAccount())) {
    throw new ExproxyError(
      'blocked',
      "User scope changes the signed-in user's Outlook profile, but this runs as SYSTEM, which has no such profile. " +
        'Run it as the user (a logon script or a user-context deployment); nothing was changed.',
    );
  }
  if (scope === 'machine' && !(await system.isElevated())) {
    throw new ExproxyError(
      'elevation-declined',
      'Machine scope writes HKEY_LOCAL_MACHINE and needs administrator rights, and an unattended run cannot ask for them. ' +
        'Run it as SYSTEM (a startup script, SCCM or Intune) or as an administrator; nothing was changed.',
    );
  }
}

/** "DOMAIN\user" for the audit trail. */
export function runningAs(env: NodeJS.ProcessEnv): string {
  const user = env.USERNAME ?? env.USER ?? 'unknown user';
  return env.USERDOMAIN ? `${env.USERDOMAIN}\\${user}` : user;
}
