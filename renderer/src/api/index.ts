import type { WizardApi, WizardBridge } from '../contract';
import { createElectronApi } from './electron-api';
import { createHttpApi, takeToken } from './http-api';

declare global {
  interface Window {
    exproxy?: WizardBridge;
  }
}

/** Electron exposes `window.exproxy`; anything else is the browser demo host. */
export function createApi(): WizardApi {
  if (window.exproxy) return createElectronApi(window.exproxy);
  return createHttpApi({ token: takeToken() });
}
