import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExproxyError } from '../core/errors';
import type { AppInfo, ScenarioInfo } from '../shared/ipc-contract';
import type { SimulationControls } from '../services/machine-context';
import { simulatedWizard } from '../services/simulated-wizard';
import type { WizardService } from '../services/wizard-service';

/**
 * One browser-demo session: a throwaway copy of a sample machine, so the assets are never
 * modified, with the real services on top. Loading a scenario starts over.
 */
export class DemoSession {
  private dir: string | null = null;
  private simulation: SimulationControls | null = null;
  service!: WizardService;
  scenario = '';
  /** Set when the simulated Windows "restarted" with our resume entry registered. */
  private resumed = false;

  constructor(
    private readonly samplesDir: string,
    private readonly scenarios: readonly ScenarioInfo[],
    private readonly version: string,
  ) {}

  appInfo = async (): Promise<AppInfo> => {
    // A simulated restart runs RunOnce: Windows deletes a `!` entry after the program ran.
    const restart = await this.simulation?.takeRestart();
    if (restart?.restarted) this.resumed = restart.resumeEntry;
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

  load(scenario: string): Promise<AppInfo> {
    if (!this.scenarios.some((s) => s.id === scenario))
      throw new ExproxyError('usage', `Unknown scenario "${scenario}".`);
    this.dispose();
    this.dir = mkdtempSync(join(tmpdir(), 'exproxy-demo-'));
    const machineDir = join(this.dir, 'machine');
    cpSync(join(this.samplesDir, scenario), machineDir, { recursive: true });
    const { machine, service } = simulatedWizard({
      machineDir,
      stateDir: this.dir,
      appInfo: this.appInfo,
      resumeCommand: '"C:\\Program Files\\Exchange Proxy Wizard\\ExchangeProxyWizard.exe" --resume-verify',
      actor: 'browser demo',
    });
    this.simulation = machine.simulation;
    this.service = service;
    this.scenario = scenario;
    return this.appInfo();
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
