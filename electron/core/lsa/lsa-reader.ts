import { isRestorableInvalidLevel, LSA_KEY, MSV1_0_KEY } from '../registry/allowlist';
import type { RegTree } from '../registry/reg-tree';
import { describeRegValue, type RegValue } from '../registry/reg-value';
import type { LmPolicyState } from '../machine/system-port';
import { defaultLmCompatibilityLevel, isLmLevel } from './lm-compatibility';
import type { InvalidLmLevel, LmLevelSource, LsaState, OsInfo } from './lsa-model';

function dword(tree: RegTree, key: string, name: string): number | null {
  const v = tree.getValue(key, name);
  return v?.type === 'REG_DWORD' ? v.data : null;
}

function invalidLevel(v: RegValue): InvalidLmLevel {
  const data =
    v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ' || v.type === 'REG_DWORD'
      ? String(v.data)
      : describeRegValue(v).slice(v.type.length + 1);
  return { type: v.type, data, replaceable: isRestorableInvalidLevel(v) };
}

/**
 * The LSA key is in the snapshot. A live registry always has it with values (Authentication
 * Packages and more); an export of only `Lsa\MSV1_0` brings the parent key along empty.
 */
export function lsaKeySeen(tree: RegTree): boolean {
  const key = tree.getKey(LSA_KEY);
  return key !== undefined && key.values.size > 0;
}

/**
 * LmCompatibilityLevel and its neighbours. Microsoft documents the value only as a REG_DWORD
 * from 0 to 5 (Windows 2000 Resource Kit registry reference "LmCompatibilityLevel", cc960646;
 * "Network security: LAN Manager authentication level", MicrosoftDocs/windows-itpro-docs) and
 * says nothing of what the LSA does with text or a larger number. Windows components differ
 * there (Winlogon reads numbers stored as text, as ReactOS reproduces: reactos/reactos #8381),
 * so an invalid value leaves the level in effect unknown; it is never read as "not set".
 */
export function readLsaState(tree: RegTree, os: OsInfo, policy: LmPolicyState): LsaState {
  const seen = lsaKeySeen(tree);
  const raw = seen ? tree.getValue(LSA_KEY, 'LmCompatibilityLevel') : undefined;
  const defaultLevel = defaultLmCompatibilityLevel(os.family);
  let stored: number | null = null;
  let problem: string | null = null;
  let invalid: InvalidLmLevel | null = null;
  if (raw) {
    if (raw.type === 'REG_DWORD' && isLmLevel(raw.data)) stored = raw.data;
    else {
      invalid = invalidLevel(raw);
      problem =
        raw.type === 'REG_DWORD'
          ? `value ${raw.data} is outside 0–5`
          : `stored as ${raw.type}, not REG_DWORD`;
    }
  }
  // A policy wins over the local value at the next refresh, so it is what counts.
  const policyLevel = policy.managed && isLmLevel(policy.level) ? policy.level : null;
  let source: LmLevelSource;
  if (policyLevel !== null) source = 'policy';
  else if (stored !== null) source = 'stored';
  else if (seen && invalid === null && os.family !== 'unknown') source = 'windows-default';
  else source = 'unknown';
  const effective = policyLevel ?? stored ?? defaultLevel;
  const hosts = tree.getValue(MSV1_0_KEY, 'BackConnectionHostNames');
  return {
    lmCompatibilityLevel: stored,
    effectiveLmCompatibilityLevel: effective,
    defaultLmCompatibilityLevel: defaultLevel,
    policyManaged: policy.managed,
    policyLevel,
    backConnectionHostNames: hosts?.type === 'REG_MULTI_SZ' ? [...hosts.data] : null,
    disableLoopbackCheck: dword(tree, LSA_KEY, 'DisableLoopbackCheck'),
    ntlmMinClientSec: dword(tree, MSV1_0_KEY, 'NtlmMinClientSec'),
    lmCompatibilityLevelProblem: problem,
    lmLevelSource: source,
    invalidLmCompatibilityLevel: invalid,
    seen,
  };
}
