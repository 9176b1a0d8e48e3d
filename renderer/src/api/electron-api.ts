import type { WizardApi, WizardBridge } from '../contract';
import { ApiError } from './api-error';
import { apiFromChannels, unwrapReply } from './reply';

/** Wraps the preload's `window.exproxy`: its reply envelopes become results or ApiErrors, as over HTTP. */
export function createElectronApi(bridge: WizardBridge): WizardApi {
  return apiFromChannels(async (channel, args) => {
    const send = bridge[channel] as (...a: unknown[]) => Promise<unknown>;
    return unwrapReply(await send(...args), () => new ApiError('unexpected', `no reply on ${channel}`));
  });
}
