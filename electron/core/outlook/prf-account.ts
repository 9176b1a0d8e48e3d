import { equalsIgnoreAsciiCase } from '../registry/ascii-case';
import { propValueName } from './mapi-property';
import { PR_EMSMDB_SECTION_UID } from './mapi-tags';
import type { RegTree } from '../registry/reg-tree';
import { EXCHANGE_GLOBAL_SECTION, OUTLOOK_CLIENT_SECTION, uidToKeyName } from './mapi-uid';
import { OUTLOOK_VERSIONS } from './profile-locations';
import type { OutlookProfile } from './profile-model';

/** PR_EMSMDB_SECTION_UID (PidTagExchangeProfileSectionId) as a registry value name. */
const EMSMDB_SECTION_UID = propValueName(PR_EMSMDB_SECTION_UID);

/**
 * The one Exchange account a PRF's `[Exchange Global Section]` (SectionGUID 13dbb0c8…) reaches.
 * 2003/2007 keep a single fixed section. From 2010 on, MAPI redirects every open of that GUID to
 * the profile's legacy Exchange account, whose emsmdbUID is stamped as `01023d15` in the Outlook
 * client section 0a0d02… (PidTagExchangeProfileSectionId; reference §0.3, §2.4). A PRF cannot
 * address any other account.
 */
export type PrfReach =
  | { readonly kind: 'global'; readonly section: string }
  | { readonly kind: 'legacy'; readonly section: string }
  /** Several Exchange accounts and no legacy stamp: nobody can say which one a PRF would change. */
  | { readonly kind: 'unknown' };

function legacyStamp(tree: RegTree, profile: OutlookProfile): string | null {
  const v = tree.getValue(`${profile.keyPath}\\${OUTLOOK_CLIENT_SECTION}`, EMSMDB_SECTION_UID);
  return v?.type === 'REG_BINARY' ? uidToKeyName(v.data) : null;
}

export function prfReach(tree: RegTree, profile: OutlookProfile): PrfReach {
  const model = OUTLOOK_VERSIONS.find((v) => v.version === profile.outlookVersion)?.sectionModel;
  if (model === 'global') return { kind: 'global', section: EXCHANGE_GLOBAL_SECTION };
  // 2010+ or an Outlook we could not identify: trust the stamp the profile carries.
  const stamp = legacyStamp(tree, profile);
  if (stamp) return { kind: 'legacy', section: stamp };
  const sections = profile.accounts.map((a) => a.section);
  if (sections.length === 1 && equalsIgnoreAsciiCase(sections[0]!, EXCHANGE_GLOBAL_SECTION))
    return { kind: 'global', section: EXCHANGE_GLOBAL_SECTION };
  // One Exchange account is always the legacy one (Microsoft: one of them is marked legacy).
  if (sections.length === 1) return { kind: 'legacy', section: sections[0]! };
  return { kind: 'unknown' };
}

/** Whether the PRF reaches this account section. */
export function prfReachesSection(reach: PrfReach, section: string): boolean {
  return reach.kind !== 'unknown' && equalsIgnoreAsciiCase(reach.section, section);
}
