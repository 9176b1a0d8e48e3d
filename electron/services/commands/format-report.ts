import type { TFunction } from 'i18next';
import type { AutodiscoverNotice } from '../../core/autodiscover/autodiscover-notice';
import {
  autodiscoverTexts,
  noticeText,
  type AutodiscoverLocale,
} from '../../core/autodiscover/autodiscover-text';
import type { DiagnosisReport } from '../../core/diagnosis/diagnosis-report';
import { FIX_IDS, type ClientFixId as FixId, type Finding } from '../../core/diagnosis/finding';
import { LM_LEVEL_LABELS, isLmLevel } from '../../core/lsa/lm-compatibility';
import type { ChangePlan } from '../../core/fixes/change-plan';
import type { LsaState } from '../../core/lsa/lsa-model';
import type { InstalledOutlook, OutlookProfile } from '../../core/outlook/profile-model';
import { describeRegValue, deserializeRegValue } from '../../core/registry/reg-value';
import type { CauseLocale } from '../../core/causes/cause-text';
import {
  causeFindingLines,
  credentialArgs,
  credentialLines,
  guidanceLines,
  isCauseFinding,
  planCauseLines,
} from './format-causes';
import { formatCoverage, formatUserHive } from './format-coverage';

const MARK = { error: '✖', warning: '!', info: 'i' } as const;

function schemeText(t: TFunction, scheme: string | null, value: number | null): string {
  if (scheme === null) return t('scheme.none');
  return t(`scheme.${scheme}`, { value: value === null ? '' : `0x${value.toString(16)}` });
}

/** Fixes that exclude each other: a plan takes one of each group at most. */
const ALTERNATIVES: readonly (readonly FixId[])[] = [
  ['lmcompat-3', 'lmcompat-2'],
  ['logon-negotiate', 'logon-ntlm'],
];

/** The fixes a report suggests, recommended one per finding, in plan order (KB820281's first). */
export function suggestedFixes(findings: readonly Finding[]): FixId[] {
  const picked = new Set(findings.map((f) => f.fixes[0]).filter((f): f is FixId => f !== undefined));
  const out = FIX_IDS.filter((f) => picked.has(f));
  return out.filter((f) => !ALTERNATIVES.some((g) => g.includes(f) && out.find((x) => g.includes(x)) !== f));
}

/** `exproxy apply …` for fixes, with the saved sign-ins a removal needs named. */
export function applyCommandLine(
  fixes: readonly FixId[],
  r: Pick<DiagnosisReport, 'savedCredentials'>,
): string {
  const creds = fixes.includes('remove-saved-credentials') ? credentialArgs(r.savedCredentials) : '';
  return ['exproxy apply', ...fixes, creds].filter(Boolean).join(' ');
}

function outlookText(t: TFunction, o: InstalledOutlook): string {
  const type = o.installType ? t(`installType.${o.installType}`, { build: o.build ?? '' }).trimEnd() : '';
  return `${o.displayName} ${o.bitness}-bit${type}`;
}

/** i18next reads dots as nesting, so the stores "15.0"/"16.0" become keys "o15"/"o16". */
function storeKey(store: OutlookProfile['store']): string {
  return store === 'wms' ? 'wms' : `o${store.slice(0, 2)}`;
}

function profileText(t: TFunction, r: DiagnosisReport, p: OutlookProfile): string {
  if (p.status === 'leftover')
    return t('profileLeftover', {
      name: p.name,
      from: t(`leftoverFrom.${storeKey(p.store)}`),
      path: p.keyPath,
    });
  return t('profile', {
    name: p.name,
    default: p.isDefault ? t('profileDefault') : '',
    version:
      r.machine.outlook.find((o) => o.version === p.outlookVersion)?.displayName ?? t('unknownVersion'),
  });
}

/** The LAN Manager line: never "not set" for a value the export does not have, or one that is invalid. */
function lsaText(t: TFunction, l: LsaState): string {
  if (l.seen === false) return t('lsaNotInExport');
  if (l.invalidLmCompatibilityLevel)
    return t('lsaInvalid', {
      type: l.invalidLmCompatibilityLevel.type,
      data: l.invalidLmCompatibilityLevel.data,
    });
  if (l.lmLevelSource === 'unknown') return t('lsaDefaultUnknown');
  return t('lsa', {
    stored: l.lmCompatibilityLevel ?? t('lsaStoredAbsent'),
    effective: l.effectiveLmCompatibilityLevel,
    label: isLmLevel(l.effectiveLmCompatibilityLevel)
      ? LM_LEVEL_LABELS[l.effectiveLmCompatibilityLevel]
      : '?',
    policy: l.policyManaged ? t('lsaPolicy') : '',
  });
}

export function formatDiagnosis(t: TFunction, r: DiagnosisReport, locale: CauseLocale = 'en'): string {
  const lines: string[] = [];
  const os = [r.machine.os.productName, r.machine.os.currentVersion && `(${r.machine.os.currentVersion})`]
    .filter(Boolean)
    .join(' ');
  const outlook = r.machine.outlook.map((o) => outlookText(t, o)).join(', ') || t('noOutlook');
  lines.push(t('machine', { os: os || t('notInExport'), outlook, adapter: r.adapter }));
  lines.push(...formatUserHive(t, r.coverage));
  // The profiles in use first; the leftover ones after them (a stable sort keeps root order).
  const byUse = [...r.profiles].sort(
    (a, b) => Number(a.status === 'leftover') - Number(b.status === 'leftover'),
  );
  for (const p of byUse) {
    lines.push(profileText(t, r, p));
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
  lines.push(lsaText(t, r.lsa));
  lines.push('');
  const shown = r.findings.filter((f) => f.id !== 'no-outlook-profiles' || r.findings.length === 1);
  const complete = r.coverage?.complete ?? true;
  if (!shown.some((f) => f.severity !== 'info')) lines.push(t(complete ? 'noFindings' : 'noFindingsSeen'));
  if (shown.length > 0) lines.push(t('findingsHeader'));
  for (const f of shown) {
    if (isCauseFinding(f)) {
      const [title, ...rest] = causeFindingLines(t, locale, f);
      lines.push(`  ${MARK[f.severity]} ${f.id} [${f.kb}] ${title}`, ...rest);
    } else {
      // With profiles of an older Outlook only, say so instead of "no profiles".
      const key =
        f.id === 'no-outlook-profiles' && Number(f.facts.leftoverProfiles ?? 0) > 0
          ? 'findings.no-live-profiles'
          : `findings.${f.id}`;
      lines.push(
        `  ${MARK[f.severity]} ${f.id} [${f.kb}] ${t(key, { ...f.facts, profile: f.profile ?? '' })}`,
      );
    }
    if (f.fixes.length > 0) lines.push(t('fixWith', { command: applyCommandLine([f.fixes[0]!], r) }));
  }
  const credentials = credentialLines(t, locale, r);
  if (credentials.length > 0) lines.push('', ...credentials);
  const fixes = suggestedFixes(r.findings);
  if (fixes.length > 0) lines.push('', t('next', { command: applyCommandLine(fixes, r) }));
  if (r.guidance) lines.push(...guidanceLines(t, locale, r.guidance));
  lines.push(...formatCoverage(t, r.coverage));
  return lines.join('\n');
}

export function formatPlan(t: TFunction, plan: ChangePlan, locale: CauseLocale = 'en'): string {
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
  lines.push(...planCauseLines(t, locale, plan));
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
