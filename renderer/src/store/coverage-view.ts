import { hasActionableFindings } from '../../../electron/core/diagnosis/rules';
import type { Coverage, DiagnosisReport } from '../contract';

/**
 * What a scan lets the wizard say, as `exproxy diagnose` decides its exit code: something to fix
 * (10), nothing to fix (0), or nothing found in a diagnosis that did not see everything (11).
 * Only `clean` may be called "nothing to fix".
 */
export type Verdict = 'findings' | 'clean' | 'incomplete';

export function verdictOf(report: DiagnosisReport): Verdict {
  if (hasActionableFindings(report.findings)) return 'findings';
  return isIncomplete(report) ? 'incomplete' : 'clean';
}

/** The export lacked a part, or no Outlook install was found (reports made before coverage: complete). */
export function isIncomplete(report: DiagnosisReport): boolean {
  return report.coverage?.complete === false;
}

/** The line that diagnoses the joined export the `copy /b` line makes (coverage-commands.ts names it). */
export const DIAGNOSE_JOINED = 'exproxy diagnose --hive export-complete.reg';

/**
 * The core's completion commands, split by where they run: export and join on the PC, then
 * diagnose the joined file; and the policy look-up, which no export can replace.
 */
export function completionCommands(c: Coverage): {
  exports: string[];
  diagnose: string | null;
  policy: string | null;
} {
  const exports = c.commands.filter((l) => l.startsWith('reg export') || l.startsWith('copy /b'));
  return {
    exports,
    diagnose: exports.length > 0 ? DIAGNOSE_JOINED : null,
    policy: c.commands.find((l) => l.startsWith('gpresult')) ?? null,
  };
}
