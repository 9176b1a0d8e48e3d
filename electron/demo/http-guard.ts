import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-exproxy-token';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Only our own origin: a foreign Host header means DNS rebinding or a proxy, never us. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * API calls: the token in a custom header only. A cross-site page cannot send one, and
 * unlike a cookie (cookies ignore ports) no other server on 127.0.0.1 ever receives it.
 */
export function apiTokenAllowed(req: IncomingMessage, token: string): boolean {
  const h = req.headers[TOKEN_HEADER];
  return typeof h === 'string' && same(h, token);
}

/**
 * Pages and assets are the renderer bundle, public code: served without a token, so a
 * reload (the token now lives in the tab's sessionStorage) needs none. A token in the
 * address, if present, must still be this run's: a stale link fails at once.
 */
export function pageTokenAllowed(url: URL, token: string): boolean {
  const q = url.searchParams.get('token');
  return q === null || same(q, token);
}
