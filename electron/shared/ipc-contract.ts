/**
 * The channel map as the main process sees it: the zod schema that validates each request
 * from the renderer, on top of the names and types of `channels.ts` (re-exported here, so the
 * main-process side has one import). The `satisfies` below makes every schema produce exactly
 * its channel's declared arguments; `ipc-contract.test.ts` checks the other direction.
 */
import { z } from 'zod';
import { credentialTargetProblem } from '../core/causes/credential-target';
import { FIX_IDS } from '../core/diagnosis/finding';
import { LOCALES } from '../core/locale';
import { isValidHostName } from '../core/lsa/host-name';
import { isComputerName } from '../core/server-guides/computer-name';
import type { Channel, ChannelArgs, ChannelRequests } from './channels';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from './upload-limits';

export * from './channels';

export const fixIdSchema = z.enum(FIX_IDS);
const localeSchema = z.enum(LOCALES);

const profileNameSchema = z.string().min(1).max(256);
/** RFC 1123 host names only: these reach the registry and command lines. */
const hostNameSchema = z.string().refine(isValidHostName, 'not a DNS host name');
/** A kit's folder name under the app data folder (never a path). */
export const KIT_ID = /^[A-Za-z0-9-]{8,80}$/;
/** Shape and coarse bounds only: the service checks names, encoding and sizes with clear messages. */
const uploadFileSchema = z
  .object({
    name: z.string().min(1).max(255),
    base64: z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4),
  })
  .strict();
/**
 * A saved sign-in to remove, as the scan listed it: the core's own target check (no control
 * characters, no quote, nothing that reads as an option, never the catch-all `*`), then the
 * planner takes it only if a fresh listing holds it as a removal candidate.
 */
const credentialPickSchema = z
  .object({ targetName: z.string().min(1).max(32767), type: z.number().int().min(1).max(0xffffffff) })
  .strict()
  .refine(
    (c) => credentialTargetProblem(c.targetName, c.type) === null,
    'not a saved sign-in that may be removed',
  );
const fixRequestSchema = z
  .object({
    fixes: z.array(fixIdSchema).min(1).max(FIX_IDS.length),
    profile: profileNameSchema.optional(),
    credentials: z.array(credentialPickSchema).min(1).max(100).optional(),
  })
  .strict();

export const requestSchemas = {
  'app:info': z.tuple([]),
  'scan:run': z.tuple([]),
  'fix:plan': z.tuple([fixRequestSchema]),
  /** `fingerprint`: of the plan the person saw ('fix:plan'); a different fresh plan is not applied. */
  'fix:apply': z.tuple([
    fixRequestSchema.extend({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  ]),
  'fix:rollback': z.tuple([z.object({ changeId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) }).strict()]),
  'history:list': z.tuple([]),
  'outlook:status': z.tuple([]),
  'outlook:start': z.tuple([]),
  'windows:restart': z.tuple([z.object({ confirmed: z.literal(true) }).strict()]),
  'resume:register': z.tuple([]),
  'report:save': z.tuple([z.object({ locale: localeSchema }).strict()]),
  'demo:load-scenario': z.tuple([z.object({ scenario: z.string().regex(/^[a-z0-9-]{1,64}$/) }).strict()]),
  'demo:set-outlook': z.tuple([z.object({ running: z.boolean() }).strict()]),
  'proxy:check': z.tuple([]),
  'proxy:cancel': z.tuple([]),
  /** `locale`: the language of a refusal's message (the PRF itself is the same in both). */
  'prf:save': z.tuple([z.object({ profile: profileNameSchema, locale: localeSchema.optional() }).strict()]),
  'server:guides': z.tuple([
    z
      .object({
        locale: localeSchema,
        server: z.string().refine(isComputerName, 'not a computer name').optional(),
        fqdn: hostNameSchema.optional(),
      })
      .strict(),
  ]),
  'server:events': z.tuple([]),
  'server:iis': z.tuple([]),
  'server:add-backconnection': z.tuple([z.object({ host: hostNameSchema }).strict()]),
  'recovery:status': z.tuple([]),
  'recovery:finish': z.tuple([z.object({ id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) }).strict()]),
  'collected:open': z.tuple([z.object({ locale: localeSchema }).strict()]),
  'collected:upload': z.tuple([
    z.object({ files: z.array(uploadFileSchema).min(1).max(MAX_UPLOAD_FILES) }).strict(),
  ]),
  'collected:close': z.tuple([]),
  'kit:collect-script': z.tuple([z.object({ locale: localeSchema }).strict()]),
  'kit:make': z.tuple([
    z.union([
      fixRequestSchema
        .extend({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/), language: localeSchema })
        .strict(),
      z.object({ host: hostNameSchema, language: localeSchema }).strict(),
    ]),
  ]),
  'kit:download': z.tuple([z.object({ id: z.string().regex(KIT_ID), locale: localeSchema }).strict()]),
  'kit:log': z.tuple([]),
} as const satisfies { [C in Channel]: z.ZodType<ChannelRequests[C]> };

/** Validates a request for a channel name that came from outside; throws on anything else. */
export function parseRequest<C extends Channel>(channel: C, args: unknown): ChannelArgs<C> {
  return requestSchemas[channel].parse(args) as ChannelArgs<C>;
}
