/**
 * Simulated Windows 10 machines with N Outlook 2016 profiles of two Exchange accounts each,
 * built the way scripts/samples/make-sample-machines.ts builds `win10-outlook2016-two-accounts`.
 */
import { RegTree } from '../../electron/core/registry/reg-tree';
import type { RegValue } from '../../electron/core/registry/reg-value';
import { outlookCurVer } from '../../scripts/samples/office-builder';
import { dword, long, lsa, put, sz, uid, unicode, windows10 } from '../../scripts/samples/sample-builder';

const ACCOUNTS = '9375CFF0413111d3B88A00104B2A6676';
const OUTLOOK_ROOT = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook';

/** A deterministic 32-hex-digit section name (MAPI UID key name) from two counters. */
function sectionName(profile: number, slot: number): string {
  const a = (profile * 2654435761) >>> 0;
  const b = (slot * 40503 + profile * 97 + 0x9e3779b9) >>> 0;
  return [a, b, a ^ 0x5bd1e995, (b + profile) >>> 0]
    .map((n) => (n >>> 0).toString(16).padStart(8, '0'))
    .join('');
}

function account(tree: RegTree, profilePath: string, p: number, n: number): void {
  const service = sectionName(p, n * 2);
  const emsmdb = sectionName(p, n * 2 + 1);
  const domain = n === 1 ? 'contoso.com' : 'fabrikam.com';
  const user = `user${p}`;
  put(tree, `${profilePath}\\${ACCOUNTS}\\${String(n).padStart(8, '0')}`, {
    'Account Name': unicode(`${user}@${domain}`),
    'Service Name': unicode('MSEMS'),
    'Service UID': uid(service),
    'MAPI provider': dword(5),
  });
  put(tree, `${profilePath}\\${service}`, {
    '001f3d09': unicode('MSEMS'),
    '01023d15': uid(emsmdb),
    '00033e03': long(0),
  });
  const values: Record<string, RegValue> = {
    '00036601': long(0x1984),
    '00036619': long(10),
    '001e6602': unicode(n === 1 ? 'EXCH16A' : 'FABEX01'),
    '001f6641': unicode(`${user}@${domain}`),
    '00036623': long(n === 1 ? 0x2b : 0x2f),
    '001f6622': unicode(`mail.${domain}`),
    '001f6625': unicode(`msstd:mail.${domain}`),
    '00036627': long(n === 1 ? 1 : 2),
  };
  put(tree, `${profilePath}\\${emsmdb}`, values);
}

/** Windows 10, default LSA values, and `profiles` profiles of two Exchange accounts; no Office install. */
export function outlook2016Profiles(profiles: number): RegTree {
  const t = new RegTree();
  windows10(t);
  lsa(t);
  put(t, OUTLOOK_ROOT, { DefaultProfile: sz('Outlook') });
  for (let p = 0; p < profiles; p++) {
    const profilePath = `${OUTLOOK_ROOT}\\Profiles\\${p === 0 ? 'Outlook' : `Outlook ${p + 1}`}`;
    account(t, profilePath, p, 1);
    account(t, profilePath, p, 2);
    put(t, `${profilePath}\\0a0d020000000000c000000000000046`, { '01023d15': uid(sectionName(p, 3)) });
  }
  return t;
}

/** The same with 32-bit Outlook 2016 (MSI), registered as Office setup registers it. */
export function outlook2016Machine(profiles: number): RegTree {
  const t = outlook2016Profiles(profiles);
  put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook', {
    Bitness: sz('x86'),
  });
  put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot', {
    Path: sz('C:\\Program Files (x86)\\Microsoft Office\\Office16\\'),
  });
  outlookCurVer(t, 16);
  return t;
}
