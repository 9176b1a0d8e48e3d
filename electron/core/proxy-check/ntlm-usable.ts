import type { DiagnosisReport } from '../diagnosis/diagnosis-report';
import type { Finding } from '../diagnosis/finding';
import { profilesInUse } from '../outlook/profile-selection';

/** Some finding still offers to switch an account's proxy sign-in to NTLM. */
export function ntlmFixOffered(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.fixes.includes('proxy-auth-ntlm'));
}

/**
 * The LAN Manager level only matters for an account that signs in to its proxy with NTLM, now
 * or after the NTLM fix (the planner refuses it otherwise). When no account uses NTLM and none
 * will, raising the level would change nothing for Outlook.
 */
export function lmFixUsable(report: Pick<DiagnosisReport, 'profiles'>, withNtlmFix: boolean): boolean {
  return (
    withNtlmFix ||
    // A profile left over from an older Outlook is not used: its NTLM account needs nothing.
    profilesInUse(report.profiles).some((p) =>
      p.accounts.some((a) => a.rpcOverHttp.enabled && a.rpcOverHttp.authScheme === 'ntlm'),
    )
  );
}
