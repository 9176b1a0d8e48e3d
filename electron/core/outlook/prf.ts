import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import { ExproxyError } from '../errors';
import { equalsIgnoreAsciiCase } from '../registry/ascii-case';
import { encodeAnsi, firstNonAnsiIndex } from '../registry/text-encoding';
import { EXCHANGE_GLOBAL_SECTION } from './mapi-uid';
import type { ExchangeAccount, OutlookProfile } from './profile-model';
import { ROHAUTH } from './rpc-over-http';

/**
 * An Outlook PRF that updates an existing profile's Outlook Anywhere settings with NTLM proxy
 * authentication: the way Microsoft supports changing profiles (Outlook applies it itself with
 * `outlook.exe /importprf`), instead of editing profile bytes in the registry.
 */
export interface PrfResult {
  readonly text: string;
  readonly profile: string;
  readonly account: string;
}

/** The OCT "Exchange Global Section" mapping (reference §5.1): PRF key → MAPI property. */
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

/** PRF is an INI file: a value with a line break would end its line and start another. */
function iniValue(what: string, v: string): string {
  if (/[\r\n\0]/.test(v))
    throw new ExproxyError(
      'usage',
      `${what} ${JSON.stringify(v)} cannot be written to a PRF file (it has a line break).`,
    );
  return v;
}

function pickAccount(profile: OutlookProfile): ExchangeAccount {
  const roh = profile.accounts.filter((a) => a.rpcOverHttp.enabled && a.rpcOverHttp.proxyServer);
  if (roh.length === 0)
    throw new ExproxyError(
      'usage',
      `Profile "${profile.name}" has no Exchange account using Outlook Anywhere; there is nothing for a PRF to change.`,
    );
  // The PRF's Exchange service is the profile's (first) Exchange account; prefer one on Basic.
  return roh.find((a) => a.rpcOverHttp.authScheme === 'basic') ?? roh[0]!;
}

export function buildPrf(report: DiagnosisReport, profileName: string): PrfResult {
  const profile = report.profiles.find((p) => equalsIgnoreAsciiCase(p.name, profileName));
  if (!profile) throw new ExproxyError('usage', `No Outlook profile named "${profileName}" was found.`);
  const account = pickAccount(profile);
  const roh = account.rpcOverHttp;
  const lines = [
    '; Outlook profile (PRF) written by Exchange Proxy Wizard.',
    `; Updates profile "${profile.name}" to sign in to the Exchange proxy with NTLM (KB820281).`,
    '; Apply with Outlook closed: outlook.exe /importprf <this file>',
    '',
    '[General]',
    'Custom=1',
    `ProfileName=${iniValue('ProfileName', profile.name)}`,
    `DefaultProfile=${profile.isDefault ? 'Yes' : 'No'}`,
    // Append: keep the profile and its data, change only the listed settings.
    'OverwriteProfile=Append',
    'ModifyDefaultProfileIfPresent=FALSE',
    '',
    '[Service List]',
    'ServiceEGS=Exchange Global Section',
    '',
    '[ServiceEGS]',
  ];
  if (account.mailbox) lines.push(`MailboxName=${iniValue('MailboxName', account.mailbox)}`);
  if (account.homeServer) lines.push(`HomeServer=${iniValue('HomeServer', account.homeServer)}`);
  // Flags exactly as inspected (unknown bits too): only the authentication scheme changes.
  if (roh.flags !== null) lines.push(`RPCoverHTTPflags=${hex4(roh.flags)}`);
  lines.push(`RPCProxyServer=${iniValue('RPCProxyServer', roh.proxyServer!)}`);
  if (roh.principalName)
    lines.push(`RPCProxyPrincipalName=${iniValue('RPCProxyPrincipalName', roh.principalName)}`);
  lines.push(`RPCProxyAuthScheme=${hex4(ROHAUTH.NTLM)}`, '', '[Exchange Global Section]');
  for (const [k, v] of EXCHANGE_GLOBAL_MAPPING) lines.push(`${k}=${v}`);
  return { text: lines.join('\r\n') + '\r\n', profile: profile.name, account: account.section };
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
      current = new Map();
      sections.set(header[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current && eq > 0) current.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return sections;
}
