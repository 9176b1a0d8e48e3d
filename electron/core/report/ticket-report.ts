import {
  autodiscoverHtml,
  autodiscoverReport,
  type AutodiscoverReport,
} from '../autodiscover/autodiscover-report';
import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import type { LsaState } from '../lsa/lsa-model';
import type { ChangeRecord } from '../fixes/change-plan';
import {
  findingTitle,
  guidanceHtml,
  mailServersHtml,
  removalRowsHtml,
  removalSummary,
  savedCredentialsHtml,
} from './cause-report';
import type { ReportLabels } from './report-labels';
import { valueText } from './value-text';

/** The JSON report: everything a ticket needs, machine-readable. */
export interface TicketReport {
  readonly generatedAt: string;
  readonly before: DiagnosisReport | null;
  readonly after: DiagnosisReport | null;
  readonly changes: readonly ChangeRecord[];
  /** Where Exchange can switch the fix back (Outlook 2007+), and where it did. */
  readonly autodiscover: AutodiscoverReport;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);

export function buildTicketReport(
  before: DiagnosisReport | null,
  after: DiagnosisReport | null,
  changes: readonly ChangeRecord[],
  now: Date,
): TicketReport {
  return {
    generatedAt: now.toISOString(),
    before,
    after,
    changes,
    autodiscover: autodiscoverReport(after ?? before),
  };
}

/** The LAN Manager line, never claiming a value the export does not have. */
function lmText(l: LsaState, L: ReportLabels): string {
  if (l.seen === false) return L.notInExport;
  const invalid = l.invalidLmCompatibilityLevel;
  if (invalid) return `${L.invalidLevel} ${invalid.type} ${invalid.data}; ${L.lmEffective} ${L.unknown}`;
  const effective = l.lmLevelSource === 'unknown' ? L.unknown : l.effectiveLmCompatibilityLevel;
  return `${L.lmStored} ${l.lmCompatibilityLevel ?? L.absent}, ${L.lmEffective} ${effective}`;
}

/** What an export did not show, and the commands that complete it (product constants only). */
function coverageHtml(scan: DiagnosisReport, L: ReportLabels): string[] {
  const c = scan.coverage;
  if (!c) return [];
  const rows: string[] = [];
  if (c.userSid) rows.push(`<p>${esc(L.userHive)} ${esc(c.userSid)}</p>`);
  if (c.complete) return rows;
  rows.push(`<h2>${esc(L.coverage)}</h2>`);
  if (c.missing.length > 0)
    rows.push(
      `<p>${esc(L.coverageIncomplete)}:</p><ul>${c.missing.map((p) => `<li>${esc(L.coverageParts[p])}</li>`).join('')}</ul>`,
    );
  if (c.installUnknown) rows.push(`<p>${esc(L.installUnknown)}</p>`);
  if (c.commands.length > 0)
    rows.push(`<p>${esc(L.completeWith)}:</p><pre>${esc(c.commands.join('\n'))}</pre>`);
  return rows;
}

/** Self-contained HTML (no scripts, inline styles only), safe to attach to a ticket. */
export function ticketReportHtml(r: TicketReport, L: ReportLabels, lang: string): string {
  const scan = r.after ?? r.before;
  const locale = lang === 'zh-CN' ? 'zh-CN' : 'en';
  const rows: string[] = [];
  rows.push(`<h1>${esc(L.title)}</h1><p>${esc(L.generated)}: ${esc(r.generatedAt)}</p>`);
  if (scan) {
    const os = scan.machine.os;
    rows.push(`<h2>${esc(L.machine)}</h2><ul>`);
    rows.push(
      `<li>${esc(L.os)}: ${esc([os.productName, os.currentVersion, os.build].filter(Boolean).join(' '))}</li>`,
    );
    rows.push(
      `<li>${esc(L.outlook)}: ${esc(scan.machine.outlook.map((o) => `${o.displayName} (${o.version}, ${o.bitness}-bit)`).join(', ') || L.none)}</li>`,
    );
    rows.push(`<li>${esc(L.lmLevel)}: ${esc(lmText(scan.lsa, L))}</li></ul>`);
    rows.push(...coverageHtml(scan, L));
    rows.push(`<h2>${esc(L.profiles)}</h2><ul>`);
    for (const p of scan.profiles) {
      const leftover = p.status === 'leftover' ? ` (${esc(L.leftover)})` : '';
      rows.push(`<li>${esc(p.name)}${p.isDefault ? ' *' : ''}${leftover}<ul>`);
      for (const a of p.accounts) {
        rows.push(
          `<li>${esc(L.account)} ${esc(a.accountName ?? a.section)} — ${esc(L.proxy)}: ${esc(a.rpcOverHttp.proxyServer ?? L.none)}, ${esc(L.authScheme)}: ${esc(a.rpcOverHttp.authScheme ?? L.none)}</li>`,
        );
      }
      rows.push('</ul></li>');
    }
    rows.push('</ul>');
    rows.push(...savedCredentialsHtml(scan, L, locale));
    rows.push(...mailServersHtml(scan, L, locale));
  }
  for (const [title, rep] of [
    [L.findingsBefore, r.before],
    [L.findingsAfter, r.after],
  ] as const) {
    if (!rep) continue;
    rows.push(`<h2>${esc(title)}</h2>`);
    const fs = rep.findings.filter((f) => f.severity !== 'info');
    rows.push(
      fs.length === 0
        ? `<p>${esc(L.noFindings)}</p>`
        : `<ul>${fs
            .map((f) => {
              const title = findingTitle(f, locale);
              return `<li>${esc(f.severity)} · ${esc(f.id)} · ${esc(f.kb)}${f.profile ? ` · ${esc(f.profile)}` : ''}${title ? ` — ${esc(title)}` : ''}</li>`;
            })
            .join('')}</ul>`,
    );
  }
  if (scan) rows.push(...guidanceHtml(scan, locale));
  rows.push(autodiscoverHtml(r.autodiscover, lang === 'zh-CN' ? 'zh-CN' : 'en'));
  rows.push(`<h2>${esc(L.changes)}</h2>`);
  if (r.changes.length === 0) rows.push(`<p>${esc(L.noChanges)}</p>`);
  for (const c of r.changes) {
    rows.push(`<h3>${esc(c.id)} · ${esc(c.createdAt)} · ${esc(L.state)}: ${esc(c.state)}</h3>`);
    rows.push(`<table><tr><th>${esc(L.value)}</th><th>${esc(L.before)}</th><th>${esc(L.after)}</th></tr>`);
    for (const ch of c.changes) {
      rows.push(
        `<tr><td>${esc(`${ch.path}\\${ch.name}`)}</td><td>${esc(valueText(ch.before, L.absent))}</td><td>${esc(valueText(ch.after, L.absent))}</td></tr>`,
      );
    }
    rows.push(...removalRowsHtml(c, L, locale));
    rows.push('</table>');
  }
  const style =
    'body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left;font-family:Consolas,monospace;font-size:12px}h1{color:#0f5ba7}';
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(L.title)}</title><style>${style}</style></head><body>${rows.join('\n')}</body></html>\n`;
}

/** A few lines for the clipboard / a ticket's first comment. */
export function ticketSummary(r: TicketReport, L: ReportLabels): string {
  const before = (r.before?.findings ?? []).filter((f) => f.severity !== 'info');
  const afterIds = new Set(
    (r.after?.findings ?? [])
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.id}|${f.profile}|${f.account}`),
  );
  const lines = [`${L.title} — ${r.generatedAt}`];
  const coverage = (r.after ?? r.before)?.coverage;
  if (coverage && coverage.missing.length > 0)
    lines.push(`${L.coverageIncomplete}: ${coverage.missing.map((p) => L.coverageParts[p]).join(', ')}`);
  for (const f of before) {
    const open = r.after ? afterIds.has(`${f.id}|${f.profile}|${f.account}`) : true;
    lines.push(
      `- ${f.id} (${f.kb})${f.profile ? ` [${f.profile}]` : ''}: ${open ? L.summaryOpen : L.summaryFixed}`,
    );
  }
  // It went back to Basic: new in the after-scan, and not something the change fixed.
  for (const f of r.autodiscover.reverted)
    lines.push(`- ${f.id} (${f.kb})${f.profile ? ` [${f.profile}]` : ''}: ${L.summaryOpen}`);
  for (const c of r.changes) {
    for (const ch of c.changes)
      lines.push(
        `  ${ch.name}: ${valueText(ch.before, L.absent)} → ${valueText(ch.after, L.absent)} (${c.state})`,
      );
    lines.push(...removalSummary(c, L));
  }
  return lines.join('\n');
}
