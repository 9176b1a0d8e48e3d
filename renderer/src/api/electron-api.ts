import type { Channel, WizardApi } from '../contract';
import { ApiError } from './api-error';
import { CHANNELS } from './channels';

/** Wraps the preload's `window.exproxy` so failures arrive as ApiError like over HTTP. */
export function createElectronApi(bridge: WizardApi): WizardApi {
  const api = {} as Record<Channel, (...args: unknown[]) => Promise<unknown>>;
  for (const channel of CHANNELS) {
    const fn = bridge[channel] as unknown as (...args: unknown[]) => Promise<unknown>;
    api[channel] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (e) {
        throw ApiError.fromElectron(e);
      }
    };
  }
  return api as unknown as WizardApi;
}
