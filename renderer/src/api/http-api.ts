import type { Channel, WizardApi } from '../contract';
import { ApiError } from './api-error';
import { apiFromChannels, unwrapReply } from './reply';

export const TOKEN_KEY = 'exproxy.token';
export const TOKEN_HEADER = 'X-Exproxy-Token';

interface HttpApiOptions {
  readonly token: string;
  readonly fetch?: typeof fetch;
  /** Prefix of the API routes; the demo host serves `/api/<channel>`. */
  readonly base?: string;
}

/** The browser demo host: `POST /api/<channel>` with the arguments as a JSON array. */
export function createHttpApi(opts: HttpApiOptions): WizardApi {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = opts.base ?? '/api/';
  async function call(channel: Channel, args: unknown[]): Promise<unknown> {
    let res: Response;
    try {
      res = await doFetch(`${base}${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: opts.token },
        body: JSON.stringify(args),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError('network', e instanceof Error ? e.message : String(e));
    }
    let reply: unknown;
    try {
      reply = await res.json();
    } catch {
      throw new ApiError(res.status === 403 ? 'forbidden' : 'network', `HTTP ${res.status}`);
    }
    return unwrapReply(reply, () => new ApiError('network', `HTTP ${res.status}`));
  }
  return apiFromChannels(call);
}

/**
 * The token arrives in the page URL on first load; keep it for reloads (a simulated restart
 * reloads the page) and drop it from the address bar.
 */
export function takeToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    try {
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    } catch {
      /* not fatal: the token just stays visible */
    }
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY) ?? '';
}
