import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiTokenAllowed, hostAllowed, pageTokenAllowed, TOKEN_HEADER } from './http-guard';

const TOKEN = 'k3Y_abcdefghijklmnopqrstuvwxyz012';

function req(headers: Record<string, string | string[]>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

describe('demo HTTP guard', () => {
  it('accepts only our own Host, on our port', () => {
    expect(hostAllowed(req({ host: '127.0.0.1:8123' }), 8123)).toBe(true);
    expect(hostAllowed(req({ host: 'LOCALHOST:8123' }), 8123)).toBe(true);
    expect(hostAllowed(req({ host: '127.0.0.1:8124' }), 8123)).toBe(false);
    expect(hostAllowed(req({ host: 'evil.example:8123' }), 8123)).toBe(false);
    expect(hostAllowed(req({}), 8123)).toBe(false);
  });

  it('API: the exact token in the header, and nothing else counts', () => {
    expect(apiTokenAllowed(req({ [TOKEN_HEADER]: TOKEN }), TOKEN)).toBe(true);
    expect(apiTokenAllowed(req({ [TOKEN_HEADER]: `${TOKEN} ` }), TOKEN)).toBe(false);
    expect(apiTokenAllowed(req({ [TOKEN_HEADER]: TOKEN.slice(1) }), TOKEN)).toBe(false);
    expect(apiTokenAllowed(req({ [TOKEN_HEADER]: [TOKEN, TOKEN] }), TOKEN)).toBe(false);
    expect(apiTokenAllowed(req({ cookie: `exproxy_token=${TOKEN}` }), TOKEN)).toBe(false);
    expect(apiTokenAllowed(req({}), TOKEN)).toBe(false);
  });

  it('pages: no token needed; a token in the address must be right', () => {
    expect(pageTokenAllowed(new URL('http://127.0.0.1:1/'), TOKEN)).toBe(true);
    expect(pageTokenAllowed(new URL(`http://127.0.0.1:1/?token=${TOKEN}`), TOKEN)).toBe(true);
    expect(pageTokenAllowed(new URL('http://127.0.0.1:1/?token=wrong'), TOKEN)).toBe(false);
    expect(pageTokenAllowed(new URL('http://127.0.0.1:1/?token='), TOKEN)).toBe(false);
  });
});
