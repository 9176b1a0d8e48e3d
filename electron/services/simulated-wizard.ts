import { join } from 'node:path';
import { FileEventLog, JournalFileStore } from '../adapters/node';
import { SimulatedMachine } from '../adapters/simulated';
import type { AppInfo } from '../shared/ipc-contract';
import { ChangeService } from './change-service';
import { simulatedContext, type MachineContext } from './machine-context';
import { WizardService } from './wizard-service';

export interface SimulatedWizardOptions {
  /** A folder with `registry.reg` (and `machine.json`): the simulated PC. */
  readonly machineDir: string;
  /** Journal, backups, events and reports of this session. */
  readonly stateDir: string;
  readonly appInfo: () => AppInfo | Promise<AppInfo>;
  readonly resumeCommand: string;
  readonly actor: string;
}

/** The wizard's services over a simulated PC, as the browser demo host runs them. */
export function simulatedWizard(opts: SimulatedWizardOptions): {
  machine: MachineContext;
  service: WizardService;
} {
  const machine = simulatedContext(SimulatedMachine.load({ machine: opts.machineDir }));
  const changes = new ChangeService({
    machine,
    journal: new JournalFileStore(join(opts.stateDir, 'state')),
    events: new FileEventLog(join(opts.stateDir, 'state', 'events.log')),
    actor: opts.actor,
  });
  const service = new WizardService({
    machine,
    changes,
    reportsDir: join(opts.stateDir, 'reports'),
    appInfo: opts.appInfo,
    resumeCommand: opts.resumeCommand,
  });
  return { machine, service };
}
