import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-exproxy-token';
export const TOKEN_COOKIE = 'exproxy_token';

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

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return v.join('=');
  }
  return null;
}

/**
 * Pages and assets: the token in the query (first load) or in the cookie set then. API
 * calls: the token in a custom header, which a cross-site page cannot send.
 */
export function tokenAllowed(req: IncomingMessage, url: URL, token: string, api: boolean): boolean {
  if (api) {
    const h = req.headers[TOKEN_HEADER];
    return typeof h === 'string' && same(h, token);
  }
  const q = url.searchParams.get('token');
  const c = cookieToken(req);
  return (q !== null && same(q, token)) || (c !== null && same(c, token));
}
