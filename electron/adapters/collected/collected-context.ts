import { join } from 'node:path';
import { InProcessLock } from '../../core/fixes/machine-lock';
import type { MachineContext } from '../../core/machine/machine-context';
import type { StateFolderGuard } from '../../core/machine/state-folder-port';
import { FileEventLog } from '../node/file-event-log';
import type { CollectedPc } from './collected-pc';

/**
 * A collected PC as machine ports: everything reads from the folder, every write is refused
 * (the CollectedPc's own ports say so), and its Exchange proxies are not asked from here:
 * this PC's network is not that PC's.
 */
export function collectedContext(pc: CollectedPc, stateFolders: StateFolderGuard): MachineContext {
  return {
    registry: pc.registry,
    elevated: pc.elevated,
    system: pc.system,
    description: pc.description,
    // Collected by collect.cmd: an export of the parts it names; Group Policy is not collected.
    scanSource: { export: true, policyKnown: false, userSid: null },
    serverEvents: pc.serverEvents,
    iis: pc.iis,
    // collect.cmd does not list saved sign-ins (cmdkey's output is translated per language), and
    // nothing could be removed from here anyway: a fix kit cannot carry a removal.
    credentials: null,
    // Nothing is ever written to a collected PC, so there is nothing to exclude.
    lock: new InProcessLock(),
    stateFolders,
    openEventLog: async (stateDir) => new FileEventLog(join(stateDir, 'events.log')),
    proxyNetwork: () => ({ simulated: true, connectTo: {} }),
    simulation: null,
    collected: pc.collectedFrom,
  };
}
