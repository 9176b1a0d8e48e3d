/**
 * "Always prompt for logon credentials": CONFIG_PROMPT_FOR_CREDENTIALS in the account's
 * `00036601`, and its policy `PromptForCredentials` (SOURCES.md §1). The fix clears the one bit;
 * a policy value is left alone with the reason.
 */
import {
  CONFIG_FLAGS_VALUE,
  readConfigFlags,
  withPromptForCredentialsCleared,
} from '../outlook/profile-config-flags';
import type { OutlookProfile } from '../outlook/profile-model';
import type { RegTree } from '../registry/reg-tree';
import { serializeRegValue } from '../registry/reg-value';
import type { SubtreeRequest } from '../registry/registry-port';
import { checkCauseWriteAllowed } from './cause-allowlist';
import { selectedProfiles, type CauseContext, type CausePlanRequest } from './cause-context';
import type { CauseFinding } from './cause-finding';
import type { CauseChange, CausePlanPart, CauseSkip } from './cause-plan';
import { readDword } from './dword-reading';
import { OFFICE_VERSIONS, outlookSecurityPolicyKey, versionsForProfile } from './office-versions';

export const PROMPT_POLICY_VALUE = 'PromptForCredentials';
const KB = 'POLICY-PROMPT';

/** The policy keys; the profile sections come with the profile roots the scan already reads. */
export const PROMPT_SETTING_REQUESTS: readonly SubtreeRequest[] = OFFICE_VERSIONS.map((v) => ({
  path: outlookSecurityPolicyKey(v),
  recursive: false,
}));

export type PromptPolicy =
  | { readonly state: 'none' }
  | { readonly state: 'set'; readonly value: number; readonly path: string }
  | { readonly state: 'wrong-type'; readonly type: string; readonly path: string };

/** The policy that applies to a profile: the first version key that has the value. */
export function readPromptPolicy(tree: RegTree, profile: OutlookProfile): PromptPolicy {
  for (const v of versionsForProfile(profile)) {
    const path = outlookSecurityPolicyKey(v);
    const r = readDword(tree, path, PROMPT_POLICY_VALUE);
    if (r.state === 'set') return { state: 'set', value: r.value, path };
    if (r.state === 'wrong-type') return { state: 'wrong-type', type: r.type, path };
  }
  return { state: 'none' };
}

export function promptSettingFindings(ctx: CauseContext): CauseFinding[] {
  const out: CauseFinding[] = [];
  for (const profile of ctx.profiles) {
    const policy = readPromptPolicy(ctx.tree, profile);
    if (policy.state === 'set' && policy.value === 1) {
      out.push({
        id: 'prompt-always-policy',
        severity: 'warning',
        kb: KB,
        profile: profile.name,
        account: null,
        fixes: [],
        facts: { policyPath: policy.path, policyValue: 1 },
      });
      continue;
    }
    // Policy 0: Outlook uses the saved sign-in whatever the profile says.
    if (policy.state === 'set') continue;
    for (const account of profile.accounts) {
      const where = { profile: profile.name, account: account.section };
      const r = readConfigFlags(ctx.tree.getValue(account.sectionPath, CONFIG_FLAGS_VALUE));
      if (r.state === 'unreadable') {
        out.push({
          id: 'cause-value-unreadable',
          severity: 'info',
          kb: 'KB820281',
          ...where,
          fixes: [],
          facts: { valueName: CONFIG_FLAGS_VALUE, reason: r.reason },
        });
      } else if (r.state === 'set' && r.promptForCredentials) {
        const managed = policy.state === 'wrong-type';
        out.push({
          id: 'prompt-always-on',
          severity: 'warning',
          kb: KB,
          ...where,
          fixes: managed ? [] : ['prompt-always-off'],
          facts: { flags: r.flags, policyManaged: managed },
        });
      }
    }
  }
  return out;
}

export function planPromptAlwaysOff(ctx: CauseContext, req: CausePlanRequest = {}): CausePlanPart {
  const changes: CauseChange[] = [];
  const skipped: CauseSkip[] = [];
  for (const profile of selectedProfiles(ctx, req)) {
    const policy = readPromptPolicy(ctx.tree, profile);
    for (const account of profile.accounts) {
      const where = { profile: profile.name, account: account.section };
      const before = ctx.tree.getValue(account.sectionPath, CONFIG_FLAGS_VALUE);
      const r = readConfigFlags(before);
      if (r.state === 'unreadable') {
        skipped.push({
          fix: 'prompt-always-off',
          ...where,
          reason: 'value-unreadable',
          facts: { reason: r.reason },
        });
        continue;
      }
      if (r.state !== 'set' || !r.promptForCredentials || !before) continue;
      if (policy.state !== 'none') {
        skipped.push({
          fix: 'prompt-always-off',
          ...where,
          reason: 'policy-sets-value',
          facts: { policyPath: policy.path, policyValue: policy.state === 'set' ? policy.value : null },
        });
        continue;
      }
      const after = withPromptForCredentialsCleared(before);
      changes.push({
        fix: 'prompt-always-off',
        kind: checkCauseWriteAllowed(account.sectionPath, CONFIG_FLAGS_VALUE, after),
        ...where,
        path: account.sectionPath,
        name: CONFIG_FLAGS_VALUE,
        view: 'default',
        before: serializeRegValue(before),
        after: serializeRegValue(after),
        elevated: false,
      });
    }
  }
  return { fix: 'prompt-always-off', changes, removals: [], skipped };
}
