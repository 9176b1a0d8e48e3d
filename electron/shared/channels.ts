/**
 * The IPC vocabulary, defined once (GitHub Desktop style): the channel names, what each takes
 * and what each returns. Zod-free, so the sandboxed preload and the renderer import it without
 * bundling a validator; the main process validates requests against `ipc-contract.ts`, whose
 * schemas are checked against these types. Adding a channel here makes the compiler ask for
 * its schema, its service method and nothing else: the preload and both renderer transports
 * are built from `CHANNELS`.
 */
import type { DiagnosisReport } from '../core/diagnosis/diagnosis-report';
import type { ClientFixId } from '../core/diagnosis/finding';
import type { ChangePlan, ChangeRecord } from '../core/fixes/change-plan';
import type { ApplyOutcome, RollbackOutcome } from '../core/fixes/outcome';
import type { RecoveryReport } from '../core/fixes/recovery-report';
import type { Locale } from '../core/locale';
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
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(name: unknown): name is Channel {
  return (CHANNELS as readonly unknown[]).includes(name);
}

/** Fixes to plan or apply (client fixes only), optionally for one profile. */
export interface FixRequest {
  fixes: ClientFixId[];
  profile?: string;
}

/** Applying is bound to a plan the person saw: its fingerprint from 'fix:plan'. */
export interface ApplyRequest extends FixRequest {
  fingerprint: string;
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
}

export interface ScenarioInfo {
  readonly id: string;
  readonly title: string;
}

export interface AppInfo {
  readonly mode: 'electron' | 'demo';
  readonly version: string;
  readonly scenario: string | null;
  readonly scenarios: readonly ScenarioInfo[];
  /** Opened by the resume-after-restart entry: go straight to verification. */
  readonly resumeAtVerify: boolean;
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
  'prf:save': { readonly path: string; readonly text: string; readonly account: string };
  'server:guides': readonly ServerGuide[];
  'server:events': readonly MatchedServerEvent[];
  'server:iis': readonly IisAuthReading[];
  'server:add-backconnection': ApplyOutcome;
  'recovery:status': RecoveryReport;
  'recovery:finish': RecoveryReport;
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
