import { JournalFileStore } from '../adapters/node';
import type { StateScope } from '../core/machine/state-folder-port';
import { ChangeService } from './change-service';
import type { MachineContext } from './machine-context';

export interface OpenChangeServiceOptions {
  readonly machine: MachineContext;
  readonly stateDir: string;
  readonly scope: StateScope;
  readonly actor: string;
  readonly alreadyElevated?: boolean;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

/**
 * The change service over a state folder: the folder is checked (and, for machine scope,
 * created locked down) before its journal is read, then the journal and the audit log open.
 */
export async function openChangeService(opts: OpenChangeServiceOptions): Promise<ChangeService> {
  await opts.machine.stateFolders.prepare(opts.stateDir, opts.scope);
  return new ChangeService({
    machine: opts.machine,
    journal: new JournalFileStore(opts.stateDir),
    events: await opts.machine.openEventLog(opts.stateDir),
    actor: opts.actor,
    alreadyElevated: opts.alreadyElevated,
    now: opts.now,
    log: opts.log,
  });
}
