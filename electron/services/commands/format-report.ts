import type { TFunction } from 'i18next';
import type { AutodiscoverNotice } from '../../core/autodiscover/autodiscover-notice';
import {
  autodiscoverTexts,
  noticeText,
  type AutodiscoverLocale,
} from '../../core/autodiscover/autodiscover-text';
import type { DiagnosisReport } from '../../core/diagnosis/diagnosis-report';
import type { ClientFixId as FixId, Finding } from '../../core/diagnosis/finding';
import { LM_LEVEL_LABELS, isLmLevel } from '../../core/lsa/lm-compatibility';
import type { ChangePlan } from '../../core/fixes/change-plan';
import { describeRegValue, deserializeRegValue } from '../../core/registry/reg-value';

const MARK = { error: '✖', warning: '!', info: 'i' } as const;

function schemeText(t: TFunction, scheme: string | null, value: number | null): string {
  if (scheme === null) return t('scheme.none');
  return t(`scheme.${scheme}`, { value: value === null ? '' : `0x${value.toString(16)}` });
}

/** The fixes a report suggests, recommended one per finding, in KB820281's order. */
export function suggestedFixes(findings: readonly Finding[]): FixId[] {
  const order: FixId[] = ['proxy-auth-ntlm', 'lmcompat-3', 'lmcompat-2'];
  const picked = new Set(findings.map((f) => f.fixes[0]).filter((f): f is FixId => f !== undefined));
  return order.filter((f) => picked.has(f));
}

export function formatDiagnosis(t: TFunction, r: DiagnosisReport): string {
  const lines: string[] = [];
  const os = [r.machine.os.productName, r.machine.os.currentVersion && `(${r.machine.os.currentVersion})`]
    .filter(Boolean)
    .join(' ');
  const outlook =
    r.machine.outlook.map((o) => `${o.displayName} ${o.bitness}-bit`).join(', ') || t('noOutlook');
  lines.push(t('machine', { os: os || '?', outlook, adapter: r.adapter }));
  for (const p of r.profiles) {
    lines.push(
      t('profile', {
        name: p.name,
        default: p.isDefault ? t('profileDefault') : '',
        version:
          r.machine.outlook.find((o) => o.version === p.outlookVersion)?.displayName ?? t('unknownVersion'),
      }),
    );
    for (const a of p.accounts) {
      lines.push(
        t('account', {
          section: a.section,
          name: a.accountName ? ` (${a.accountName})` : '',
          server: a.homeServer ?? t('notSet'),
        }),
      );
      const h = a.rpcOverHttp;
      if (!h.enabled) lines.push(t('rohOff'));
      else
        lines.push(
          t('rohOn', {
            proxy: h.proxyServer ?? t('notSet'),
            ssl: h.sslOnly ? t('yes') : t('no'),
            mutual: h.mutualAuth ? t('yes') : t('no'),
            scheme: schemeText(t, h.authScheme, h.authSchemeValue),
          }),
        );
    }
  }
  const l = r.lsa;
  lines.push(
    t('lsa', {
      stored: l.lmCompatibilityLevel ?? t('lsaStoredAbsent'),
      effective: l.effectiveLmCompatibilityLevel,
      label: isLmLevel(l.effectiveLmCompatibilityLevel)
        ? LM_LEVEL_LABELS[l.effectiveLmCompatibilityLevel]
        : '?',
      policy: l.policyManaged ? t('lsaPolicy') : '',
    }),
  );
  lines.push('');
  const shown = r.findings.filter((f) => f.id !== 'no-outlook-profiles' || r.findings.length === 1);
  if (!shown.some((f) => f.severity !== 'info')) lines.push(t('noFindings'));
  if (shown.length > 0) lines.push(t('findingsHeader'));
  for (const f of shown) {
    lines.push(
      `  ${MARK[f.severity]} ${f.id} [${f.kb}] ${t(`findings.${f.id}`, { ...f.facts, profile: f.profile ?? '' })}`,
    );
    if (f.fixes.length > 0) lines.push(t('fixWith', { command: `exproxy apply ${f.fixes[0]}` }));
  }
  const fixes = suggestedFixes(r.findings);
  if (fixes.length > 0) lines.push('', t('next', { command: `exproxy apply ${fixes.join(' ')}` }));
  return lines.join('\n');
}

export function formatPlan(t: TFunction, plan: ChangePlan): string {
  const lines: string[] = [];
  if (plan.changes.length > 0) lines.push(t('plan'));
  for (const c of plan.changes) {
    lines.push(
      t('planLine', {
        where: c.path,
        name: c.name,
        before: describeRegValue(c.before ? deserializeRegValue(c.before) : null),
        after: describeRegValue(c.after ? deserializeRegValue(c.after) : null),
        elevated: c.elevated ? t('planElevated') : '',
      }),
    );
  }
  if (plan.alreadyDone.length > 0) lines.push(t('alreadyDone', { fixes: plan.alreadyDone.join(', ') }));
  return lines.join('\n');
}

/**
 * "Exchange can switch this back": for each 2007+ profile with Outlook Anywhere, why, who must
 * act, and the Exchange admin's commands per Exchange version (texts from core/autodiscover).
 */
export function formatAutodiscover(
  locale: AutodiscoverLocale,
  notices: readonly AutodiscoverNotice[],
): string[] {
  const t = autodiscoverTexts(locale);
  const lines: string[] = [];
  for (const n of notices) {
    const text = noticeText(n, locale);
    lines.push('', `${text.title} — "${n.profile}"`, `  ${text.why}`, `  ${text.exchange2003}`);
    lines.push(`  ${text.accounts}`, `  ${text.who}`);
    for (const s of n.servers) {
      lines.push(`  ${s.proxyHost ?? '?'}:`, `    ${t.notice.check}: ${s.commands[0]!.check}`);
      for (const c of s.commands) lines.push(`    ${t.generations[c.generation]}: ${c.set}`);
    }
  }
  return lines;
}
