/**
 * The ticket report's parts for the causes beyond KB820281: each finding's title, the saved
 * sign-ins that concern Outlook (names only), what the mail servers answered (the RPC proxy and
 * MAPI over HTTP side by side), the "nothing found" guidance, and the saved sign-ins a change
 * removed, marked as not undoable. Self-contained HTML fragments, every text escaped.
 */
import { CAUSE_FINDING_IDS, type CauseFindingId } from '../causes/cause-finding';
import { causeTexts, fillText, findingText, type CauseLocale } from '../causes/cause-text';
import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import type { Finding } from '../diagnosis/finding';
import type { ChangeRecord } from '../fixes/change-plan';
import type { ReportLabels } from './report-labels';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);

/** A finding's plain-language title where the core has one (the causes), else nothing. */
export function findingTitle(f: Finding, locale: CauseLocale): string | null {
  if (!(CAUSE_FINDING_IDS as readonly string[]).includes(f.id)) return null;
  return fillText(findingText(locale, f.id as CauseFindingId).title, { ...f.facts, profile: f.profile });
}

function typeName(locale: CauseLocale, type: number): string {
  return (causeTexts(locale).credentialTypes as Record<string, string>)[String(type)] ?? String(type);
}

export function savedCredentialsHtml(scan: DiagnosisReport, L: ReportLabels, locale: CauseLocale): string[] {
  const list = scan.savedCredentials;
  if (list === undefined) return [];
  const rows = [`<h2>${esc(L.savedCredentials)}</h2>`];
  if (list === null) return [...rows, `<p>${esc(L.credentialsNotListed)}</p>`];
  if (list.length === 0) return [...rows, `<p>${esc(L.none)}</p>`];
  const kinds = causeTexts(locale).credentialKinds as Record<string, string>;
  rows.push('<ul>');
  for (const m of list)
    rows.push(
      `<li>${esc(m.credential.targetName)} — ${esc(typeName(locale, m.credential.type))}, ${esc(m.credential.userName ?? L.none)}: ${esc(fillText(kinds[m.kind] ?? m.kind, { matched: m.matched }))}${m.staleCandidate ? ` (${esc(L.removable)})` : ''}</li>`,
    );
  rows.push('</ul>');
  return rows;
}

export function mailServersHtml(scan: DiagnosisReport, L: ReportLabels, locale: CauseLocale): string[] {
  const checks = (scan.proxyChecks ?? []).filter((c) => c.result || c.mapi);
  if (checks.length === 0) return [];
  const verdicts = causeTexts(locale).mapiVerdicts as Record<string, string>;
  const answer = (status: number | null | undefined, schemes: readonly string[]) =>
    `HTTP ${status ?? '—'}; ${schemes.join(', ') || L.none}`;
  const rows = [
    `<h2>${esc(L.mailServers)}</h2>`,
    `<table><tr><th>${esc(L.proxy)}</th><th>${esc(L.rpcProxy)}</th><th>${esc(L.mapiEndpoint)}</th></tr>`,
  ];
  for (const c of checks) {
    const rpc = c.result ? answer(c.result.status, c.result.schemes) : L.none;
    const mapi = c.mapi
      ? `${answer(c.mapi.status, c.mapi.schemes)} — ${verdicts[c.mapi.verdict] ?? c.mapi.verdict}`
      : L.none;
    rows.push(`<tr><td>${esc(c.proxyServer)}</td><td>${esc(rpc)}</td><td>${esc(mapi)}</td></tr>`);
  }
  rows.push('</table>');
  return rows;
}

export function guidanceHtml(scan: DiagnosisReport, locale: CauseLocale): string[] {
  const g = scan.guidance;
  if (!g) return [];
  const t = causeTexts(locale).guidance;
  const checked = t.checked as Record<string, string>;
  const steps = t.steps as Record<string, string>;
  return [
    `<h2>${esc(t.title)}</h2>`,
    `<p>${esc(t.intro)}</p>`,
    `<ul>${g.checked.map((a) => `<li>${esc(checked[a] ?? a)}</li>`).join('')}</ul>`,
    `<ol>${g.steps.map((s) => `<li>${esc(fillText(steps[s.key] ?? s.key, { ...s }))}</li>`).join('')}</ol>`,
  ];
}

/** The saved sign-ins a change removed: a row each, "cannot be undone". */
export function removalRowsHtml(c: ChangeRecord, L: ReportLabels, locale: CauseLocale): string[] {
  return (c.removals ?? []).map(
    (r) =>
      `<tr><td>${esc(`${L.savedCredential}: ${r.targetName} (${typeName(locale, r.type)}${r.userName ? `, ${r.userName}` : ''})`)}</td><td>${esc(L.present)}</td><td>${esc(r.removed ? `${L.removed} — ${L.notUndoable}` : L.notRemoved)}</td></tr>`,
  );
}

/** Summary lines for a change's removals. */
export function removalSummary(c: ChangeRecord, L: ReportLabels): string[] {
  return (c.removals ?? [])
    .filter((r) => r.removed)
    .map((r) => `  ${L.savedCredential} ${r.targetName}: ${L.removed} (${L.notUndoable})`);
}
