import type { SubtreeRequest } from '../registry/registry-port';
import { LOGON_SECURITY_REQUESTS } from './logon-security';
import { MODERN_AUTH_REQUESTS } from './modern-auth';
import { PROMPT_SETTING_REQUESTS } from './prompt-setting';

/**
 * What the cause rules read beyond diagnosis/scan.ts SCAN_REQUESTS (which already brings the whole
 * profile roots, so `00036601`/`00036619` come with it): a few policy and switch keys, each without
 * recursion, never a whole Office tree.
 */
export const CAUSE_SCAN_REQUESTS: readonly SubtreeRequest[] = dedupe([
  ...PROMPT_SETTING_REQUESTS,
  ...LOGON_SECURITY_REQUESTS,
  ...MODERN_AUTH_REQUESTS,
]);

function dedupe(requests: readonly SubtreeRequest[]): SubtreeRequest[] {
  const seen = new Set<string>();
  return requests.filter((r) => {
    const id = `${r.path.toLowerCase()}|${r.view ?? 'default'}|${r.recursive ?? true}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
