import type { InstalledOutlook, OutlookProfile } from '../outlook/profile-model';
import type { RegTree } from '../registry/reg-tree';

/** What the cause rules and planners read: the scan's snapshot and its decoded profiles. */
export interface CauseContext {
  readonly tree: RegTree;
  readonly profiles: readonly OutlookProfile[];
  readonly installed: readonly InstalledOutlook[];
}

/** Limits a planner to one profile (name, case-insensitive), as `exproxy apply --profile`. */
export interface CausePlanRequest {
  readonly profile?: string;
}

export function selectedProfiles(ctx: CauseContext, req: CausePlanRequest): readonly OutlookProfile[] {
  if (req.profile === undefined) return ctx.profiles;
  const want = req.profile.toLowerCase();
  return ctx.profiles.filter((p) => p.name.toLowerCase() === want);
}
