import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import type { Finding } from '../diagnosis/finding';
import type { ChangeRecord, PlannedChange } from '../fixes/change-plan';
import { ROHAUTH } from '../outlook/rpc-over-http';
import { equalsIgnoreAsciiCase } from '../registry/ascii-case';
import type { SerializedRegValue } from '../registry/reg-value';
import { autodiscoverScope, outlookName } from './autodiscover-scope';

/** PR_ROH_PROXY_AUTH_SCHEME as stored: a 4-byte little-endian REG_BINARY (or a REG_DWORD). */
function schemeOf(v: SerializedRegValue | null): number | null {
  if (v === null) return null;
  if (v.type === 'REG_DWORD') return v.data;
  if (v.type === 'REG_BINARY' && v.hex.length === 8)
    return parseInt(v.hex.slice(6, 8) + v.hex.slice(4, 6) + v.hex.slice(2, 4) + v.hex.slice(0, 2), 16);
  return null;
}

/** The changes of this record that switched an account from Basic to NTLM. */
function switchedToNtlm(record: ChangeRecord): PlannedChange[] {
  return record.changes.filter(
    (c) =>
      c.kind === 'roh-auth-scheme' &&
      schemeOf(c.before) === ROHAUTH.BASIC &&
      schemeOf(c.after) === ROHAUTH.NTLM &&
      c.profile !== null &&
      c.account !== null,
  );
}

function findAccount(report: DiagnosisReport, profile: string, section: string) {
  const p = report.profiles.find((x) => x.status !== 'leftover' && equalsIgnoreAsciiCase(x.name, profile));
  const a = p?.accounts.find((x) => equalsIgnoreAsciiCase(x.section, section));
  return p && a ? { profile: p, account: a } : null;
}

/**
 * Accounts our change switched from Basic to NTLM that a later scan finds on Basic again, on an
 * Outlook that rewrites them from Autodiscover (2007+, or not detected). Pure: the before-scan
 * (may be null after a Windows restart), the journal record of the change, and the after-scan.
 * Nothing is claimed for a change that is not applied any more, or a scan not taken after it.
 */
export function findAutodiscoverReverts(
  before: DiagnosisReport | null,
  record: ChangeRecord,
  after: DiagnosisReport,
): Finding[] {
  if (record.state !== 'applied') return [];
  if (Date.parse(after.scannedAt) <= Date.parse(record.updatedAt)) return [];
  const findings: Finding[] = [];
  for (const change of switchedToNtlm(record)) {
    const now = findAccount(after, change.profile!, change.account!);
    if (!now || !now.account.rpcOverHttp.enabled) continue;
    if (now.account.rpcOverHttp.authSchemeValue !== ROHAUTH.BASIC) continue;
    if (autodiscoverScope(now.profile) === 'no') continue;
    const then = before ? findAccount(before, change.profile!, change.account!) : null;
    findings.push({
      id: 'autodiscover-reverted',
      severity: 'error',
      kb: 'SET-OUTLOOKANYWHERE',
      profile: now.profile.name,
      account: now.account.section,
      fixes: [],
      facts: {
        proxyServer: now.account.rpcOverHttp.proxyServer ?? then?.account.rpcOverHttp.proxyServer ?? null,
        accountName: now.account.accountName,
        changeId: record.id,
        appliedAt: record.updatedAt,
        outlook: outlookName(now.profile) ?? 'Outlook',
      },
    });
  }
  return findings;
}

/** The same over several records (newest first): one finding per account, from its newest change. */
export function findAutodiscoverRevertsIn(
  before: DiagnosisReport | null,
  records: readonly ChangeRecord[],
  after: DiagnosisReport,
): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const record of records) {
    for (const c of record.changes) {
      if (c.kind !== 'roh-auth-scheme') continue;
      const key = `${c.profile ?? ''}|${c.account ?? ''}`.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(...findAutodiscoverReverts(before, { ...record, changes: [c] }, after));
    }
  }
  return out;
}

/**
 * The scan with the reverts added. Their accounts' `proxy-auth-basic` no longer offers the
 * switch: it would be undone at the next start, and once the server hands out NTLM, Outlook
 * takes NTLM by itself.
 */
export function mergeReverts(report: DiagnosisReport, reverts: readonly Finding[]): DiagnosisReport {
  if (reverts.length === 0) return report;
  const reverted = new Set(reverts.map((f) => `${f.profile}|${f.account}`.toLowerCase()));
  const findings = report.findings.map((f) =>
    f.id === 'proxy-auth-basic' && reverted.has(`${f.profile}|${f.account}`.toLowerCase())
      ? { ...f, fixes: f.fixes.filter((x) => x !== 'proxy-auth-ntlm') }
      : f,
  );
  return { ...report, findings: [...findings, ...reverts] };
}
