export type Severity = 'error' | 'warning' | 'info';

export type FindingId =
  | 'proxy-auth-basic'
  | 'lm-response-sent'
  | 'lm-policy-managed'
  | 'basic-without-ssl'
  | 'principal-name-mismatch'
  | 'outlook-running'
  | 'profile-unreadable'
  | 'no-outlook-profiles'
  | 'proxy-offers-no-ntlm'
  | 'proxy-unreachable'
  | 'proxy-certificate-name-mismatch'
  | 'proxy-certificate-untrusted';

export type FixId = 'proxy-auth-ntlm' | 'lmcompat-3' | 'lmcompat-2';

export const FIX_IDS: readonly FixId[] = ['proxy-auth-ntlm', 'lmcompat-3', 'lmcompat-2'];

export interface Finding {
  readonly id: FindingId;
  readonly severity: Severity;
  /** Knowledge Base article the rule comes from, e.g. "KB820281". */
  readonly kb: string;
  readonly profile: string | null;
  /** Section key of the account concerned. */
  readonly account: string | null;
  /** Fixes that address it, recommended first. */
  readonly fixes: readonly FixId[];
  /** Values for the plain-language message (host names, levels…). */
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
}
