/**
 * When no cause is found: what was checked, and what to look at next instead of a bare "nothing to
 * fix" (SOURCES.md §7): Outlook's Connection Status dialog (its Authn and Protocol columns) and the
 * proxy's own answer. Text keys live in text/*.json under `guidance`.
 */
export type CheckedArea =
  | 'proxy-auth'
  | 'lm-level'
  | 'prompt-setting'
  | 'logon-security'
  | 'saved-credentials'
  | 'exchange-online'
  | 'modern-auth'
  | 'proxy-answer'
  | 'mapi-endpoint';

export interface ProxyAnswerSummary {
  readonly proxyServer: string;
  /** HTTP status, or null when nothing came back. */
  readonly status: number | null;
  readonly schemes: readonly string[];
}

export type GuidanceStep =
  | { readonly key: 'connection-status' }
  | { readonly key: 'authn-column' }
  | { readonly key: 'protocol-column' }
  | {
      readonly key: 'proxy-answer';
      readonly proxyServer: string;
      readonly status: number | null;
      readonly schemes: string;
    }
  | { readonly key: 'proxy-not-asked' }
  | { readonly key: 'credential-store-not-read' };

export interface NoCauseInput {
  readonly checked: readonly CheckedArea[];
  /** The proxies asked this scan (empty when the network check was off or skipped). */
  readonly proxyAnswers: readonly ProxyAnswerSummary[];
  /** False when the saved credentials could not be listed (e.g. not on Windows). */
  readonly credentialsRead: boolean;
}

export interface NoCauseGuidance {
  readonly checked: readonly CheckedArea[];
  readonly steps: readonly GuidanceStep[];
}

export function noCauseGuidance(input: NoCauseInput): NoCauseGuidance {
  const steps: GuidanceStep[] = [
    { key: 'connection-status' },
    { key: 'authn-column' },
    { key: 'protocol-column' },
  ];
  if (input.proxyAnswers.length === 0) steps.push({ key: 'proxy-not-asked' });
  for (const a of input.proxyAnswers) {
    steps.push({
      key: 'proxy-answer',
      proxyServer: a.proxyServer,
      status: a.status,
      schemes: a.schemes.join(', ') || 'none',
    });
  }
  if (!input.credentialsRead) steps.push({ key: 'credential-store-not-read' });
  return { checked: [...input.checked], steps };
}

/** The values KB2737188 lists for the Authn column. */
export type AuthnValue = 'ERROR' | 'CLEAR' | 'NTLM' | 'NEGO' | 'KERBEROS' | 'ANONYMOUS' | 'BEARER';
const AUTHN_VALUES: readonly AuthnValue[] = [
  'ERROR',
  'CLEAR',
  'NTLM',
  'NEGO',
  'KERBEROS',
  'ANONYMOUS',
  'BEARER',
];

export interface AuthnPart {
  readonly value: AuthnValue | null;
  readonly raw: string;
  /** A value in brackets is the inner (RPC) sign-in; the plain one is the HTTP sign-in. */
  readonly layer: 'http' | 'rpc';
}

export interface AuthnReading {
  readonly parts: readonly AuthnPart[];
  /** Basic (CLEAR) or an error on the HTTP side: Outlook asks unless it saved a password. */
  readonly promptExpected: boolean;
  readonly modernAuth: boolean;
}

/** Reads what a technician copies from the Authn column, e.g. `Clear [Anonymous]` or `Bearer*`. */
export function readAuthnColumn(text: string): AuthnReading {
  const parts: AuthnPart[] = [];
  for (const m of text.matchAll(/(\[)?\s*([A-Za-z]+)\*?\s*\]?/g)) {
    const raw = m[2]!;
    const upper = raw.toUpperCase();
    const value = (AUTHN_VALUES as readonly string[]).includes(upper) ? (upper as AuthnValue) : null;
    parts.push({ value, raw, layer: m[1] ? 'rpc' : 'http' });
  }
  const http = parts.filter((p) => p.layer === 'http');
  return {
    parts,
    promptExpected: http.some((p) => p.value === 'CLEAR' || p.value === 'ERROR'),
    modernAuth: http.some((p) => p.value === 'BEARER'),
  };
}
