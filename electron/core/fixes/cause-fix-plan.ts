/**
 * The cause fixes (core/causes) as part of a change plan: each planner's value changes become
 * planned changes checked against the one allowlist, its skips keep their reasons, and the
 * credential removal takes only entries the person picked from the listing the scan just made.
 */
import type { CauseContext } from '../causes/cause-context';
import type { CauseFixId } from '../causes/cause-finding';
import type { CausePlanPart, CredentialRemoval } from '../causes/cause-plan';
import { planLogonSecurity } from '../causes/logon-security';
import { planModernAuth } from '../causes/modern-auth';
import { planPromptAlwaysOff } from '../causes/prompt-setting';
import {
  planCredentialRemoval,
  type CredentialMatch,
  type CredentialSelection,
} from '../causes/saved-credentials';
import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import { ExproxyError } from '../errors';
import { equalsIgnoreAsciiCase } from '../registry/ascii-case';
import type { OutlookProfile } from '../outlook/profile-model';
import { checkWriteAllowed, needsElevation } from '../registry/allowlist';
import type { RegTree } from '../registry/reg-tree';
import { deserializeRegValue } from '../registry/reg-value';
import type { PlanSkip, PlannedChange } from './change-plan';

/**
 * A saved sign-in the person named: with its type when picked from the list (the wizard), or by
 * target name alone (`exproxy apply … --credential TARGET`), which means every removal candidate
 * of that name in the listing (one target may be saved as a generic and a Windows entry).
 */
export interface CredentialChoice {
  readonly targetName: string;
  readonly type?: number;
}

/** The choices as exact entries of the listing just taken; a name it does not hold is refused. */
export function resolveCredentialChoices(
  matches: readonly CredentialMatch[],
  choices: readonly CredentialChoice[],
): CredentialSelection[] {
  return choices.flatMap((choice) => {
    if (choice.type !== undefined) return [{ targetName: choice.targetName, type: choice.type }];
    const named = matches.filter(
      (m) => m.staleCandidate && equalsIgnoreAsciiCase(m.credential.targetName, choice.targetName),
    );
    if (named.length === 0)
      throw new ExproxyError(
        'usage',
        `"${choice.targetName}" is not one of the saved Outlook sign-ins that can be removed here; exproxy diagnose lists them.`,
        { targetName: choice.targetName },
      );
    return named.map((m) => ({ targetName: m.credential.targetName, type: m.credential.type }));
  });
}

export interface CausePlanResult {
  readonly changes: PlannedChange[];
  readonly removals: CredentialRemoval[];
  readonly skipped: PlanSkip[];
  readonly alreadyDone: CauseFixId[];
}

function part(
  fix: CauseFixId,
  ctx: CauseContext,
  report: DiagnosisReport,
  credentials: readonly CredentialChoice[] | undefined,
): CausePlanPart {
  switch (fix) {
    case 'prompt-always-off':
      return planPromptAlwaysOff(ctx);
    case 'logon-negotiate':
    case 'logon-ntlm':
      return planLogonSecurity(ctx, fix);
    case 'modern-auth-2013-on':
    case 'modern-auth-2016-default':
    case 'msoauth-autodiscover-on':
    case 'mapi-http-allow':
      return planModernAuth(ctx, fix);
    case 'remove-saved-credentials': {
      if (!report.savedCredentials)
        throw new ExproxyError(
          'blocked',
          'The saved sign-ins could not be listed on this machine, so none can be removed from here. ' +
            'Remove them in Credential Manager (Windows Credentials) instead.',
        );
      // Nothing is removed that was not named: without a pick the fix is left alone, and says so.
      if (!credentials || credentials.length === 0)
        return {
          fix,
          changes: [],
          removals: [],
          skipped: [{ fix, profile: null, account: null, reason: 'none-picked', facts: {} }],
        };
      return planCredentialRemoval(
        report.savedCredentials,
        resolveCredentialChoices(report.savedCredentials, credentials),
      );
    }
  }
}

/** A cause planner's change, checked again against the allowlist every write passes. */
function planned(c: CausePlanPart['changes'][number]): PlannedChange {
  for (const v of [c.before, c.after]) {
    const kind = checkWriteAllowed(c.path, c.name, v ? deserializeRegValue(v) : null);
    if (kind !== c.kind || needsElevation(kind))
      throw new ExproxyError('not-allowed', `${c.path}\\${c.name} is not a ${c.kind} value.`);
  }
  return { ...c, elevated: false };
}

/**
 * Plans the cause fixes asked for, in the order given, on the profiles chosen for this plan
 * (never one left over from an older Outlook unless it was named by its path).
 */
export function planCauseFixes(
  report: DiagnosisReport,
  tree: RegTree,
  profiles: readonly OutlookProfile[],
  fixes: readonly CauseFixId[],
  credentials?: readonly CredentialChoice[],
): CausePlanResult {
  if (fixes.includes('logon-negotiate') && fixes.includes('logon-ntlm'))
    throw new ExproxyError('usage', 'Choose either logon-negotiate or logon-ntlm, not both.');
  const ctx: CauseContext = { tree, profiles, installed: report.machine.outlook };
  const out: CausePlanResult = { changes: [], removals: [], skipped: [], alreadyDone: [] };
  for (const fix of fixes) {
    const p = part(fix, ctx, report, credentials);
    out.changes.push(...p.changes.map(planned));
    out.removals.push(...p.removals);
    out.skipped.push(...p.skipped);
    if (p.changes.length + p.removals.length + p.skipped.length === 0) out.alreadyDone.push(fix);
  }
  return out;
}
