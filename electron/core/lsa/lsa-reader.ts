import { LSA_KEY, MSV1_0_KEY } from '../registry/allowlist';
import type { RegTree } from '../registry/reg-tree';
import type { LmPolicyState } from '../machine/system-port';
import { defaultLmCompatibilityLevel, isLmLevel } from './lm-compatibility';
import type { LsaState, OsInfo } from './lsa-model';

function dword(tree: RegTree, key: string, name: string): number | null {
  const v = tree.getValue(key, name);
  return v?.type === 'REG_DWORD' ? v.data : null;
}

export function readLsaState(tree: RegTree, os: OsInfo, policy: LmPolicyState): LsaState {
  const raw = tree.getValue(LSA_KEY, 'LmCompatibilityLevel');
  const defaultLevel = defaultLmCompatibilityLevel(os.family);
  let stored: number | null = null;
  let problem: string | null = null;
  if (raw) {
    if (raw.type === 'REG_DWORD' && isLmLevel(raw.data)) stored = raw.data;
    else if (raw.type === 'REG_DWORD') problem = `value ${raw.data} is outside 0–5`;
    else problem = `stored as ${raw.type}, not REG_DWORD`;
  }
  // A policy wins over the local value at the next refresh, so it is what counts.
  const policyLevel = policy.managed && isLmLevel(policy.level) ? policy.level : null;
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
  };
}
