import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JournalFileStore } from '../adapters/node/journal-file-store';
import { FileEventLog } from '../adapters/node/file-event-log';
import { ChangeService } from '../services/change-service';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import { ExproxyError } from '../core/errors';
import { RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../core/registry/allowlist';
import type { AppInfo, ScenarioInfo } from '../shared/ipc-contract';
import { simulatedContext } from '../services/machine-context';
import { WizardService } from '../services/wizard-service';

/**
 * One browser-demo session: a throwaway copy of a sample machine, so the assets are never
 * modified, with the real services on top. Loading a scenario starts over.
 */
export class DemoSession {
  private dir: string | null = null;
  private machine: SimulatedMachine | null = null;
  service!: WizardService;
  scenario = '';
  /** Set when the simulated Windows "restarted" with our resume entry registered. */
  private resumed = false;

  constructor(
    private readonly samplesDir: string,
    private readonly scenarios: readonly ScenarioInfo[],
    private readonly version: string,
  ) {}

  appInfo = (): AppInfo => {
    // A simulated restart runs RunOnce: Windows deletes a `!` entry after the program ran.
    if (this.machine?.restartRequested) {
      this.machine.restartRequested = false;
      this.resumed = this.machine.tree.getValue(RUN_ONCE_KEY, RESUME_VALUE_NAME) !== undefined;
      this.machine.tree.deleteValue(RUN_ONCE_KEY, RESUME_VALUE_NAME);
      this.machine.facts.outlookRunning = false;
    }
    const resumeAtVerify = this.resumed;
    this.resumed = false;
    return {
      mode: 'demo',
      version: this.version,
      scenario: this.scenario,
      scenarios: this.scenarios,
      resumeAtVerify,
    };
  };

  load(scenario: string): AppInfo {
    if (!this.scenarios.some((s) => s.id === scenario))
      throw new ExproxyError('usage', `Unknown scenario "${scenario}".`);
    this.dispose();
    this.dir = mkdtempSync(join(tmpdir(), 'exproxy-demo-'));
    const machineDir = join(this.dir, 'machine');
    cpSync(join(this.samplesDir, scenario), machineDir, { recursive: true });
    this.machine = SimulatedMachine.load({ machine: machineDir });
    this.scenario = scenario;
    const machine = simulatedContext(this.machine);
    const state = join(this.dir, 'state');
    this.service = new WizardService({
      machine,
      changes: new ChangeService({
        machine,
        journal: new JournalFileStore(state),
        events: new FileEventLog(join(state, 'events.log')),
        actor: 'browser demo',
      }),
      reportsDir: join(this.dir, 'reports'),
      appInfo: this.appInfo,
      resumeCommand: '"C:\\Program Files\\Exchange Proxy Wizard\\ExchangeProxyWizard.exe" --resume-verify',
    });
    return this.appInfo();
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
