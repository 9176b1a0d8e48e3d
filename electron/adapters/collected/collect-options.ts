import { SCAN_REQUESTS } from '../../core/diagnosis/scan';
import type { CollectScriptOptions } from '../../core/legacy-kit/collect-script';
import { guideEventQuery, serverGuides } from '../../core/server-guides/guides';
import { IIS6_PATHS, IIS7_SITES } from '../windows/iis-auth-reader';
import { MAX_EVENTS } from '../windows/wevtutil-events';

/**
 * What collect.cmd gathers, from the same sources the live reads use: the scan's request
 * list, the IIS directories the server guides read, and the guides' event query.
 */
export function collectScriptOptions(): CollectScriptOptions {
  return {
    requests: SCAN_REQUESTS,
    server: {
      iis7Sites: IIS7_SITES,
      iis6Paths: IIS6_PATHS,
      eventQuery: guideEventQuery(),
      eventIds: serverGuides('en').flatMap((g) => g.events.map((e) => e.id)),
      maxEvents: MAX_EVENTS,
    },
  };
}
