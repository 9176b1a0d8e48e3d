import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../shared/channels';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke },
}));

/** Loads the preload afresh and returns what it handed to contextBridge. */
async function exposed(): Promise<Record<string, (...args: unknown[]) => Promise<unknown>>> {
  vi.resetModules();
  electron.exposeInMainWorld.mockClear();
  await import('./preload');
  expect(electron.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = electron.exposeInMainWorld.mock.calls[0]!;
  expect(name).toBe('exproxy');
  return api as Record<string, (...args: unknown[]) => Promise<unknown>>;
}

beforeEach(() => electron.invoke.mockReset());

describe('preload bridge', () => {
  it('exposes exactly one function per channel and nothing generic', async () => {
    const api = await exposed();
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(typeof api[c]).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call on its own channel, whatever the page passes', async () => {
    const api = await exposed();
    electron.invoke.mockResolvedValue({ ok: true, result: { running: false } });
    await api['outlook:status']!();
    await api['fix:plan']!({ fixes: ['lmcompat-3'] });
    // A page cannot pick the channel: the first argument is payload, never a channel name.
    await api['scan:run']!('fix:apply', { fixes: ['lmcompat-3'] });
    expect(electron.invoke.mock.calls).toEqual([
      ['outlook:status'],
      ['fix:plan', { fixes: ['lmcompat-3'] }],
      ['scan:run', 'fix:apply', { fixes: ['lmcompat-3'] }],
    ]);
  });

  it('hands the reply envelope over as data, failures included', async () => {
    const api = await exposed();
    const refused = { ok: false, error: { kind: 'elevation-declined', message: 'The prompt was declined.' } };
    electron.invoke.mockResolvedValueOnce(refused);
    await expect(api['fix:apply']!({ fixes: ['lmcompat-3'] })).resolves.toEqual(refused);
    electron.invoke.mockResolvedValueOnce({ ok: true, result: { registered: true } });
    await expect(api['resume:register']!()).resolves.toEqual({ ok: true, result: { registered: true } });
  });

  it('turns a failed invoke (no handler, main process error) into an envelope too', async () => {
    const api = await exposed();
    electron.invoke.mockRejectedValueOnce(new Error("No handler registered for 'scan:run'"));
    await expect(api['scan:run']!()).resolves.toEqual({
      ok: false,
      error: { kind: 'unexpected', message: "No handler registered for 'scan:run'" },
    });
  });
});
