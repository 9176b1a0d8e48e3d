/**
 * The renderer's only door to the main process: one named function per channel, nothing
 * generic (no raw ipcRenderer, no channel parameter). Getters must stay side-effect free:
 * contextBridge copies this object once, and the page can read it any number of times.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, WizardApi } from '../shared/ipc-contract';

type Reply = { ok: true; result: unknown } | { ok: false; error: { kind: string; message: string } };

async function invoke(channel: Channel, ...args: unknown[]): Promise<never> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as Reply;
  // contextBridge keeps only an Error's message, so the kind travels inside it.
  if (!reply.ok) throw new Error(`[${reply.error.kind}] ${reply.error.message}`);
  return reply.result as never;
}

const api: WizardApi = {
  'app:info': () => invoke('app:info'),
  'scan:run': () => invoke('scan:run'),
  'fix:plan': (req) => invoke('fix:plan', req),
  'fix:apply': (req) => invoke('fix:apply', req),
  'fix:rollback': (req) => invoke('fix:rollback', req),
  'history:list': () => invoke('history:list'),
  'outlook:status': () => invoke('outlook:status'),
  'outlook:start': () => invoke('outlook:start'),
  'windows:restart': (req) => invoke('windows:restart', req),
  'resume:register': () => invoke('resume:register'),
  'report:save': (req) => invoke('report:save', req),
  'demo:load-scenario': (req) => invoke('demo:load-scenario', req),
  'demo:set-outlook': (req) => invoke('demo:set-outlook', req),
  'proxy:check': () => invoke('proxy:check'),
  'proxy:cancel': () => invoke('proxy:cancel'),
  'prf:save': (req) => invoke('prf:save', req),
  'server:guides': (req) => invoke('server:guides', req),
  'server:events': () => invoke('server:events'),
  'server:iis': () => invoke('server:iis'),
  'server:add-backconnection': (req) => invoke('server:add-backconnection', req),
};

contextBridge.exposeInMainWorld('exproxy', api);
