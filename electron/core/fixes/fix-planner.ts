import { CAUSE_FIX_IDS, type CauseFixId } from '../causes/cause-finding';
import { cloudAccountKeys } from '../causes/exchange-online';
import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import type { FixId } from '../diagnosis/finding';
import { ExproxyError } from '../errors';
import type { LsaState } from '../lsa/lsa-model';
import { encodeMapiValue, propValueName } from '../outlook/mapi-property';
import { PR_ROH_PROXY_AUTH_SCHEME } from '../outlook/mapi-tags';
import { profilesInUse, selectProfiles } from '../outlook/profile-selection';
import { ROHAUTH } from '../outlook/rpc-over-http';
import { checkWriteAllowed, isRestorableInvalidLevel, LSA_KEY, needsElevation } from '../registry/allowlist';
import type { RegTree } from '../registry/reg-tree';
import { serializeRegValue, type RegValue } from '../registry/reg-value';
import { planCauseFixes, type CredentialChoice } from './cause-fix-plan';
import type { ChangePlan, PlanSkip, PlannedChange } from './change-plan';
import { OUTLOOK_CLOSED_KINDS } from './outlook-closed';

export const AUTH_SCHEME_VALUE = propValueName(PR_ROH_PROXY_AUTH_SCHEME);
const LM_TARGET: Partial<Record<FixId, number>> = { 'lmcompat-3': 3, 'lmcompat-2': 2 };

export interface PlanRequest {
  readonly fixes: readonly FixId[];
  /**
   * Limit profile fixes to one profile: a name (case-insensitive) means the one the installed
   * Outlook uses; a profile left over from an older Outlook is named by its registry path.
   */
  readonly profile?: string;
  /**
   * Machine scope (unattended, as SYSTEM): the LAN Manager level is set for every user of the
   * PC, so it does not wait for an NTLM account in the running account's own profiles.
   */
  readonly machineWide?: boolean;
  /** Accounts ("profile|section") left out of proxy-auth-ntlm: their proxy refuses NTLM. */
  readonly skipAccounts?: readonly string[];
  /** For remove-saved-credentials: the entries the person picked from the scan's listing. */
  readonly credentials?: readonly CredentialChoice[];
}

const isCauseFix = (f: FixId): f is CauseFixId => (CAUSE_FIX_IDS as readonly string[]).includes(f);

function change(
  fix: FixId,
  path: string,
  name: string,
  before: RegValue | undefined,
  after: RegValue,
  where: { profile: string | null; account: string | null },
): PlannedChange {
  const kind = checkWriteAllowed(path, name, after);
  return {
    fix,
    kind,
    ...where,
    path,
    name,
    view: 'default',
    before: before ? serializeRegValue(before) : null,
    after: serializeRegValue(after),
    elevated: needsElevation(kind),
  };
}

/**
 * Whether the level needs writing for `target`. An invalid stored value is always replaced
 * (3 is then not "lowering": nothing says what Windows made of the old one); a level that is
 * not known only because the export lacks the Windows version is set explicitly, which never
 * lowers it (no Windows default is above 3).
 */
function levelNeedsWrite(lsa: LsaState, fix: FixId, target: number): boolean {
  if (lsa.seen === false)
    throw new ExproxyError(
      'blocked',
      `${fix} cannot be planned: the LSA key (${LSA_KEY}) is not in this export, so its current value is not known.`,
    );
  if (lsa.invalidLmCompatibilityLevel) {
    if (fix !== 'lmcompat-3')
      throw new ExproxyError(
        'usage',
        `LmCompatibilityLevel is stored as ${lsa.invalidLmCompatibilityLevel.type} ${lsa.invalidLmCompatibilityLevel.data}, not a level from 0 to 5; replace it with lmcompat-3.`,
      );
    return true;
  }
  return lsa.effectiveLmCompatibilityLevel < target || lsa.lmLevelSource === 'unknown';
}

/**
 * Turns fix ids into exact value changes, in the order given. Later fixes see the effect of
 * earlier ones (KB820281 prescribes `proxy-auth-ntlm` then `lmcompat-3` on a Basic-auth XP
 * machine). Never lowers LmCompatibilityLevel; refuses a write a domain policy would undo.
 * Only Basic (1) is ever switched to NTLM: Negotiate, certificate or any other scheme is the
 * administrator's choice and stays as it is.
 */
export function planFixes(report: DiagnosisReport, tree: RegTree, req: PlanRequest): ChangePlan {
  const unique = [...new Set(req.fixes)];
  if (unique.includes('lmcompat-2') && unique.includes('lmcompat-3')) {
    throw new ExproxyError('usage', 'Choose either lmcompat-3 or lmcompat-2, not both.');
  }
  const causeFixes = unique.filter(isCauseFix);
  if (req.machineWide && causeFixes.length > 0)
    throw new ExproxyError(
      'usage',
      `${causeFixes.join(', ')} change the signed-in user's settings; machine scope (SYSTEM) changes only the LAN Manager level.`,
    );
  const profiles = req.profile
    ? selectProfiles(report.profiles, req.profile)
    : profilesInUse(report.profiles);
  const changes: PlannedChange[] = [];
  const alreadyDone: FixId[] = [];
  const skipped: PlanSkip[] = [];
  // Microsoft 365 accounts: NTLM would not help there (exchange-online-rpc says what does).
  const cloud = new Set(cloudAccountKeys(profiles));
  // Accounts that will use NTLM once the earlier fixes in this plan are applied.
  let ntlmAccounts = profiles
    .flatMap((p) => p.accounts)
    .filter((a) => a.rpcOverHttp.enabled && a.rpcOverHttp.authScheme === 'ntlm').length;

  for (const fix of unique) {
    if (isCauseFix(fix)) continue;
    if (fix === 'proxy-auth-ntlm') {
      let n = 0;
      for (const p of profiles) {
        for (const a of p.accounts) {
          if (!a.rpcOverHttp.enabled || a.rpcOverHttp.authSchemeValue !== ROHAUTH.BASIC) continue;
          if (req.skipAccounts?.includes(`${p.name}|${a.section}`)) continue;
          if (cloud.has(`${p.name}|${a.section}`)) {
            skipped.push({
              fix,
              profile: p.name,
              account: a.section,
              reason: 'exchange-online',
              facts: { proxyServer: a.rpcOverHttp.proxyServer },
            });
            continue;
          }
          const before = tree.getValue(a.sectionPath, AUTH_SCHEME_VALUE);
          const after = encodeMapiValue({ kind: 'long', value: ROHAUTH.NTLM }, before);
          changes.push(
            change(fix, a.sectionPath, AUTH_SCHEME_VALUE, before, after, {
              profile: p.name,
              account: a.section,
            }),
          );
          n++;
        }
      }
      if (n === 0 && !skipped.some((k) => k.fix === fix)) alreadyDone.push(fix);
      ntlmAccounts += n;
      continue;
    }
    const target = LM_TARGET[fix]!;
    const lsa = report.lsa;
    if (lsa.policyManaged) {
      throw new ExproxyError(
        'blocked',
        `LmCompatibilityLevel is set by a domain or local security policy (level ${lsa.policyLevel ?? 'unknown'}); ` +
          'a local change would be undone at the next policy refresh. Ask the domain administrator to change ' +
          '"Network security: LAN Manager authentication level" instead.',
      );
    }
    if (!levelNeedsWrite(lsa, fix, target)) {
      alreadyDone.push(fix);
      continue;
    }
    if (ntlmAccounts === 0 && !req.machineWide) {
      throw new ExproxyError(
        'usage',
        `${fix} only matters for an account that uses NTLM proxy authentication; none does` +
          (report.findings.some((f) => f.id === 'proxy-auth-basic')
            ? ' yet — put proxy-auth-ntlm before it.'
            : '.'),
      );
    }
    const before = tree.getValue(LSA_KEY, 'LmCompatibilityLevel');
    if (before && lsa.invalidLmCompatibilityLevel && !isRestorableInvalidLevel(before))
      throw new ExproxyError(
        'not-allowed',
        `LmCompatibilityLevel is stored as ${before.type}, which an undo could not put back exactly, so it is not replaced. ` +
          'Delete the value by hand (Registry Editor), then run lmcompat-3.',
      );
    changes.push(
      change(
        fix,
        LSA_KEY,
        'LmCompatibilityLevel',
        before,
        { type: 'REG_DWORD', data: target },
        { profile: null, account: null },
      ),
    );
  }
  const causes = planCauseFixes(report, tree, profiles, causeFixes, req.credentials);
  changes.push(...causes.changes);
  const taken = new Set<string>();
  for (const c of changes) {
    const key = `${c.path.toLowerCase()}|${c.name.toLowerCase()}|${c.view}`;
    if (taken.has(key))
      throw new ExproxyError('usage', `Two of the fixes asked for would both change ${c.path}\\${c.name}.`);
    taken.add(key);
  }
  return {
    fixes: unique,
    changes,
    removals: causes.removals,
    alreadyDone: [...alreadyDone, ...causes.alreadyDone],
    skipped: [...skipped, ...causes.skipped],
    needsElevation: changes.some((c) => c.elevated),
    restartOutlook: changes.some((c) => OUTLOOK_CLOSED_KINDS.has(c.kind)) || causes.removals.length > 0,
    restartWindows: changes.some((c) => c.kind === 'lm-compatibility-level'),
    undoable: causes.removals.length === 0,
  };
}
