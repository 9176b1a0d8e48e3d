/**
 * The one typed channel map shared by the main process, the preload, the browser host and
 * the renderer (GitHub Desktop style). Request payloads are validated at runtime with zod
 * on the receiving side; a channel's TypeScript type comes from the same place.
 */
import { z } from 'zod';
import type { DiagnosisReport } from '../core/diagnosis/diagnosis-report';
import type { ChangePlan, ChangeRecord } from '../core/fixes/change-plan';
import type { ApplyOutcome, RollbackOutcome } from '../core/fixes/outcome';
import { isValidHostName } from '../core/lsa/host-name';
import { isComputerName, type GuideId, type ServerGuide } from '../core/server-guides/guides';
import type { IisAuthReading } from '../core/server-guides/iis-auth-port';

export const fixIdSchema = z.enum(['proxy-auth-ntlm', 'lmcompat-3', 'lmcompat-2']);

const profileNameSchema = z.string().min(1).max(256);
/** RFC 1123 host names only: these reach the registry and command lines. */
const hostNameSchema = z.string().refine(isValidHostName, 'not a DNS host name');

export const requestSchemas = {
  'app:info': z.tuple([]),
  'scan:run': z.tuple([]),
  'fix:plan': z.tuple([
    z.object({ fixes: z.array(fixIdSchema).min(1).max(3), profile: profileNameSchema.optional() }).strict(),
  ]),
  /** `fingerprint`: of the plan the person saw ('fix:plan'); a different fresh plan is not applied. */
  'fix:apply': z.tuple([
    z
      .object({
        fixes: z.array(fixIdSchema).min(1).max(3),
        profile: profileNameSchema.optional(),
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict(),
  ]),
  'fix:rollback': z.tuple([z.object({ changeId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) }).strict()]),
  'history:list': z.tuple([]),
  'outlook:status': z.tuple([]),
  'outlook:start': z.tuple([]),
  'windows:restart': z.tuple([z.object({ confirmed: z.literal(true) }).strict()]),
  'resume:register': z.tuple([]),
  'report:save': z.tuple([z.object({ locale: z.enum(['en', 'zh-CN']) }).strict()]),
  'demo:load-scenario': z.tuple([z.object({ scenario: z.string().regex(/^[a-z0-9-]{1,64}$/) }).strict()]),
  /** Browser demo only: opens or closes the simulated Outlook. */
  'demo:set-outlook': z.tuple([z.object({ running: z.boolean() }).strict()]),
  /** Asks each Exchange proxy of the last scan what it offers; returns that scan with the proxy findings. */
  'proxy:check': z.tuple([]),
  'proxy:cancel': z.tuple([]),
  /** `locale`: the language of a refusal's message (the PRF itself is the same in both). */
  'prf:save': z.tuple([
    z.object({ profile: profileNameSchema, locale: z.enum(['en', 'zh-CN']).optional() }).strict(),
  ]),
  'server:guides': z.tuple([
    z
      .object({
        locale: z.enum(['en', 'zh-CN']),
        server: z.string().refine(isComputerName, 'not a computer name').optional(),
        fqdn: hostNameSchema.optional(),
      })
      .strict(),
  ]),
  'server:events': z.tuple([]),
  'server:iis': z.tuple([]),
  'server:add-backconnection': z.tuple([z.object({ host: hostNameSchema }).strict()]),
} as const;

export type Channel = keyof typeof requestSchemas;
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

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

export type { ApplyOutcome, ApplyStatus, RollbackOutcome, StepName, StepResult } from '../core/fixes/outcome';
export type { GuideCommand, GuideId, ServerGuide } from '../core/server-guides/guides';
export type { IisAuthReading } from '../core/server-guides/iis-auth-port';

export interface SavedReport {
  readonly htmlPath: string;
  readonly jsonPath: string;
  /** Short text for the clipboard / a ticket. */
  readonly summary: string;
  /** The HTML itself, so the browser host can offer it as a download. */
  readonly html: string;
}

/** Response types per channel. */
export interface ChannelResults {
  'app:info': AppInfo;
  'scan:run': DiagnosisReport;
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
  'prf:save': {
    readonly path: string;
    readonly text: string;
    readonly account: string;
    /** Accounts of the profile on Basic that a PRF cannot reach (they need the wizard's fix). */
    readonly notCovered?: readonly string[];
  };
  'server:guides': readonly ServerGuide[];
  'server:events': readonly MatchedServerEvent[];
  'server:iis': readonly IisAuthReading[];
  'server:add-backconnection': ApplyOutcome;
}

/** An Application-log event on this machine and the guide it leads to. */
export interface MatchedServerEvent {
  readonly source: string;
  readonly id: number;
  readonly time?: string;
  readonly message?: string;
  readonly guide: GuideId;
}

export type ChannelArgs<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;

/** What the renderer calls: one named function per channel (the preload exposes exactly this). */
export type WizardApi = { [C in Channel]: (...args: ChannelArgs<C>) => Promise<ChannelResults[C]> };

/** Validates a request for a channel name that came from outside; throws on anything else. */
export function parseRequest<C extends Channel>(channel: C, args: unknown): ChannelArgs<C> {
  return requestSchemas[channel].parse(args) as ChannelArgs<C>;
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name);
}
