/**
 * The IPC vocabulary, defined once (GitHub Desktop style): the channel names, what each takes
 * and what each returns. Zod-free, so the sandboxed preload and the renderer import it without
 * bundling a validator; the main process validates requests against `ipc-contract.ts`, whose
 * schemas are checked against these types. Adding a channel here makes the compiler ask for
 * its schema, its service method and nothing else: the preload and both renderer transports
 * are built from `CHANNELS`.
 */
import type { DiagnosisReport } from '../core/diagnosis/diagnosis-report';
import type { ClientFixId, FixId } from '../core/diagnosis/finding';
import type { ChangePlan, ChangeRecord } from '../core/fixes/change-plan';
import type { ApplyOutcome, RollbackOutcome } from '../core/fixes/outcome';
import type { RecoveryReport } from '../core/fixes/recovery-report';
import type { Locale } from '../core/locale';
import type { CollectedOrigin } from '../core/machine/machine-context';
import type { GuideId, ServerGuide } from '../core/server-guides/guides';
import type { IisAuthReading } from '../core/server-guides/iis-auth-port';
import type { Reply } from './reply';

export const CHANNELS = [
  'app:info',
  'scan:run',
  'fix:plan',
  'fix:apply',
  'fix:rollback',
  'history:list',
  'outlook:status',
  'outlook:start',
  'windows:restart',
  'resume:register',
  'report:save',
  'demo:load-scenario',
  /** Browser demo only: opens or closes the simulated Outlook. */
  'demo:set-outlook',
  /** Asks each Exchange proxy of the last scan what it offers; returns that scan with the proxy findings. */
  'proxy:check',
  'proxy:cancel',
  'prf:save',
  'server:guides',
  'server:events',
  'server:iis',
  'server:add-backconnection',
  /** What start-up recovery did, and any interrupted change waiting for the person's agreement. */
  'recovery:status',
  /** The person agreed: finish that interrupted change (an administrator prompt may follow). */
  'recovery:finish',
  /** Electron: a folder picker in the main process (the path never comes from the page); null if cancelled. */
  'collected:open',
  /** Browser host: the files of a collected folder, checked and written into the session's own folder. */
  'collected:upload',
  /** Back to the PC the wizard started on. */
  'collected:close',
  /** collect.cmd for a PC the app cannot run on: saved (Electron) or downloaded (browser host). */
  'kit:collect-script',
  /** A fix kit for the collected PC that is open, planned like an in-app apply; nothing is changed here. */
  'kit:make',
  /** A kit made earlier, as one .zip. */
  'kit:download',
  /** The kits made on this PC (the kit log), for History. */
  'kit:log',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(name: unknown): name is Channel {
  return (CHANNELS as readonly unknown[]).includes(name);
}

/** One saved sign-in the person picked from the scan's `savedCredentials` (its target and type). */
export interface CredentialPick {
  targetName: string;
  type: number;
}

/**
 * Fixes to plan or apply (client fixes only), optionally for one profile. `credentials`: the
 * saved sign-ins remove-saved-credentials removes (it removes nothing it is not given).
 */
export interface FixRequest {
  fixes: ClientFixId[];
  profile?: string;
  credentials?: CredentialPick[];
}

/** Applying is bound to a plan the person saw: its fingerprint from 'fix:plan'. */
export interface ApplyRequest extends FixRequest {
  fingerprint: string;
}

/**
 * A fix kit: the client fixes bound to the plan the person saw (as an apply is), or the
 * BackConnectionHostNames name a server guide showed. `language`: of steps.html.
 */
export type KitRequest =
  | {
      fixes: ClientFixId[];
      profile?: string;
      credentials?: CredentialPick[];
      fingerprint: string;
      language: Locale;
    }
  | { host: string; language: Locale };

/** One file of a collected folder, as the browser host uploads it. */
export interface UploadFile {
  name: string;
  base64: string;
}

/** The arguments of each channel, as a tuple (what the renderer passes, what the service receives). */
export interface ChannelRequests {
  'app:info': [];
  'scan:run': [];
  'fix:plan': [FixRequest];
  'fix:apply': [ApplyRequest];
  'fix:rollback': [{ changeId: string }];
  'history:list': [];
  'outlook:status': [];
  'outlook:start': [];
  'windows:restart': [{ confirmed: true }];
  'resume:register': [];
  'report:save': [{ locale: Locale }];
  'demo:load-scenario': [{ scenario: string }];
  'demo:set-outlook': [{ running: boolean }];
  'proxy:check': [];
  'proxy:cancel': [];
  /** `locale`: the language of a refusal's message (the PRF itself is the same in both). */
  'prf:save': [{ profile: string; locale?: Locale }];
  'server:guides': [{ locale: Locale; server?: string; fqdn?: string }];
  'server:events': [];
  'server:iis': [];
  'server:add-backconnection': [{ host: string }];
  'recovery:status': [];
  'recovery:finish': [{ id: string }];
  /** `locale`: of the picker's title. */
  'collected:open': [{ locale: Locale }];
  'collected:upload': [{ files: UploadFile[] }];
  'collected:close': [];
  'kit:collect-script': [{ locale: Locale }];
  'kit:make': [KitRequest];
  'kit:download': [{ id: string; locale: Locale }];
  'kit:log': [];
}

export interface ScenarioInfo {
  readonly id: string;
  /** A simulated PC's description, or a collected PC's computer name. */
  readonly title: string;
  /** A sample machine the demo simulates, or a folder collect.cmd wrote (read-only). */
  readonly kind: 'simulated' | 'collected';
}

/**
 * A PC the app cannot run on, opened from the folder collect.cmd wrote there: whose it is and
 * when it was collected (the banner). Nothing on this computer or that one is changed from
 * here; fixes leave as a fix kit.
 */
export interface CollectedPcInfo extends CollectedOrigin {
  /** Collected with `collect.cmd /server`: the Server problems view is where it opens. */
  readonly server: boolean;
  /** Registry parts a diagnosis reads that the folder says nothing about (no kit is made then). */
  readonly missing: readonly string[];
  /** The wizard can go back to the PC it started on (not when the demo started on this folder). */
  readonly canReturn: boolean;
}

/** What the host says about itself; the service adds the machine that is open. */
export interface HostInfo {
  readonly mode: 'electron' | 'demo';
  readonly version: string;
  readonly scenario: string | null;
  readonly scenarios: readonly ScenarioInfo[];
  /** Opened by the resume-after-restart entry: go straight to verification. */
  readonly resumeAtVerify: boolean;
}

export interface AppInfo extends HostInfo {
  /** Set while a collected PC is open. */
  readonly collected: CollectedPcInfo | null;
}

/**
 * A file handed to the person: saved where they chose in a save dialog (Electron), or handed
 * to the page to download (browser host).
 */
export type Delivery =
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'download'; readonly name: string; readonly mime: string; readonly base64: string };

/** A fix kit just made: where it is on this computer, what it changes there, who runs which part. */
export interface MadeKit {
  readonly id: string;
  readonly computer: string | null;
  /** The Windows user collect.cmd ran as: the one to run the profile part. */
  readonly account: string | null;
  readonly folder: string;
  readonly zipName: string;
  readonly plan: ChangePlan;
  readonly parts: { readonly user: boolean; readonly machine: boolean };
  /** BackConnectionHostNames: IIS Admin (or Windows) must restart. */
  readonly restartIis: boolean;
  /** The kit's files, `/`-separated, as in the .zip under its folder. */
  readonly files: readonly string[];
}

/** A line of the kit log: a kit made on this PC for another one (nothing changed here). */
export interface KitLogEntry {
  readonly id: string;
  readonly createdAt: string;
  readonly computer: string | null;
  readonly account: string | null;
  readonly collectedAt: string | null;
  readonly fixes: readonly FixId[];
  readonly changes: ReadonlyArray<{ readonly path: string; readonly name: string }>;
  readonly folder: string;
}

export interface SavedReport {
  readonly htmlPath: string;
  readonly jsonPath: string;
  /** Short text for the clipboard / a ticket. */
  readonly summary: string;
  /** The HTML itself, so the browser host can offer it as a download. */
  readonly html: string;
}

/** An Application-log event on this machine and the guide it leads to. */
export interface MatchedServerEvent {
  readonly source: string;
  readonly id: number;
  readonly time?: string;
  readonly message?: string;
  readonly guide: GuideId;
}

/** What each channel resolves to. */
export interface ChannelResults {
  'app:info': AppInfo;
  'scan:run': DiagnosisReport;
  /** The plan to show, with the fingerprint an apply of exactly this plan must carry. */
  'fix:plan': ChangePlan & { readonly fingerprint: string };
  'fix:apply': ApplyOutcome;
  'fix:rollback': RollbackOutcome;
  'history:list': readonly ChangeRecord[];
  'outlook:status': { readonly running: boolean };
  'outlook:start': { readonly started: boolean };
  'windows:restart': { readonly scheduled: boolean };
  'resume:register': { readonly registered: boolean };
  'report:save': SavedReport;
  'demo:load-scenario': AppInfo;
  'demo:set-outlook': { readonly running: boolean };
  'proxy:check': DiagnosisReport;
  'proxy:cancel': { readonly cancelled: boolean };
  /** `notCovered`: other accounts of the profile on Basic that the PRF cannot reach (names or section keys). */
  'prf:save': {
    readonly path: string;
    readonly text: string;
    readonly account: string;
    readonly notCovered: readonly string[];
  };
  'server:guides': readonly ServerGuide[];
  'server:events': readonly MatchedServerEvent[];
  'server:iis': readonly IisAuthReading[];
  'server:add-backconnection': ApplyOutcome;
  'recovery:status': RecoveryReport;
  'recovery:finish': RecoveryReport;
  'collected:open': AppInfo | null;
  'collected:upload': AppInfo;
  'collected:close': AppInfo;
  'kit:collect-script': Delivery;
  'kit:make': MadeKit;
  'kit:download': Delivery;
  'kit:log': readonly KitLogEntry[];
}

export type ChannelArgs<C extends Channel> = ChannelRequests[C];

/** What the renderer calls: one named function per channel; a failure rejects with its kind. */
export type WizardApi = { [C in Channel]: (...args: ChannelArgs<C>) => Promise<ChannelResults[C]> };

/**
 * What the preload exposes as `window.exproxy`: the same named functions, resolving to the
 * reply envelope, so a failure crosses contextBridge as data (kind and message), not as an
 * Error whose text would have to be parsed back.
 */
export type WizardBridge = {
  [C in Channel]: (...args: ChannelArgs<C>) => Promise<Reply<ChannelResults[C]>>;
};

export type { ApplyOutcome, ApplyStatus, RollbackOutcome, StepName, StepResult } from '../core/fixes/outcome';
export type { GuideCommand, GuideId, ServerGuide } from '../core/server-guides/guides';
export type { IisAuthReading } from '../core/server-guides/iis-auth-port';
