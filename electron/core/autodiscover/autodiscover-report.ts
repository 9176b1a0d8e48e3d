import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import type { Finding } from '../diagnosis/finding';
import { autodiscoverNotices, type AutodiscoverNotice } from './autodiscover-notice';
import { autodiscoverTexts, noticeText, revertedText, type AutodiscoverLocale } from './autodiscover-text';

/** The ticket report's Autodiscover part: JSON-safe data, and its HTML in the report's language. */
export interface AutodiscoverReport {
  /** Profiles where Exchange can switch the fix back, with the admin's commands. */
  readonly notices: readonly AutodiscoverNotice[];
  /** `autodiscover-reverted` findings of the latest scan: it did switch back. */
  readonly reverted: readonly Finding[];
}

export function autodiscoverReport(latest: DiagnosisReport | null): AutodiscoverReport {
  if (!latest) return { notices: [], reverted: [] };
  return {
    notices: autodiscoverNotices(latest),
    reverted: latest.findings.filter((f) => f.id === 'autodiscover-reverted'),
  };
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);

/** One self-contained HTML fragment (no scripts); empty when there is nothing to say. */
export function autodiscoverHtml(r: AutodiscoverReport, locale: AutodiscoverLocale): string {
  const t = autodiscoverTexts(locale);
  const out: string[] = [];
  for (const f of r.reverted) {
    const text = revertedText(f, locale);
    out.push(`<h2>${esc(text.title)}</h2><p>${esc(text.why)}</p><p><strong>${esc(text.who)}</strong></p>`);
  }
  for (const n of r.notices) {
    const text = noticeText(n, locale);
    out.push(`<h2>${esc(text.title)} — ${esc(n.profile)}</h2>`);
    out.push(`<p>${esc(text.why)}</p><p>${esc(text.exchange2003)}</p><p>${esc(text.accounts)}</p>`);
    out.push(`<p>${esc(text.who)}</p>`);
    for (const s of n.servers) {
      out.push(`<h3>${esc(s.proxyHost ?? '?')}</h3><table>`);
      out.push(`<tr><th>${esc(t.notice.check)}</th><td>${esc(s.commands[0]?.check)}</td></tr>`);
      for (const c of s.commands)
        out.push(
          `<tr><th>${esc(t.notice.set)} · ${esc(t.generations[c.generation])}</th><td>${esc(c.set)}</td></tr>`,
        );
      out.push('</table>');
    }
  }
  return out.join('\n');
}
