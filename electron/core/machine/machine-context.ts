import type { CredentialStorePort } from '../causes/credential-port';
import type { ScanSource } from '../diagnosis/coverage';
import type { MachineLock } from '../fixes/machine-lock';
import type { IisAuthReader } from '../server-guides/iis-auth-port';
import type { ElevatedRegistryWriter } from '../registry/elevated-writer-port';
import type { RegistryPort } from '../registry/registry-port';
import type { EventLogPort } from './event-log-port';
import type { ServerEventsPort } from './server-events-port';
import type { StateFolderGuard } from './state-folder-port';
import type { SystemPort } from './system-port';

/** Where a machine's Exchange proxies answer: the real network, or a simulated PC's test servers. */
export interface ProxyNetwork {
  /** A simulated PC never reaches the real network: proxies without a test server are skipped. */
  readonly simulated: boolean;
  /** Proxy host (lowercase) → `ip:port` of the server that answers for it. */
  readonly connectTo: Readonly<Record<string, string>>;
  /** PEM of a CA this machine trusts besides the system's. */
  readonly ca?: string;
}

/**
 * A PC the app cannot run on, as collect.cmd saw it (Windows XP to 8.1): whose it is and when
 * it was collected. Nothing on such a machine is ever written from here; a fix kit is made.
 */
export interface CollectedOrigin {
  readonly folder: string;
  readonly computer: string | null;
  readonly account: string | null;
  readonly domain: string | null;
  /** Local time on that PC, `YYYY-MM-DDTHH:MM:SS`, when it could be read. */
  readonly collectedAt: string | null;
  /** `%DATE% %TIME%` as that PC showed them. */
  readonly collectedAtText: string | null;
  readonly windowsVer: string | null;
}

/** What only a simulated machine can do (the browser demo's switches). */
export interface SimulationControls {
  setOutlookRunning(running: boolean): void;
  /**
   * If Windows "restarted" since the last call: runs RunOnce as Windows would (our `!` entry is
   * removed) and Outlook is closed. Says whether it restarted and whether our entry was there.
   */
  takeRestart(): Promise<{ readonly restarted: boolean; readonly resumeEntry: boolean }>;
}

/** The ports of one machine, real or simulated, plus a line saying which it is. */
export interface MachineContext {
  readonly registry: RegistryPort;
  readonly elevated: ElevatedRegistryWriter;
  readonly system: SystemPort;
  readonly description: string;
  /** The Application log, for the server guides. */
  readonly serverEvents: ServerEventsPort;
  /** IIS authentication settings, when this is an Exchange/IIS server. */
  readonly iis: IisAuthReader;
  /**
   * The Windows user's saved credentials (names only), or null where there are none to read: a
   * collected PC, a simulated PC whose machine.json does not state them.
   */
  readonly credentials: CredentialStorePort | null;
  /** One change at a time on this machine, whoever runs it and whatever its state folder. */
  readonly lock: MachineLock;
  /** Checks a state folder before anything in it is trusted. */
  readonly stateFolders: StateFolderGuard;
  /** The audit trail of changes made here (a file in `stateDir` where there is no event log). */
  openEventLog(stateDir: string): Promise<EventLogPort>;
  proxyNetwork(): ProxyNetwork;
  readonly simulation: SimulationControls | null;
  /** Set for a collected PC: read-only here, changed only through a fix kit. */
  readonly collected: CollectedOrigin | null;
  /** What the scan may conclude from a missing key; absent: the live registry. */
  readonly scanSource?: ScanSource;
}
