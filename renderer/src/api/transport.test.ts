// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type WizardBridge } from '../contract';
import { ApiError } from './api-error';
import { createElectronApi } from './electron-api';
import { createHttpApi, takeToken, TOKEN_KEY } from './http-api';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('HTTP transport (browser demo host)', () => {
  it('POSTs /api/<channel> with the arguments as a JSON array and the token header', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, result: { changes: [] } }));
    const api = createHttpApi({ token: 'tok-123', fetch });
    const result = await api['fix:plan']({ fixes: ['proxy-auth-ntlm'] });
    expect(result).toEqual({ changes: [] });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/fix:plan');
    expect(init.method).toBe('POST');
    const headers = init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['X-Exproxy-Token']).toBe('tok-123');
    expect(JSON.parse(init.body as string)).toEqual([{ fixes: ['proxy-auth-ntlm'] }]);
  });

  it('sends an empty array for channels without arguments', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, result: { running: false } }));
    await createHttpApi({ token: 't', fetch })['outlook:status']();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/outlook:status');
    expect(init.body).toBe('[]');
  });

  it('has one function per channel of the contract', () => {
    const api = createHttpApi({ token: 't', fetch: vi.fn() });
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    expect(CHANNELS).toContain('demo:set-outlook');
    expect(CHANNELS).toContain('server:add-backconnection');
    expect(CHANNELS).toHaveLength(29);
    expect(CHANNELS).toContain('recovery:finish');
    expect(CHANNELS).toContain('collected:upload');
    expect(CHANNELS).toContain('kit:make');
  });

  it('maps {ok:false} replies to ApiError with the kind', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({ ok: false, error: { kind: 'blocked', message: 'Outlook is running.' } }),
    );
    const api = createHttpApi({ token: 't', fetch });
    const err: unknown = await api['fix:apply']({
      fixes: ['proxy-auth-ntlm'],
      fingerprint: 'a'.repeat(64),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: 'blocked', message: 'Outlook is running.' });
  });

  it('maps a refused token (403, plain text) and a dead connection', async () => {
    const forbidden = vi.fn(async () => new Response('missing or wrong token', { status: 403 }));
    await expect(createHttpApi({ token: 'x', fetch: forbidden })['app:info']()).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const dead = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createHttpApi({ token: 'x', fetch: dead })['scan:run']()).rejects.toMatchObject({
      kind: 'network',
      message: 'Failed to fetch',
    });
  });

  it('takes the token from the URL once, keeps it for reloads and hides it from the address bar', () => {
    sessionStorage.clear();
    window.history.replaceState(null, '', '/?token=abc-DEF_1');
    expect(takeToken(window.location, sessionStorage)).toBe('abc-DEF_1');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('abc-DEF_1');
    expect(window.location.search).toBe('');
    // After location.reload() the URL no longer has it: sessionStorage does.
    expect(takeToken(window.location, sessionStorage)).toBe('abc-DEF_1');
  });
});

describe('Electron transport (preload bridge)', () => {
  type Send = (...a: unknown[]) => Promise<unknown>;
  function bridge(impl: Partial<Record<keyof WizardBridge, Send>>): WizardBridge {
    const all: Record<string, Send> = {};
    for (const c of CHANNELS) all[c] = impl[c] ?? (async () => ({ ok: true, result: null }));
    return all as unknown as WizardBridge;
  }

  it('has one function per channel of the contract', () => {
    expect(Object.keys(createElectronApi(bridge({}))).sort()).toEqual([...CHANNELS].sort());
  });

  it('passes arguments through and returns the result', async () => {
    const spy = vi.fn(async () => ({ ok: true, result: { registered: true } }));
    const api = createElectronApi(bridge({ 'resume:register': spy }));
    await expect(api['resume:register']()).resolves.toEqual({ registered: true });
    const plan = vi.fn(async (...a: unknown[]) => ({ ok: true, result: a }));
    await createElectronApi(bridge({ 'fix:plan': plan }))['fix:plan']({ fixes: ['lmcompat-3'] });
    expect(plan).toHaveBeenCalledWith({ fixes: ['lmcompat-3'] });
  });

  it('turns a failure envelope into ApiError with its kind and message, parsing no text', async () => {
    const api = createElectronApi(
      bridge({
        'fix:apply': async () => ({
          ok: false,
          error: { kind: 'elevation-declined', message: 'The administrator prompt was declined.' },
        }),
        // Text that merely looks like a kind stays text.
        'scan:run': async () => ({
          ok: false,
          error: { kind: 'unexpected', message: '[blocked] something odd' },
        }),
      }),
    );
    const err: unknown = await api['fix:apply']({ fixes: ['lmcompat-3'], fingerprint: 'a'.repeat(64) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      kind: 'elevation-declined',
      message: 'The administrator prompt was declined.',
    });
    await expect(api['scan:run']()).rejects.toMatchObject({
      kind: 'unexpected',
      message: '[blocked] something odd',
    });
  });

  it('refuses an answer that is not an envelope', async () => {
    const api = createElectronApi(bridge({ 'app:info': async () => 'something odd' }));
    await expect(api['app:info']()).rejects.toMatchObject({
      kind: 'unexpected',
      message: 'no reply on app:info',
    });
  });
});
