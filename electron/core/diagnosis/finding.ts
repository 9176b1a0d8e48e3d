export type Severity = 'error' | 'warning' | 'info';

export type FindingId =
  | 'proxy-auth-basic'
  | 'lm-response-sent'
  | 'lm-policy-managed'
  | 'lm-level-invalid'
  | 'basic-without-ssl'
  | 'principal-name-mismatch'
  | 'outlook-running'
  | 'profile-unreadable'
  | 'no-outlook-profiles'
  | 'proxy-offers-no-ntlm'
  | 'proxy-unreachable'
  | 'proxy-certificate-name-mismatch'
  | 'proxy-certificate-untrusted';

/** Client fixes (`exproxy apply`), plus the server-side BackConnectionHostNames fix (KB914137). */
export type ClientFixId = 'proxy-auth-ntlm' | 'lmcompat-3' | 'lmcompat-2';
export type FixId = ClientFixId | 'backconnection-host';

export const FIX_IDS: readonly ClientFixId[] = ['proxy-auth-ntlm', 'lmcompat-3', 'lmcompat-2'];
export const SERVER_FIX_IDS: readonly FixId[] = ['backconnection-host'];

export interface Finding {
  readonly id: FindingId;
  readonly severity: Severity;
  /** Knowledge Base article the rule comes from, e.g. "KB820281". */
  readonly kb: string;
  readonly profile: string | null;
  /** Section key of the account concerned. */
  readonly account: string | null;
  /** Fixes that address it, recommended first. */
  readonly fixes: readonly ClientFixId[];
  /** Values for the plain-language message (host names, levels…). */
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
}
