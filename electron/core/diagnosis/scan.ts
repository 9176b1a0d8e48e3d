import { evaluateCauseRules } from '../causes/cause-rules';
import type { CredentialStorePort, SavedCredential } from '../causes/credential-port';
import { readModernAuthState } from '../causes/modern-auth';
import { credentialMatchContext, matchSavedCredentials } from '../causes/saved-credentials';
import { CAUSE_SCAN_REQUESTS, causeScanRequests, causeVersions } from '../causes/scan-requests';
import { readLsaState } from '../lsa/lsa-reader';
import { readOsInfo, WINDOWS_VERSION_KEY } from '../lsa/os-info';
import type { SystemPort } from '../machine/system-port';
import {
  ALL_INSTALL_REQUESTS,
  INSTALL_HINT_REQUESTS,
  installRequests,
  readInstallHints,
} from '../outlook/install-probes';
import { findInstalledOutlook } from '../outlook/outlook-install';
import { PROFILE_ROOTS } from '../outlook/profile-locations';
import { readProfiles } from '../outlook/profile-reader';
import { profilesInUse } from '../outlook/profile-selection';
import { LSA_KEY } from '../registry/allowlist';
import type { RegistryReader, SubtreeRequest } from '../registry/registry-port';
import type { RegTree } from '../registry/reg-tree';
import { assessCoverage, COVERAGE_ANCHOR_REQUESTS, LIVE_SOURCE, type ScanSource } from './coverage';
import type { DiagnosisReport } from './diagnosis-report';
import { withGuidance } from './guidance';
import { evaluateRules } from './rules';

/**
 * What every diagnosis reads first, as one batch: the count does not grow with the number of
 * profiles (one subtree per profile root, not per profile), and nothing here grows with Office
 * (the install hints are two small keys).
 */
export const BASE_SCAN_REQUESTS: readonly SubtreeRequest[] = [
  ...PROFILE_ROOTS.map((r) => ({ path: r.defaultProfileKey })),
  { path: LSA_KEY },
  { path: WINDOWS_VERSION_KEY, recursive: false },
  ...INSTALL_HINT_REQUESTS,
];

/**
 * Everything a diagnosis may read: the first batch and every install and cause key the second
 * one can ask for (a scan reads only those of the installed version). For collecting ahead of time.
 */
export const SCAN_REQUESTS: readonly SubtreeRequest[] = dedupe([
  ...BASE_SCAN_REQUESTS,
  ...ALL_INSTALL_REQUESTS,
  ...CAUSE_SCAN_REQUESTS,
]);

function dedupe(requests: readonly SubtreeRequest[]): SubtreeRequest[] {
  const seen = new Set<string>();
  return requests.filter((r) => {
    const id = `${r.path.toLowerCase()}|${r.view ?? 'default'}|${r.recursive ?? true}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export interface ScanResult {
  readonly report: DiagnosisReport;
  /** The raw snapshot the report was decoded from; the planner takes "before" values from it. */
  readonly tree: RegTree;
  /** The subtree requests this scan made, in order (each is one `reg export` on the reg.exe path). */
  readonly requests: readonly SubtreeRequest[];
}

function merge(from: RegTree, into: RegTree): void {
  for (const hive of ['HKEY_CURRENT_USER', 'HKEY_LOCAL_MACHINE', 'HKEY_USERS'])
    from.copySubtreeInto(hive, into);
}

/** What a scan may ask beyond the registry; absent: nothing else to ask. */
export interface ScanExtras {
  /** The saved credentials (null: this machine has no store the product can read). */
  readonly credentials?: CredentialStorePort | null;
}

/** The listing, or why it failed: a store that cannot be read is said, never a reason to stop. */
async function listCredentials(
  store: CredentialStorePort | null | undefined,
): Promise<{ list: SavedCredential[] | null; error: string | null }> {
  if (!store) return { list: null, error: null };
  try {
    return { list: await store.list(), error: null };
  } catch (e) {
    return { list: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * One diagnosis. `source` says whether the registry is a file export, so a key the file lacks is
 * reported as "not in this export" instead of "not set".
 */
export async function scanMachine(
  registry: RegistryReader,
  system: SystemPort,
  now = new Date(),
  source: ScanSource = LIVE_SOURCE,
  extras: ScanExtras = {},
): Promise<ScanResult> {
  const [tree, policy, outlookRunning, domainJoined, credentials] = await Promise.all([
    registry.readSubtrees(BASE_SCAN_REQUESTS),
    system.lmCompatibilityPolicy(),
    system.isOutlookRunning(),
    system.isDomainJoined ? system.isDomainJoined() : Promise.resolve(null),
    listCredentials(extras.credentials),
  ]);
  const hints = readInstallHints(tree);
  const second = [
    ...installRequests(hints),
    ...causeScanRequests(causeVersions(hints.version, hints.clickToRun)),
  ];
  merge(await registry.readSubtrees(second), tree);
  const anchors = source.export ? await registry.readSubtrees(COVERAGE_ANCHOR_REQUESTS) : null;
  const os = readOsInfo(tree);
  const outlook = findInstalledOutlook(tree);
  const profiles = readProfiles(tree, outlook);
  const lsa = readLsaState(tree, os, policy);
  const coverage = assessCoverage({ tree, anchors, installed: outlook, profiles, source });
  // A profile left over from an older Outlook is never judged, and never changed unless named.
  const inUse = profilesInUse(profiles);
  const causes = evaluateCauseRules(
    { tree, profiles: inUse, installed: outlook },
    { domainJoined, savedCredentials: credentials.list },
  );
  return {
    tree,
    requests: [...BASE_SCAN_REQUESTS, ...second, ...(anchors ? COVERAGE_ANCHOR_REQUESTS : [])],
    report: withGuidance({
      scannedAt: now.toISOString(),
      adapter: registry.name,
      machine: { os, outlook, outlookRunning },
      profiles,
      lsa,
      coverage,
      findings: [
        ...evaluateRules({ profiles, lsa, outlookRunning, profilesSeen: coverage.seen.profiles }),
        ...causes,
      ],
      savedCredentials: credentials.list
        ? matchSavedCredentials(credentials.list, credentialMatchContext(inUse))
        : null,
      savedCredentialsError: credentials.error,
      modernAuth: readModernAuthState(tree),
      domainJoined,
    }),
  };
}
