/**
 * Findings for the causes beyond KB820281, in the shape of diagnosis/finding.ts (whose FindingId
 * and FixId include these ids). `kb` is the source article id listed in SOURCES.md (a KB number,
 * or our id for articles that carry none).
 */
import type { Severity } from '../diagnosis/finding';

export type CauseFindingId =
  | 'prompt-always-on'
  | 'prompt-always-policy'
  | 'logon-kerberos-only'
  | 'logon-none'
  | 'logon-policy-kerberos'
  | 'cause-value-unreadable'
  | 'saved-credentials'
  | 'exchange-online-rpc'
  | 'modern-auth-off-2013'
  | 'modern-auth-off-2016'
  | 'msoauth-autodiscover-off'
  | 'mapi-http-disabled'
  | 'modern-auth-policy'
  | 'mapi-endpoint-basic-only'
  | 'mapi-endpoint-missing';

export type CauseFixId =
  | 'prompt-always-off'
  | 'logon-negotiate'
  | 'logon-ntlm'
  | 'remove-saved-credentials'
  | 'modern-auth-2013-on'
  | 'modern-auth-2016-default'
  | 'msoauth-autodiscover-on'
  | 'mapi-http-allow';

export const CAUSE_FINDING_IDS: readonly CauseFindingId[] = [
  'prompt-always-on',
  'prompt-always-policy',
  'logon-kerberos-only',
  'logon-none',
  'logon-policy-kerberos',
  'cause-value-unreadable',
  'saved-credentials',
  'exchange-online-rpc',
  'modern-auth-off-2013',
  'modern-auth-off-2016',
  'msoauth-autodiscover-off',
  'mapi-http-disabled',
  'modern-auth-policy',
  'mapi-endpoint-basic-only',
  'mapi-endpoint-missing',
];

/** In plan order: profile settings, then the per-user switches, the credential removal last. */
export const CAUSE_FIX_IDS = [
  'prompt-always-off',
  'logon-negotiate',
  'logon-ntlm',
  'modern-auth-2013-on',
  'modern-auth-2016-default',
  'msoauth-autodiscover-on',
  'mapi-http-allow',
  'remove-saved-credentials',
] as const satisfies readonly CauseFixId[];

export type CauseFacts = Readonly<Record<string, string | number | boolean | null>>;

export interface CauseFinding {
  readonly id: CauseFindingId;
  readonly severity: Severity;
  readonly kb: string;
  readonly profile: string | null;
  /** Section key of the account concerned. */
  readonly account: string | null;
  /** Fixes that address it, recommended first; empty when the person must act elsewhere. */
  readonly fixes: readonly CauseFixId[];
  readonly facts: CauseFacts;
}
