import type { SubtreeRequest } from '../registry/registry-port';
import { EXCHANGE_CLIENT_KEY } from './cause-allowlist';
import { EXCHANGE_POLICY_KEY, identityKey, identityPolicyKey } from './modern-auth';
import { OFFICE_VERSIONS, outlookSecurityPolicyKey, type OfficeVersion } from './office-versions';

/**
 * What the cause rules read beyond diagnosis/scan.ts (which already brings the whole profile
 * roots, so `00036601`/`00036619` come with them): a few policy and switch keys, each without
 * recursion, never a whole Office tree — and only those of the Outlook versions that can be
 * there: the `Security` policy of each version, the modern-auth `Identity` keys of 2013 and
 * later, and the Exchange client keys of 2010 and later (MAPI over HTTP).
 */
export function causeScanRequests(versions: readonly OfficeVersion[]): SubtreeRequest[] {
  const has = (v: OfficeVersion) => versions.includes(v);
  const paths = [
    ...OFFICE_VERSIONS.filter(has).map(outlookSecurityPolicyKey),
    ...(['15.0', '16.0'] as const).filter(has).flatMap((v) => [identityKey(v), identityPolicyKey(v)]),
    ...((['14.0', '15.0', '16.0'] as const).some(has) ? [EXCHANGE_CLIENT_KEY, EXCHANGE_POLICY_KEY] : []),
  ];
  return paths.map((path) => ({ path, recursive: false }));
}

/** Every key the cause rules may read, whichever Outlook is installed (collect.cmd gathers these). */
export const CAUSE_SCAN_REQUESTS: readonly SubtreeRequest[] = causeScanRequests(OFFICE_VERSIONS);

/**
 * The versions whose keys a scan reads: the installed one when the install hints name it, or
 * Click-to-Run's 16.0; every version when nothing names one (an export without the hints).
 */
export function causeVersions(hinted: string | null, clickToRun: boolean): OfficeVersion[] {
  const known = OFFICE_VERSIONS.find((v) => v === hinted);
  if (known) return [known];
  if (clickToRun) return ['16.0'];
  return [...OFFICE_VERSIONS];
}
