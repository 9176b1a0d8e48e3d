import { ZodError } from 'zod';
import { ExproxyError, type FailureKind } from '../core/errors';
import { isChannel, parseRequest, type Channel } from '../shared/ipc-contract';

export type DispatchResult =
  | { ok: true; result: unknown }
  | { ok: false; error: { kind: FailureKind | 'invalid-request'; message: string } };

/**
 * One entry point for requests from the renderer (IPC or HTTP): unknown channels and
 * malformed payloads are refused before any service code runs.
 */
export async function dispatch(handlers: object, channel: unknown, args: unknown): Promise<DispatchResult> {
  if (!isChannel(channel))
    return { ok: false, error: { kind: 'invalid-request', message: 'unknown channel' } };
  let parsed: unknown[];
  try {
    parsed = parseRequest(channel, args) as unknown[];
  } catch (e) {
    const message = e instanceof ZodError ? (e.issues[0]?.message ?? 'invalid payload') : 'invalid payload';
    return { ok: false, error: { kind: 'invalid-request', message } };
  }
  try {
    const fn = (handlers as Record<Channel, unknown>)[channel];
    if (typeof fn !== 'function')
      return { ok: false, error: { kind: 'invalid-request', message: 'not available here' } };
    return { ok: true, result: await (fn as (...a: unknown[]) => Promise<unknown>).apply(handlers, parsed) };
  } catch (e) {
    if (e instanceof ExproxyError) return { ok: false, error: { kind: e.kind, message: e.message } };
    return { ok: false, error: { kind: 'unexpected', message: e instanceof Error ? e.message : String(e) } };
  }
}
