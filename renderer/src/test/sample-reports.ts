import type { DiagnosisReport } from '../contract';
import alwaysPromptFixed from './sample-reports/xp-outlook2003-always-prompt.after-prompt-always-off.json';
import alwaysPrompt from './sample-reports/xp-outlook2003-always-prompt.json';
import xpCauses from './sample-reports/xp-outlook2003-causes.json';
import xpFixed from './sample-reports/xp-outlook2003-fixed.json';
import cloud from './sample-reports/win10-outlook2016-cloud.json';
import savedCredentials from './sample-reports/win10-outlook2016-saved-credentials.json';
import policies from './sample-reports/win7-outlook2013-policies.json';
import c2rLeftover from './sample-reports/win10-m365-c2r-leftover-wms.json';
import twoAccounts from './sample-reports/win10-outlook2016-two-accounts.json';
import lsaOnly from './sample-reports/xp-lsa-only-export.json';
import hkcuOnly from './sample-reports/xp-outlook2003-hkcu-only.json';
import hkuExport from './sample-reports/xp-outlook2003-hku-export.json';
import lmStringFixed from './sample-reports/xp-outlook2003-lm-string.after-lmcompat-3.json';
import lmString from './sample-reports/xp-outlook2003-lm-string.json';

/**
 * The core's real diagnosis of sample machines (assets/machines), as `exproxy diagnose --json`
 * printed it (sample-reports/make-sample-reports.mjs writes them).
 */
const REPORTS = {
  'win10-m365-c2r-leftover-wms': c2rLeftover,
  'win10-outlook2016-two-accounts': twoAccounts,
  'xp-lsa-only-export': lsaOnly,
  'xp-outlook2003-hkcu-only': hkcuOnly,
  'xp-outlook2003-hku-export': hkuExport,
  'xp-outlook2003-lm-string': lmString,
  'xp-outlook2003-lm-string.after-lmcompat-3': lmStringFixed,
  'xp-outlook2003-always-prompt': alwaysPrompt,
  'xp-outlook2003-always-prompt.after-prompt-always-off': alwaysPromptFixed,
  'xp-outlook2003-causes': xpCauses,
  'xp-outlook2003-fixed': xpFixed,
  'win10-outlook2016-cloud': cloud,
  'win10-outlook2016-saved-credentials': savedCredentials,
  'win7-outlook2013-policies': policies,
} as const;

export type SampleReportName = keyof typeof REPORTS;

/** A fresh copy each call, so a test may change it. */
export function sampleReport(name: SampleReportName): DiagnosisReport {
  return structuredClone(REPORTS[name]) as DiagnosisReport;
}
