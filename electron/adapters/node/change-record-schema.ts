import { z } from 'zod';
import { FIX_IDS, SERVER_FIX_IDS, type FixId } from '../../core/diagnosis/finding';
import { CHANGE_STATES, type ChangeRecord } from '../../core/fixes/change-plan';
import { ALLOWED_WRITE_KINDS, type AllowedWriteKind } from '../../core/registry/allowlist';

/**
 * A journal record is read back from disk, where it may be torn, edited or planted: every
 * field is checked for type and shape before the engine sees it. (The engine then checks
 * each change against the write allowlist and the canonical key path.)
 */
const hex = z.string().regex(/^(?:[0-9a-f]{2})*$/);
const serializedValue = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['REG_SZ', 'REG_EXPAND_SZ']), data: z.string() }).strict(),
  z.object({ type: z.literal('REG_MULTI_SZ'), data: z.array(z.string()) }).strict(),
  z.object({ type: z.literal('REG_DWORD'), data: z.number().int().min(0).max(0xffffffff) }).strict(),
  z.object({ type: z.literal('REG_QWORD'), data: z.string().regex(/^\d{1,20}$/) }).strict(),
  z.object({ type: z.enum(['REG_BINARY', 'REG_NONE']), hex }).strict(),
  z.object({ type: z.literal('REG_RAW'), kind: z.number().int().min(0), hex }).strict(),
]);

const ALL_FIX_IDS: readonly string[] = [...FIX_IDS, ...SERVER_FIX_IDS];
const fixId = z.custom<FixId>((v) => typeof v === 'string' && ALL_FIX_IDS.includes(v), 'not a fix id');
const writeKind = z.custom<AllowedWriteKind>(
  (v) => typeof v === 'string' && (ALLOWED_WRITE_KINDS as readonly string[]).includes(v),
  'not a value this product writes',
);
const state = z.enum(CHANGE_STATES);
const isoTime = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'not a time');

const plannedChange = z
  .object({
    fix: fixId,
    kind: writeKind,
    profile: z.string().nullable(),
    account: z.string().nullable(),
    path: z.string().min(1).max(4096),
    name: z.string().max(16383),
    view: z.enum(['default', '32', '64']),
    before: serializedValue.nullable(),
    after: serializedValue.nullable(),
    elevated: z.boolean(),
  })
  .strict();

/** A saved credential the change deletes: target, type and user name only (never a secret). */
const removal = z
  .object({
    targetName: z.string().min(1).max(32767),
    type: z.number().int().min(1).max(0xffffffff),
    userName: z.string().max(32767).nullable(),
    removed: z.boolean(),
  })
  .strict();

const changeRecordSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
    createdAt: isoTime,
    updatedAt: isoTime,
    fixes: z.array(fixId).max(16),
    changes: z.array(plannedChange).max(100_000),
    written: z.number().int().min(0),
    state,
    restartOutlook: z.boolean(),
    restartWindows: z.boolean(),
    message: z.string().optional(),
    removals: z.array(removal).max(1000).optional(),
  })
  .strict();

/** The record, or why it cannot be trusted (the first problem, with its field path). */
export function parseChangeRecord(
  raw: unknown,
): { ok: true; record: ChangeRecord } | { ok: false; reason: string } {
  const r = changeRecordSchema.safeParse(raw);
  if (r.success) return { ok: true, record: r.data as ChangeRecord };
  const issue = r.error.issues[0]!;
  return { ok: false, reason: `${issue.path.join('.') || 'top level'}: ${issue.message}` };
}
