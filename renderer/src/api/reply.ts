import { CHANNELS, type Channel, type Reply, type ReplyError, type WizardApi } from '../contract';
import { ApiError } from './api-error';

/** One named function per channel of the shared list, each sent through `call`. */
export function apiFromChannels(call: (channel: Channel, args: unknown[]) => Promise<unknown>): WizardApi {
  const api = Object.fromEntries(CHANNELS.map((c) => [c, (...args: unknown[]) => call(c, args)]));
  return api as unknown as WizardApi;
}

/**
 * The result of a reply envelope, or its failure as an ApiError with the kind it carried.
 * Anything that is not an envelope is `notAReply()`: what arrives from another process is checked.
 */
export function unwrapReply(reply: unknown, notAReply: () => ApiError): unknown {
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw notAReply();
  const r = reply as Reply;
  if (r.ok) return r.result;
  const error: Partial<ReplyError> = r.error ?? {};
  throw new ApiError(error.kind ?? 'unexpected', error.message ?? '');
}
