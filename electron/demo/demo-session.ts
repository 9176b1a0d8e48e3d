import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ExproxyError } from '../core/errors';
import type { AppInfo, HostInfo, ScenarioInfo } from '../shared/ipc-contract';
import { openCollectedFolder } from '../services/collected-folder';
import { downloadDelivery } from '../services/file-delivery';
import { openMachine, type SimulationControls } from '../services/machine-context';
import { buildWizard, type WizardEnvironment } from '../services/wizard-factory';
import { WizardSessions } from '../services/wizard-sessions';
import type { WizardService } from '../services/wizard-service';

/** A scenario: a sample machine to simulate, or a collected folder (where it is). */
export type DemoScenario = ScenarioInfo & { readonly folder: string };

/**
 * One browser-demo session: a throwaway copy of a sample machine (or collected folder), so the
 * assets are never modified, with the real services on top. Loading a scenario starts over.
 */
export class DemoSession {
  private dir: string | null = null;
  private simulation: SimulationControls | null = null;
  sessions!: WizardSessions;
  scenario = '';
  /** Set when the simulated Windows "restarted" with our resume entry registered. */
  private resumed = false;

  constructor(
    private readonly scenarios: readonly DemoScenario[],
    private readonly version: string,
  ) {}

  /** The services of the machine on screen (a collected PC once one is opened). */
  get service(): WizardService {
    return this.sessions.service;
  }

  appInfo = async (): Promise<HostInfo> => {
    // A simulated restart runs RunOnce: Windows deletes a `!` entry after the program ran.
    const restart = await this.simulation?.takeRestart();
    if (restart?.restarted) this.resumed = restart.resumeEntry;
    const resumeAtVerify = this.resumed;
    this.resumed = false;
    return {
      mode: 'demo',
      version: this.version,
      scenario: this.scenario,
      scenarios: this.scenarios.map(({ id, title, kind }) => ({ id, title, kind })),
      resumeAtVerify,
    };
  };

  async load(scenario: string): Promise<AppInfo> {
    const found = this.scenarios.find((s) => s.id === scenario);
    if (!found) throw new ExproxyError('usage', `Unknown scenario "${scenario}".`);
    this.dispose();
    const dir = mkdtempSync(join(tmpdir(), 'exproxy-demo-'));
    this.dir = dir;
    const env: WizardEnvironment = {
      stateDir: join(dir, 'state'),
      reportsDir: join(dir, 'reports'),
      kitsDir: join(dir, 'kits'),
      actor: 'browser demo',
      resumeCommand: '"C:\\Program Files\\Exchange Proxy Wizard\\ExchangeProxyWizard.exe" --resume-verify',
      appInfo: this.appInfo,
      deliver: downloadDelivery,
    };
    let home: WizardService;
    if (found.kind === 'collected') {
      const copy = join(dir, 'collected', basename(found.folder));
      cpSync(found.folder, copy, { recursive: true });
      // The demo started on this folder: there is no other PC to go back to.
      const { machine, info } = openCollectedFolder(copy, { canReturn: false });
      home = await buildWizard(machine, env, info);
      this.simulation = null;
    } else {
      const machineDir = join(dir, 'machine');
      cpSync(found.folder, machineDir, { recursive: true });
      const machine = await openMachine({ machine: machineDir });
      home = await buildWizard(machine, env);
      this.simulation = machine.simulation;
    }
    this.sessions = new WizardSessions({ home, env, uploadsDir: join(dir, 'uploads') });
    this.scenario = scenario;
    return home['app:info']();
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
