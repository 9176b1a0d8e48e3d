import { ZodError } from 'zod';
import { ExproxyError, type FailureKind } from '../core/errors';
import { isChannel, parseRequest, type Channel } from '../shared/ipc-contract';
import { failure, type Reply } from '../shared/reply';

export type DispatchResult = Reply<unknown, FailureKind | 'invalid-request'>;

/**
 * One entry point for requests from the renderer (IPC or HTTP): unknown channels and
 * malformed payloads are refused before any service code runs.
 */
export async function dispatch(handlers: object, channel: unknown, args: unknown): Promise<DispatchResult> {
  if (!isChannel(channel)) return failure('invalid-request', 'unknown channel');
  // Only plain data (what IPC's structured clone and JSON can carry): an object whose
  // prototype holds `confirmed: true` would otherwise pass the schema without owning it.
  if (!isPlainData(args, 0)) return failure('invalid-request', 'payload must be plain data');
  let parsed: unknown[];
  try {
    parsed = parseRequest(channel, args) as unknown[];
  } catch (e) {
    const message = e instanceof ZodError ? (e.issues[0]?.message ?? 'invalid payload') : 'invalid payload';
    return failure('invalid-request', message);
  }
  try {
    const fn = (handlers as Record<Channel, unknown>)[channel];
    if (typeof fn !== 'function') return failure('invalid-request', 'not available here');
    return { ok: true, result: await (fn as (...a: unknown[]) => Promise<unknown>).apply(handlers, parsed) };
  } catch (e) {
    if (e instanceof ExproxyError) return failure(e.kind, e.message);
    return failure('unexpected', e instanceof Error ? e.message : String(e));
  }
}

function isPlainData(v: unknown, depth: number): boolean {
  if (v === null || v === undefined) return true;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return true;
  if (t !== 'object' || depth > 32) return false;
  const proto = Object.getPrototypeOf(v);
  if (Array.isArray(v)) return proto === Array.prototype && v.every((x) => isPlainData(x, depth + 1));
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(v as object).every((x) => isPlainData(x, depth + 1));
}
