/**
 * Which "Logon network security" value fits an account (SOURCES.md §2): the inner sign-in must be
 * one the server can do without asking, from wherever the PC is. Negotiate tries Kerberos and falls
 * back to NTLM; Kerberos alone needs a domain controller in reach, which an RPC over HTTP
 * connection from outside does not have.
 */
import { AUTH_PACKAGE, type AuthPackageName, type WritableAuthPackage } from '../outlook/auth-package';

export interface LogonFitInput {
  /** "11.0" … "16.0", or null when unknown. */
  readonly outlookVersion: string | null;
  /** What the proxy offered (lower-case `WWW-Authenticate` schemes), or null when not asked. */
  readonly proxySchemes: readonly string[] | null;
}

/** The value to offer. Outlook 2003 always signs in to Exchange with NTLM inside RPC over HTTP. */
export function recommendedAuthPackage(input: LogonFitInput): WritableAuthPackage {
  if (input.outlookVersion === '11.0') return AUTH_PACKAGE.NTLM;
  const s = input.proxySchemes;
  if (s && s.includes('ntlm') && !s.includes('negotiate')) return AUTH_PACKAGE.NTLM;
  return AUTH_PACKAGE.NEGOTIATE;
}

/**
 * Whether a current value can make Outlook ask on an on-premises RPC over HTTP account. Values we
 * cannot judge (Anonymous, unknown numbers) count as fitting: the wizard never flags a guess.
 */
export function promptsOffNetwork(name: AuthPackageName): boolean {
  return name === 'kerberos' || name === 'none';
}
