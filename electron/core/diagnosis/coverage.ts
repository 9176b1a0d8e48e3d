import { lsaKeySeen } from '../lsa/lsa-reader';
import { WINDOWS_VERSION_KEY } from '../lsa/os-info';
import { OUTLOOK_CURVER_KEY } from '../outlook/install-probes';
import { currentOutlook } from '../outlook/outlook-install';
import { OFFICE_KEY, OUTLOOK_VERSIONS, PROFILE_ROOTS, type ProfileRoot } from '../outlook/profile-locations';
import type { InstalledOutlook, OutlookProfile } from '../outlook/profile-model';
import type { RegTree } from '../registry/reg-tree';
import { snapshotPathFor, type SubtreeRequest } from '../registry/registry-port';
import { coverageCommands } from './coverage-commands';

/** The parts a full diagnosis rests on. */
export const COVERAGE_PARTS = ['profiles', 'officeInstall', 'lsa', 'osVersion', 'policy'] as const;
export type CoveragePart = (typeof COVERAGE_PARTS)[number];

/** Where the registry came from, as the host knows it. */
export interface ScanSource {
  /** A registry export (a file): a key it lacks may simply not have been exported. */
  readonly export: boolean;
  /** Whether a LAN Manager policy is known; a registry export cannot show one. */
  readonly policyKnown: boolean;
  /** The export was `HKEY_USERS\<SID>`, read as that user's HKEY_CURRENT_USER. */
  readonly userSid?: string | null;
}

/** The real registry: what is not there is not there, and the policy comes from gpresult. */
export const LIVE_SOURCE: ScanSource = { export: false, policyKnown: true };

export interface Coverage {
  readonly source: 'live' | 'export';
  readonly seen: Readonly<Record<CoveragePart, boolean>>;
  readonly missing: readonly CoveragePart[];
  /** Profiles exist but no Outlook install was found: which profile root is live is not known. */
  readonly installUnknown: boolean;
  /** Every part seen and the live root known: the only result that may say "nothing to fix" for sure. */
  readonly complete: boolean;
  /** What to run on the PC to complete the export (product constants only, never registry data). */
  readonly commands: readonly string[];
  readonly userSid: string | null;
}

/**
 * Keys that only tell whether a part was exported at all, read (without subkeys) from exports
 * only: on a live registry a missing key is simply missing, and reading Office's key there
 * would bring its whole tree.
 */
export const COVERAGE_ANCHOR_REQUESTS: readonly SubtreeRequest[] = [
  { path: OFFICE_KEY, view: '64', recursive: false },
  { path: OFFICE_KEY, view: '32', recursive: false },
];

const SID = /^S-1-\d{1,3}(-\d{1,10}){1,15}$/;

export interface CoverageInput {
  readonly tree: RegTree;
  /** The anchor keys (COVERAGE_ANCHOR_REQUESTS), read only from exports. */
  readonly anchors: RegTree | null;
  readonly installed: readonly InstalledOutlook[];
  readonly profiles: readonly OutlookProfile[];
  readonly source: ScanSource;
}

function liveRoot(tree: RegTree, installed: readonly InstalledOutlook[]): ProfileRoot | null {
  const live = currentOutlook(tree, installed);
  const store = live && OUTLOOK_VERSIONS.find((v) => v.version === live.version)?.store;
  return PROFILE_ROOTS.find((r) => r.store === store) ?? null;
}

/** The roots whose absence from an export matters: the live one, or all when it is not known. */
export function rootsThatMatter(tree: RegTree, installed: readonly InstalledOutlook[]): ProfileRoot[] {
  const live = liveRoot(tree, installed);
  return live ? [live] : [...PROFILE_ROOTS];
}

function seenInExport({ tree, anchors, installed }: CoverageInput): Record<CoveragePart, boolean> {
  const roots = rootsThatMatter(tree, installed);
  const version = tree.getKey(WINDOWS_VERSION_KEY);
  const officeAnchor = [OFFICE_KEY, snapshotPathFor(OFFICE_KEY, '32')].some((p) => anchors?.hasKey(p));
  return {
    profiles: roots.some((r) => tree.hasKey(r.defaultProfileKey)),
    officeInstall: installed.length > 0 || officeAnchor || tree.hasKey(OUTLOOK_CURVER_KEY),
    lsa: lsaKeySeen(tree),
    osVersion: version !== undefined && version.values.size > 0,
    policy: false,
  };
}

/** Which parts the scan saw, and what would complete it. */
export function assessCoverage(input: CoverageInput): Coverage {
  const { source, installed, profiles, tree } = input;
  const seen = source.export
    ? { ...seenInExport(input), policy: source.policyKnown }
    : { profiles: true, officeInstall: true, lsa: true, osVersion: true, policy: source.policyKnown };
  const missing = COVERAGE_PARTS.filter((p) => !seen[p]);
  const installUnknown = installed.length === 0 && profiles.length > 0;
  const userSid = source.userSid && SID.test(source.userSid) ? source.userSid : null;
  return {
    source: source.export ? 'export' : 'live',
    seen,
    missing,
    installUnknown,
    complete: missing.length === 0 && !installUnknown,
    commands: coverageCommands({
      missing,
      roots: rootsThatMatter(tree, installed),
      userSid,
      installUnknown,
    }),
    userSid,
  };
}
