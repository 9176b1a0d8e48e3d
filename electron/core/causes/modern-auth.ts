/**
 * Modern authentication switches for Outlook 2013 and later (SOURCES.md §5): `EnableADAL`/`Version`
 * (15.0, and `EnableADAL`=0 under 16.0), `AlwaysUseMSOAuthForAutoDiscover` and `MapiHttpDisabled`,
 * each with its `Software\Policies` copy. They matter only where an account talks to Microsoft's
 * cloud, or where the mail server offers modern sign-in; a policy copy means hands off.
 */
import type { OutlookProfile } from '../outlook/profile-model';
import type { RegTree } from '../registry/reg-tree';
import { serializeRegValue, type RegValue } from '../registry/reg-value';
import type { SubtreeRequest } from '../registry/registry-port';
import { checkCauseWriteAllowed, EXCHANGE_CLIENT_KEY } from './cause-allowlist';
import type { CauseContext } from './cause-context';
import type { CauseFinding, CauseFixId } from './cause-finding';
import type { CauseChange, CausePlanPart, CauseSkip } from './cause-plan';
import { readPolicySwitch, type PolicySwitch } from './dword-reading';

export const identityKey = (v: '15.0' | '16.0') =>
  `HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\${v}\\Common\\Identity`;
export const identityPolicyKey = (v: '15.0' | '16.0') =>
  `HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Office\\${v}\\Common\\Identity`;
export const EXCHANGE_POLICY_KEY = 'HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Exchange';

export const MODERN_AUTH_REQUESTS: readonly SubtreeRequest[] = [
  identityKey('15.0'),
  identityPolicyKey('15.0'),
  identityKey('16.0'),
  identityPolicyKey('16.0'),
  EXCHANGE_CLIENT_KEY,
  EXCHANGE_POLICY_KEY,
].map((path) => ({ path, recursive: false }));

export interface ModernAuthState {
  readonly enableAdal2013: PolicySwitch;
  readonly version2013: PolicySwitch;
  readonly enableAdal2016: PolicySwitch;
  readonly alwaysUseMsoAuth: PolicySwitch;
  readonly mapiHttpDisabled: PolicySwitch;
}

export function readModernAuthState(tree: RegTree): ModernAuthState {
  return {
    enableAdal2013: readPolicySwitch(tree, identityKey('15.0'), identityPolicyKey('15.0'), 'EnableADAL'),
    version2013: readPolicySwitch(tree, identityKey('15.0'), identityPolicyKey('15.0'), 'Version'),
    enableAdal2016: readPolicySwitch(tree, identityKey('16.0'), identityPolicyKey('16.0'), 'EnableADAL'),
    alwaysUseMsoAuth: readPolicySwitch(
      tree,
      EXCHANGE_CLIENT_KEY,
      EXCHANGE_POLICY_KEY,
      'AlwaysUseMSOAuthForAutoDiscover',
    ),
    mapiHttpDisabled: readPolicySwitch(tree, EXCHANGE_CLIENT_KEY, EXCHANGE_POLICY_KEY, 'MapiHttpDisabled'),
  };
}

export interface ModernAuthFacts {
  /** An account reaches Microsoft's cloud (exchange-online.ts). */
  readonly cloudInUse: boolean;
  /** A mail server answered with a `Bearer` challenge (hybrid modern auth on premises). */
  readonly bearerOffered?: boolean;
}

/** Which Outlook versions can run here: installed ones, and the stores profiles live in. */
export function outlookVersionsPresent(ctx: Pick<CauseContext, 'installed' | 'profiles'>): Set<string> {
  const s = new Set(ctx.installed.map((i) => i.version));
  for (const p of ctx.profiles as readonly OutlookProfile[]) if (p.store !== 'wms') s.add(p.store);
  return s;
}

function policyFinding(setting: string, sw: PolicySwitch): CauseFinding {
  return {
    id: 'modern-auth-policy',
    severity: 'info',
    kb: 'KB-MODAUTHCFG',
    profile: null,
    account: null,
    fixes: [],
    facts: { setting, policyValue: sw.policy.state === 'set' ? sw.policy.value : null },
  };
}

const userValue = (sw: PolicySwitch) => (sw.user.state === 'set' ? sw.user.value : null);

export function modernAuthFindings(
  ctx: Pick<CauseContext, 'installed' | 'profiles'>,
  state: ModernAuthState,
  facts: ModernAuthFacts,
): CauseFinding[] {
  const out: CauseFinding[] = [];
  const versions = outlookVersionsPresent(ctx);
  const has2013 = versions.has('15.0');
  const has2016 = versions.has('16.0');
  const needsModern = facts.cloudInUse || facts.bearerOffered === true;
  const base = { profile: null, account: null } as const;
  const severity = facts.cloudInUse ? 'error' : 'warning';

  if (needsModern && has2013) {
    const { enableAdal2013: adal, version2013: ver } = state;
    if (adal.effective !== 1 || ver.effective !== 1) {
      if (adal.managed || ver.managed) out.push(policyFinding('EnableADAL', adal.managed ? adal : ver));
      else
        out.push({
          id: 'modern-auth-off-2013',
          severity,
          kb: 'KB-MODAUTHCFG',
          ...base,
          fixes: ['modern-auth-2013-on'],
          facts: { enableAdal: userValue(adal), version: userValue(ver) },
        });
    }
  }
  if (needsModern && has2016 && state.enableAdal2016.effective === 0) {
    if (state.enableAdal2016.managed) out.push(policyFinding('EnableADAL', state.enableAdal2016));
    else
      out.push({
        id: 'modern-auth-off-2016',
        severity,
        kb: 'KB-MODAUTHCFG',
        ...base,
        fixes: ['modern-auth-2016-default'],
        facts: { enableAdal: 0 },
      });
  }
  if (facts.cloudInUse && (has2013 || has2016) && state.alwaysUseMsoAuth.effective !== 1) {
    if (state.alwaysUseMsoAuth.managed)
      out.push(policyFinding('AlwaysUseMSOAuthForAutoDiscover', state.alwaysUseMsoAuth));
    else
      out.push({
        id: 'msoauth-autodiscover-off',
        severity: 'warning',
        kb: 'KB3126599',
        ...base,
        fixes: ['msoauth-autodiscover-on'],
        // Outlook 2013 needs the December 2015 Outlook and Office updates before this helps.
        facts: { value: userValue(state.alwaysUseMsoAuth), outlook2013: has2013 },
      });
  }
  const mapiCapable = has2013 || has2016 || versions.has('14.0');
  if (mapiCapable && state.mapiHttpDisabled.effective === 1) {
    if (state.mapiHttpDisabled.managed) out.push(policyFinding('MapiHttpDisabled', state.mapiHttpDisabled));
    else
      out.push({
        id: 'mapi-http-disabled',
        // Meant for testing only; it hurts most where Exchange Online needs MAPI over HTTP.
        severity: facts.cloudInUse ? 'error' : 'info',
        kb: 'KB2937684',
        ...base,
        fixes: ['mapi-http-allow'],
        facts: { value: 1 },
      });
  }
  return out;
}

type ModernAuthFix = Extract<
  CauseFixId,
  'modern-auth-2013-on' | 'modern-auth-2016-default' | 'msoauth-autodiscover-on' | 'mapi-http-allow'
>;

interface Target {
  readonly path: string;
  readonly name: string;
  readonly sw: PolicySwitch;
  /** The value to write, or null to delete. */
  readonly after: number | null;
  /** Whether the current user value already does what the fix wants. */
  readonly done: (user: number | null) => boolean;
}

function targetsFor(fix: ModernAuthFix, s: ModernAuthState): Target[] {
  const is1 = (u: number | null) => u === 1;
  switch (fix) {
    case 'modern-auth-2013-on':
      return [
        { path: identityKey('15.0'), name: 'EnableADAL', sw: s.enableAdal2013, after: 1, done: is1 },
        { path: identityKey('15.0'), name: 'Version', sw: s.version2013, after: 1, done: is1 },
      ];
    case 'modern-auth-2016-default':
      return [
        {
          path: identityKey('16.0'),
          name: 'EnableADAL',
          sw: s.enableAdal2016,
          after: null,
          done: (u) => u !== 0,
        },
      ];
    case 'msoauth-autodiscover-on':
      return [
        {
          path: EXCHANGE_CLIENT_KEY,
          name: 'AlwaysUseMSOAuthForAutoDiscover',
          sw: s.alwaysUseMsoAuth,
          after: 1,
          done: is1,
        },
      ];
    case 'mapi-http-allow':
      return [
        {
          path: EXCHANGE_CLIENT_KEY,
          name: 'MapiHttpDisabled',
          sw: s.mapiHttpDisabled,
          after: null,
          done: (u) => u === null || u === 0,
        },
      ];
  }
}

const NEEDS: Readonly<Record<ModernAuthFix, readonly string[]>> = {
  'modern-auth-2013-on': ['15.0'],
  'modern-auth-2016-default': ['16.0'],
  'msoauth-autodiscover-on': ['15.0', '16.0'],
  'mapi-http-allow': ['14.0', '15.0', '16.0'],
};

/** HKCU values only; a policy copy or a value of the wrong type is left alone with the reason. */
export function planModernAuth(ctx: CauseContext, fix: ModernAuthFix): CausePlanPart {
  const changes: CauseChange[] = [];
  const skipped: CauseSkip[] = [];
  const base = { fix, profile: null, account: null } as const;
  const versions = outlookVersionsPresent(ctx);
  if (!NEEDS[fix].some((v) => versions.has(v))) {
    return { fix, changes, removals: [], skipped: [{ ...base, reason: 'not-applicable', facts: {} }] };
  }
  for (const t of targetsFor(fix, readModernAuthState(ctx.tree))) {
    if (t.sw.managed) {
      skipped.push({ ...base, reason: 'policy-sets-value', facts: { setting: t.name, policyKey: t.path } });
      continue;
    }
    if (t.sw.user.state === 'wrong-type') {
      skipped.push({ ...base, reason: 'value-unreadable', facts: { setting: t.name, type: t.sw.user.type } });
      continue;
    }
    if (t.done(t.sw.user.state === 'set' ? t.sw.user.value : null)) continue;
    const before = ctx.tree.getValue(t.path, t.name) ?? null;
    const after: RegValue | null = t.after === null ? null : { type: 'REG_DWORD', data: t.after };
    changes.push({
      ...base,
      kind: checkCauseWriteAllowed(t.path, t.name, after),
      path: t.path,
      name: t.name,
      view: 'default',
      before: before ? serializeRegValue(before) : null,
      after: after ? serializeRegValue(after) : null,
      elevated: false,
    });
  }
  return { fix, changes, removals: [], skipped };
}
