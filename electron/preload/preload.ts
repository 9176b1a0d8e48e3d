/**
 * The renderer's only door to the main process: one named function per channel, built from
 * the one channel list, nothing generic (no raw ipcRenderer, no channel parameter). Each
 * resolves to the reply envelope, so a failure reaches the page as data — contextBridge would
 * keep only an Error's message. Getters must stay side-effect free: contextBridge copies this
 * object once, and the page can read it any number of times.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type Channel, type WizardBridge } from '../shared/channels';
import { failure, type Reply } from '../shared/reply';

function bridgeFunction(channel: Channel) {
  return async (...args: unknown[]): Promise<Reply> => {
    try {
      return (await ipcRenderer.invoke(channel, ...args)) as Reply;
    } catch (e) {
      // No handler, or the main process failed outside dispatch: still an answer, not a throw.
      return failure('unexpected', e instanceof Error ? e.message : String(e));
    }
  };
}

const bridge = Object.freeze(
  Object.fromEntries(CHANNELS.map((channel) => [channel, bridgeFunction(channel)])),
) as WizardBridge;

contextBridge.exposeInMainWorld('exproxy', bridge);
