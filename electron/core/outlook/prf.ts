import type { ScanResult } from '../diagnosis/scan';
import { equalsIgnoreAsciiCase } from '../registry/ascii-case';
import { encodeAnsi, firstNonAnsiIndex } from '../registry/text-encoding';
import { EXCHANGE_GLOBAL_SECTION } from './mapi-uid';
import { prfReach, prfReachesSection } from './prf-account';
import type { PrfRefusal } from './prf-refusal';
import type { ExchangeAccount, OutlookProfile } from './profile-model';
import { profilesInUse } from './profile-selection';
import { ROHAUTH } from './rpc-over-http';

/**
 * An Outlook PRF that updates an existing profile's Outlook Anywhere settings to NTLM proxy
 * sign-in: the way Microsoft supports changing profiles (Outlook applies it itself with
 * `outlook.exe /importprf`), instead of editing profile bytes in the registry.
 *
 * Laid out like the Office Customization Tool's own PRFs (sections 1–4 and 6); every key and
 * its source is listed in PRF-SOURCES.md beside this file.
 */
export interface PrfResult {
  readonly text: string;
  readonly profile: string;
  /** Section key of the account the PRF changes. */
  readonly account: string;
  /** Its name as the person knows it (the account name, else the section key). */
  readonly accountLabel: string;
  /** Other accounts of the profile on Basic that a PRF cannot reach (names or section keys). */
  readonly notCovered: readonly string[];
}

export type PrfOutcome =
  { readonly ok: true; readonly prf: PrfResult } | { readonly ok: false; readonly refusal: PrfRefusal };

/** H6 marks profiles of an Outlook root the installed Outlook no longer reads. */

/** Section 6 of an OCT PRF: which MAPI property each key of the services below maps to. */
export const EXCHANGE_SERVICE_MAPPING: ReadonlyArray<readonly [string, string]> = [
  ['ServiceName', 'MSEMS'],
  ['MDBGUID', '5494A1C0297F101BA58708002B2A2517'],
  ['MailboxName', 'PT_STRING8,0x6607'],
  ['HomeServer', 'PT_STRING8,0x6608'],
  ['OfflineAddressBookPath', 'PT_STRING8,0x660E'],
  ['OfflineFolderPath', 'PT_STRING8,0x6610'],
];

export const EXCHANGE_GLOBAL_MAPPING: ReadonlyArray<readonly [string, string]> = [
  ['SectionGUID', EXCHANGE_GLOBAL_SECTION],
  ['MailboxName', 'PT_STRING8,0x6607'],
  ['HomeServer', 'PT_STRING8,0x6608'],
  ['RPCoverHTTPflags', 'PT_LONG,0x6623'],
  ['RPCProxyServer', 'PT_UNICODE,0x6622'],
  ['RPCProxyPrincipalName', 'PT_UNICODE,0x6625'],
  ['RPCProxyAuthScheme', 'PT_LONG,0x6627'],
];

function hex4(n: number): string {
  return `0x${n.toString(16).padStart(4, '0')}`;
}

function label(a: ExchangeAccount): string {
  return a.accountName ?? a.section;
}

function refuse(reason: PrfRefusal['reason'], facts: Record<string, string>): PrfOutcome {
  return { ok: false, refusal: { reason, facts } };
}

/** The named profile; one in use wins over a leftover of the same name (as `--profile` does). */
function findProfile(profiles: readonly OutlookProfile[], name: string): OutlookProfile | undefined {
  const named = profiles.filter((p) => equalsIgnoreAsciiCase(p.name, name));
  return profilesInUse(named)[0] ?? named[0];
}

function sectionLines(name: string, entries: ReadonlyArray<readonly [string, string]>): string[] {
  return [`[${name}]`, ...entries.map(([k, v]) => `${k}=${v}`), ''];
}

function banner(title: string): string[] {
  const rule = '; **************************************************************';
  return [rule, `; ${title}`, rule, ''];
}

function prfText(profile: OutlookProfile, account: ExchangeAccount): string {
  const roh = account.rpcOverHttp;
  // Only the Outlook Anywhere keys, exactly as inspected (unknown flag bits too), with the
  // scheme switched to NTLM: a PRF key left out leaves that property untouched.
  const egs: [string, string][] = [];
  if (roh.flags !== null) egs.push(['RPCoverHTTPflags', hex4(roh.flags)]);
  egs.push(['RPCProxyServer', roh.proxyServer!]);
  if (roh.principalName) egs.push(['RPCProxyPrincipalName', roh.principalName]);
  egs.push(['RPCProxyAuthScheme', hex4(ROHAUTH.NTLM)]);
  const lines = [
    '; Outlook profile (PRF) written by Exchange Proxy Wizard.',
    `; Switches profile "${profile.name}" to NTLM sign-in at the Exchange proxy (KB820281).`,
    '; Apply with Outlook closed: outlook.exe /importprf <this file>',
    '',
    ...banner('Section 1 - Profile Defaults'),
    ...sectionLines('General', [
      ['Custom', '1'],
      ['ProfileName', profile.name],
      ['DefaultProfile', profile.isDefault ? 'Yes' : 'No'],
      // Append: keep the profile and its data, change only the listed settings.
      ['OverwriteProfile', 'Append'],
      ['ModifyDefaultProfileIfPresent', 'FALSE'],
      // No "Backup of …" copy of the profile, and (2010+) no second Exchange account.
      ['BackupProfile', 'False'],
    ]),
    ...banner('Section 2 - Services in Profile'),
    ...sectionLines('Service List', [
      ['ServiceEGS1', 'Exchange Global Section'],
      ['Service1', 'Microsoft Exchange Server'],
    ]),
    ...banner('Section 3 - List of internet accounts'),
    ...sectionLines('Internet Account List', []),
    ...banner('Section 4 - Default values for each service'),
    ...sectionLines('ServiceEGS1', egs),
    // The profile's Exchange service stays as it is: never a second one, never overwritten.
    ...sectionLines('Service1', [
      ['UniqueService', 'Yes'],
      ['OverwriteExistingService', 'No'],
    ]),
    ...banner('Section 6 - Mapping for profile properties'),
    ...sectionLines('Microsoft Exchange Server', EXCHANGE_SERVICE_MAPPING),
    ...sectionLines('Exchange Global Section', EXCHANGE_GLOBAL_MAPPING),
  ];
  return lines.join('\r\n');
}

/** The first value a PRF line cannot hold (an INI line ends at a line break). */
function unwritable(profile: OutlookProfile, account: ExchangeAccount): string | null {
  const fields: [string, string | null][] = [
    ['ProfileName', profile.name],
    ['RPCProxyServer', account.rpcOverHttp.proxyServer],
    ['RPCProxyPrincipalName', account.rpcOverHttp.principalName],
  ];
  return fields.find(([, v]) => v !== null && /[\r\n\0]/.test(v))?.[0] ?? null;
}

/**
 * Builds the PRF for one profile, or says why none can be written: only a Basic account is
 * switched (Negotiate, certificate and unknown methods are left alone), leftover profiles are
 * never used, and on 2010+ only the legacy account is reachable (see prf-account.ts).
 */
export function buildPrf(scan: Pick<ScanResult, 'report' | 'tree'>, profileName: string): PrfOutcome {
  const profile = findProfile(scan.report.profiles, profileName);
  if (!profile) return refuse('no-profile', { profile: profileName });
  const where = { profile: profile.name };
  if (profile.status === 'leftover') return refuse('leftover-profile', where);
  const roh = profile.accounts.filter((a) => a.rpcOverHttp.enabled && a.rpcOverHttp.proxyServer);
  if (roh.length === 0) return refuse('no-outlook-anywhere', where);
  const basic = roh.filter((a) => a.rpcOverHttp.authSchemeValue === ROHAUTH.BASIC);
  if (basic.length === 0) {
    const other = roh.find((a) => a.rpcOverHttp.authSchemeValue !== ROHAUTH.NTLM);
    if (!other) return refuse('already-ntlm', where);
    const value = other.rpcOverHttp.authSchemeValue;
    return refuse('scheme-not-basic', {
      ...where,
      account: label(other),
      schemeValue: value === null ? '' : `0x${value.toString(16)}`,
    });
  }
  const reach = prfReach(scan.tree, profile);
  if (reach.kind === 'unknown') return refuse('legacy-unknown', { ...where, account: label(basic[0]!) });
  const target = basic.find((a) => prfReachesSection(reach, a.section));
  if (!target) {
    const legacy = profile.accounts.find((a) => prfReachesSection(reach, a.section));
    return refuse('secondary-account', {
      ...where,
      account: basic.map(label).join(', '),
      legacy: legacy ? label(legacy) : reach.section,
    });
  }
  const field = unwritable(profile, target);
  if (field) return refuse('line-break', { ...where, field });
  return {
    ok: true,
    prf: {
      text: prfText(profile, target),
      profile: profile.name,
      account: target.section,
      accountLabel: label(target),
      notCovered: basic.filter((a) => a !== target).map(label),
    },
  };
}

/** ANSI when every character fits (what Outlook 2003 reads), else UTF-16LE with a BOM. */
export function encodePrf(text: string): Uint8Array {
  if (firstNonAnsiIndex(text) === -1) return encodeAnsi(text);
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c & 0xff;
    out[3 + i * 2] = c >> 8;
  }
  return out;
}

/** Parses a PRF back into sections (for tests and for checking what was written). */
export function parsePrf(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]!) ?? new Map();
      sections.set(header[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current && eq > 0) current.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return sections;
}
