import { ROHAUTH, ROHFLAGS } from './mapi-tags';
import type { AuthScheme, RpcOverHttpSettings } from './profile-model';

export { ROHAUTH, ROHFLAGS } from './mapi-tags';

const KNOWN_FLAGS =
  ROHFLAGS.USE_ROH |
  ROHFLAGS.SSL_ONLY |
  ROHFLAGS.MUTUAL_AUTH |
  ROHFLAGS.HTTP_FIRST_ON_FAST |
  ROHFLAGS.HTTP_FIRST_ON_SLOW;

export function authSchemeName(value: number | null): AuthScheme | null {
  if (value === null) return null;
  if (value === ROHAUTH.BASIC) return 'basic';
  if (value === ROHAUTH.NTLM) return 'ntlm';
  if (value === ROHAUTH.NEGOTIATE) return 'negotiate';
  return 'other';
}

export function rpcOverHttpSettings(input: {
  flags: number | null;
  proxyServer: string | null;
  principalName: string | null;
  authSchemeValue: number | null;
}): RpcOverHttpSettings {
  // PT_LONG flags are unsigned 32-bit; JavaScript's bit operators give signed results.
  const f = (input.flags ?? 0) >>> 0;
  return {
    enabled: (f & ROHFLAGS.USE_ROH) !== 0,
    proxyServer: input.proxyServer,
    sslOnly: (f & ROHFLAGS.SSL_ONLY) !== 0,
    mutualAuth: (f & ROHFLAGS.MUTUAL_AUTH) !== 0,
    principalName: input.principalName,
    httpFirstOnFast: (f & ROHFLAGS.HTTP_FIRST_ON_FAST) !== 0,
    httpFirstOnSlow: (f & ROHFLAGS.HTTP_FIRST_ON_SLOW) !== 0,
    authScheme: authSchemeName(input.authSchemeValue),
    authSchemeValue: input.authSchemeValue === null ? null : input.authSchemeValue >>> 0,
    flags: input.flags === null ? null : f,
    unknownFlags: (f & ~KNOWN_FLAGS) >>> 0,
  };
}

/** Host part of a stored proxy server value; `host:port` hacks are read, never rewritten. */
export function proxyHost(proxyServer: string): string {
  return proxyServer.replace(/^https?:\/\//i, '').replace(/[:/].*$/, '');
}

/**
 * Whether an `msstd:` principal name covers the proxy host. Certificates may carry a
 * wildcard; `*.example.com` matches exactly one label.
 */
export function principalMatchesHost(principalName: string, proxyServer: string): boolean {
  const m = /^msstd:(.+)$/i.exec(principalName.trim());
  if (!m) return false;
  const name = m[1]!.toLowerCase();
  const host = proxyHost(proxyServer).toLowerCase();
  if (name === host) return true;
  if (name.startsWith('*.')) {
    const suffix = name.slice(1);
    return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
  }
  return false;
}
