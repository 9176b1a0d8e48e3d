/**
 * Saved credentials that can make Outlook keep asking (SOURCES.md §3): Outlook's own
 * `MicrosoftOffice1x_Data:SSPI…` entries (KB4051374), entries with "Outlook" in the name
 * (KB-PWDCHANGE), and Windows sign-ins saved for the profile's proxy host or mailbox domain.
 * Only names, types and user names are ever seen. Removing one cannot be undone.
 */
import { ExproxyError } from '../errors';
import type { OutlookProfile } from '../outlook/profile-model';
import type { CauseFinding } from './cause-finding';
import type { CausePlanPart, CredentialRemoval } from './cause-plan';
import { normalizeHost } from './cloud-host';
import { CRED_TYPE, type SavedCredential } from './credential-port';
import { credentialTargetProblem } from './credential-target';

export type CredentialKind =
  'office-sspi' | 'office-token' | 'outlook-named' | 'proxy-host' | 'mailbox-domain';

export interface CredentialMatch {
  readonly credential: SavedCredential;
  readonly kind: CredentialKind;
  /** Offered for removal: it holds a password Outlook or Windows sends for this mailbox. */
  readonly staleCandidate: boolean;
  /** The proxy host or mailbox domain it was matched to, if any. */
  readonly matched: string | null;
}

export interface CredentialMatchContext {
  /** Lower-case proxy host names of the profiles' RPC over HTTP accounts. */
  readonly proxyHosts: readonly string[];
  /** Lower-case mailbox domains (from SMTP addresses in the profiles). */
  readonly mailboxDomains: readonly string[];
}

const OFFICE = /^MicrosoftOffice\d{2}_Data:/i;
const OFFICE_SSPI = /^MicrosoftOffice\d{2}_Data:SSPI(?::|$)/i;
const OUTLOOK_WORD = /(?:^|[^a-z])outlook(?:[^a-z]|$)/i;
/** `cmdkey`/CRED_ENUMERATE_ALL_CREDENTIALS form (`Domain:target=…`); plain listings have none. */
const NAMESPACE_PREFIX = /^[A-Za-z]+:target=/;

const PASSWORD_TYPES: readonly number[] = [
  CRED_TYPE.GENERIC,
  CRED_TYPE.DOMAIN_PASSWORD,
  CRED_TYPE.DOMAIN_VISIBLE_PASSWORD,
];

export function credentialMatchContext(profiles: readonly OutlookProfile[]): CredentialMatchContext {
  const hosts = new Set<string>();
  const domains = new Set<string>();
  for (const p of profiles) {
    for (const a of p.accounts) {
      const host = a.rpcOverHttp.proxyServer ? normalizeHost(a.rpcOverHttp.proxyServer) : null;
      if (host) hosts.add(host);
      const m = a.mailbox ? /@([^@\s]+)$/.exec(a.mailbox) : null;
      const domain = m ? normalizeHost(m[1]!) : null;
      if (domain) domains.add(domain);
    }
  }
  return { proxyHosts: [...hosts], mailboxDomains: [...domains] };
}

/** `*.suffix` covers hosts under suffix (CREDENTIALW TargetName rules). */
function coversHost(target: string, host: string): boolean {
  if (target === host) return true;
  return target.startsWith('*.') && host.endsWith(target.slice(1));
}

function coversDomain(target: string, domain: string): boolean {
  return target === domain || target === `*.${domain}` || target === `${domain}\\*`;
}

function classify(c: SavedCredential, ctx: CredentialMatchContext): CredentialMatch | null {
  const name = c.targetName.replace(NAMESPACE_PREFIX, '');
  const lower = name.toLowerCase();
  const password = PASSWORD_TYPES.includes(c.type);
  const match = (kind: CredentialKind, staleCandidate: boolean, matched: string | null = null) => ({
    credential: c,
    kind,
    // Offered for removal only when it can be named safely (CLI argument, kit, dialog).
    staleCandidate: staleCandidate && password && credentialTargetProblem(c.targetName, c.type) === null,
    matched,
  });
  if (OFFICE_SSPI.test(name)) return match('office-sspi', true);
  // Modern-auth token caches and the like: Office's, but not a saved password.
  if (OFFICE.test(name)) return match('office-token', false);
  const host = ctx.proxyHosts.find((h) => coversHost(lower, h));
  if (host) return match('proxy-host', true, host);
  if (OUTLOOK_WORD.test(name)) return match('outlook-named', true);
  const domain = ctx.mailboxDomains.find((d) => coversDomain(lower, d));
  if (domain) return match('mailbox-domain', c.type !== CRED_TYPE.GENERIC, domain);
  return null;
}

/** The Outlook-related entries of a listing; every other saved credential is left out entirely. */
export function matchSavedCredentials(
  list: readonly SavedCredential[],
  ctx: CredentialMatchContext,
): CredentialMatch[] {
  return list.map((c) => classify(c, ctx)).filter((m): m is CredentialMatch => m !== null);
}

export function savedCredentialFindings(matches: readonly CredentialMatch[]): CauseFinding[] {
  const stale = matches.filter((m) => m.staleCandidate);
  if (stale.length === 0) return [];
  return [
    {
      id: 'saved-credentials',
      severity: 'warning',
      kb: stale.some((m) => m.kind === 'office-sspi') ? 'KB4051374' : 'KB-PWDCHANGE',
      profile: null,
      account: null,
      fixes: ['remove-saved-credentials'],
      facts: {
        count: stale.length,
        officeEntries: stale.filter((m) => m.kind === 'office-sspi').length,
        proxyEntries: stale.filter((m) => m.kind === 'proxy-host').length,
      },
    },
  ];
}

export interface CredentialSelection {
  readonly targetName: string;
  readonly type: number;
}

/**
 * Removals for the entries the person picked. Each must be a removal candidate of the listing
 * just taken (never a name typed in), and a name CredDeleteW may safely be given.
 */
export function planCredentialRemoval(
  matches: readonly CredentialMatch[],
  selected: readonly CredentialSelection[],
): CausePlanPart {
  const removals: CredentialRemoval[] = [];
  for (const s of selected) {
    const m = matches.find(
      (x) => x.staleCandidate && x.credential.targetName === s.targetName && x.credential.type === s.type,
    );
    if (!m) {
      throw new ExproxyError(
        'usage',
        `"${s.targetName}" is not one of the saved Outlook sign-ins found on this PC; list them again and pick from the list.`,
        { targetName: s.targetName, type: s.type },
      );
    }
    const problem = credentialTargetProblem(s.targetName, s.type);
    if (problem) throw new ExproxyError('blocked', `Cannot remove "${s.targetName}": ${problem}.`);
    if (removals.some((r) => r.targetName === s.targetName && r.type === s.type)) continue;
    removals.push({
      fix: 'remove-saved-credentials',
      targetName: s.targetName,
      type: s.type,
      userName: m.credential.userName,
      undoable: false,
    });
  }
  return { fix: 'remove-saved-credentials', changes: [], removals, skipped: [] };
}
