import type { HttpProbe } from '../core/proxy-check/http-probe-port';
import type { CollectedPcInfo, HostInfo } from '../shared/ipc-contract';
import type { FileDelivery } from './file-delivery';
import { KitService } from './kit-service';
import type { MachineContext } from './machine-context';
import { openChangeService } from './open-change-service';
import { WizardService } from './wizard-service';

/** What stays the same whichever machine the wizard looks at: this PC's folders and host. */
export interface WizardEnvironment {
  /** Journal, backups, audit events and the kit log. */
  readonly stateDir: string;
  readonly reportsDir: string;
  /** Fix kits made here, one folder and one .zip each. */
  readonly kitsDir: string;
  /** "DOMAIN\user" for the audit trail. */
  readonly actor: string;
  readonly resumeCommand: string;
  readonly appInfo: () => HostInfo | Promise<HostInfo>;
  readonly deliver: FileDelivery;
  readonly now?: () => Date;
  readonly probe?: HttpProbe;
  readonly log?: (line: string) => void;
}

/**
 * The wizard's services for one machine: its change service over this PC's state folder (a
 * collected PC's refuses every change: that is what its kit is for) and the kit service.
 */
export async function buildWizard(
  machine: MachineContext,
  env: WizardEnvironment,
  collected: CollectedPcInfo | null = null,
): Promise<WizardService> {
  const changes = await openChangeService({
    machine,
    stateDir: env.stateDir,
    scope: 'user',
    actor: env.actor,
    now: env.now,
    log: env.log,
  });
  const kits = new KitService({
    machine,
    collected,
    kitsDir: env.kitsDir,
    stateDir: env.stateDir,
    deliver: env.deliver,
    now: env.now,
  });
  return new WizardService({
    machine,
    changes,
    kits,
    collected,
    reportsDir: env.reportsDir,
    appInfo: env.appInfo,
    resumeCommand: env.resumeCommand,
    now: env.now,
    probe: env.probe,
  });
}
