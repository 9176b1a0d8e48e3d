import { guideEventQuery, guideForEvent } from '../core/server-guides/guides';
import type { MatchedServerEvent } from '../shared/ipc-contract';
import type { MachineContext } from './machine-context';

/** Application-log events on this machine that one of the server guides explains. */
export async function matchedServerEvents(machine: MachineContext): Promise<MatchedServerEvent[]> {
  const events = await machine.serverEvents.query(guideEventQuery());
  return events.flatMap((e) => {
    const guide = guideForEvent(e);
    return guide ? [{ ...e, guide }] : [];
  });
}
