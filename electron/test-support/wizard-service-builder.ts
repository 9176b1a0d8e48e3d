import { join } from 'node:path';
import { FileEventLog } from '../adapters/node/file-event-log';
import { JournalFileStore } from '../adapters/node/journal-file-store';
import type { HttpProbe } from '../core/proxy-check/http-probe-port';
import { ChangeService } from '../services/change-service';
import type { MachineContext } from '../services/machine-context';
import { WizardService } from '../services/wizard-service';
import type { HostInfo } from '../shared/ipc-contract';

/** A wizard service over a machine context, as the Electron host builds it, with its state in `stateRoot`. */
export function wizardServiceFor(
  machine: MachineContext,
  stateRoot: string,
  opts: { appInfo?: () => HostInfo; now?: () => Date; probe?: HttpProbe } = {},
) {
  const state = join(stateRoot, 'state');
  const journal = new JournalFileStore(state);
  const changes = new ChangeService({
    machine,
    journal,
    events: new FileEventLog(join(state, 'events.log')),
    actor: 'TEST\\tech',
    now: opts.now,
  });
  const service = new WizardService({
    machine,
    changes,
    reportsDir: join(stateRoot, 'reports'),
    resumeCommand: '"C:\\Apps\\wizard.exe" --resume-verify',
    appInfo:
      opts.appInfo ??
      (() => ({ mode: 'electron', version: 't', scenario: null, scenarios: [], resumeAtVerify: false })),
    now: opts.now,
    probe: opts.probe,
  });
  /** Plans, then applies exactly that plan, as the wizard's Settings → Apply does. */
  const applyFixes = async (fixes: ('proxy-auth-ntlm' | 'lmcompat-3' | 'lmcompat-2')[], profile?: string) => {
    const plan = await service['fix:plan']({ fixes, profile });
    return service['fix:apply']({ fixes, profile, fingerprint: plan.fingerprint });
  };
  return { service, changes, journal, stateDir: state, applyFixes };
}
