/**
 * The reply envelope every channel answers with, over IPC and HTTP alike: failures travel as
 * data (a stable `kind` for the code, a `message` for people), never as thrown text.
 */
export interface ReplyError<K extends string = string> {
  readonly kind: K;
  readonly message: string;
}

export type Reply<T = unknown, K extends string = string> =
  { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: ReplyError<K> };

export function failure<K extends string>(kind: K, message: string): Reply<never, K> {
  return { ok: false, error: { kind, message } };
}
