/**
 * "Nothing to fix" is not the end when Outlook keeps asking: what the scan checked, and what to
 * look at next (core/causes/no-cause-guidance.ts), from the report itself. Made again after the
 * proxy check, so the proxies' answers are in it.
 */
import { noCauseGuidance, type CheckedArea, type NoCauseGuidance } from '../causes/no-cause-guidance';
import type { DiagnosisReport } from './diagnosis-report';
import { hasActionableFindings } from './rules';

export function reportGuidance(report: DiagnosisReport): NoCauseGuidance | null {
  if (hasActionableFindings(report.findings)) return null;
  const checks = report.proxyChecks ?? [];
  const answered = checks.filter((c) => c.result !== null);
  const checked: CheckedArea[] = [
    ...(report.coverage?.seen.profiles === false ? [] : (['proxy-auth'] as const)),
    ...(report.lsa.seen === false ? [] : (['lm-level'] as const)),
    'prompt-setting',
    'logon-security',
    ...(report.savedCredentials ? (['saved-credentials'] as const) : []),
    'exchange-online',
    'modern-auth',
    ...(answered.length > 0 ? (['proxy-answer'] as const) : []),
    ...(checks.some((c) => c.mapi) ? (['mapi-endpoint'] as const) : []),
  ];
  return noCauseGuidance({
    checked,
    proxyAnswers: answered.map((c) => ({
      proxyServer: c.proxyServer,
      status: c.result!.status,
      schemes: c.result!.schemes,
    })),
    credentialsRead: Boolean(report.savedCredentials),
  });
}

/** The report with its guidance made from what it now holds. */
export function withGuidance(report: DiagnosisReport): DiagnosisReport {
  return { ...report, guidance: reportGuidance(report) };
}
