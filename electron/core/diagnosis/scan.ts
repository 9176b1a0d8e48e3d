import { readLsaState } from '../lsa/lsa-reader';
import { readOsInfo, WINDOWS_VERSION_KEY } from '../lsa/os-info';
import type { SystemPort } from '../machine/system-port';
import { findInstalledOutlook } from '../outlook/outlook-install';
import { OFFICE_KEY, PROFILE_ROOTS } from '../outlook/profile-locations';
import { readProfiles } from '../outlook/profile-reader';
import { LSA_KEY } from '../registry/allowlist';
import type { RegistryReader, SubtreeRequest } from '../registry/registry-port';
import type { RegTree } from '../registry/reg-tree';
import type { DiagnosisReport } from './diagnosis-report';
import { evaluateRules } from './rules';

/**
 * Everything a full diagnosis reads, as one batch: the count does not grow with the
 * number of profiles (one subtree per profile root, not per profile).
 */
export const SCAN_REQUESTS: readonly SubtreeRequest[] = [
  ...PROFILE_ROOTS.map((r) => ({ path: r.defaultProfileKey })),
  { path: OFFICE_KEY, view: '64' },
  { path: OFFICE_KEY, view: '32' },
  { path: LSA_KEY },
  { path: WINDOWS_VERSION_KEY, recursive: false },
];

export interface ScanResult {
  readonly report: DiagnosisReport;
  /** The raw snapshot the report was decoded from; the planner takes "before" values from it. */
  readonly tree: RegTree;
}

export async function scanMachine(
  registry: RegistryReader,
  system: SystemPort,
  now = new Date(),
): Promise<ScanResult> {
  const [tree, policy, outlookRunning] = await Promise.all([
    registry.readSubtrees(SCAN_REQUESTS),
    system.lmCompatibilityPolicy(),
    system.isOutlookRunning(),
  ]);
  const os = readOsInfo(tree);
  const outlook = findInstalledOutlook(tree);
  const profiles = readProfiles(tree, outlook);
  const lsa = readLsaState(tree, os, policy);
  return {
    tree,
    report: {
      scannedAt: now.toISOString(),
      adapter: registry.name,
      machine: { os, outlook, outlookRunning },
      profiles,
      lsa,
      findings: evaluateRules({ profiles, lsa, outlookRunning }),
    },
  };
}
