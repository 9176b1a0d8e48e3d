import { CAUSE_FIX_IDS, type CauseFindingId } from '../causes/cause-finding';

export type Severity = 'error' | 'warning' | 'info';

/** KB820281 and its proxy check; the other causes of prompts are in core/causes. */
export type KbFindingId =
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
  | 'proxy-certificate-untrusted'
  /** Our NTLM switch is Basic again after a restart: Autodiscover put it back (core/autodiscover). */
  | 'autodiscover-reverted';

export type FindingId = KbFindingId | CauseFindingId;

/**
 * KB820281's fixes, in the order a plan applies them: the profile's NTLM switch before the LAN
 * Manager level (the planner counts the accounts the first one moves to NTLM).
 */
export const KB_FIX_IDS = ['proxy-auth-ntlm', 'lmcompat-3', 'lmcompat-2'] as const;
/** Client fixes (`exproxy apply`), in plan order: KB820281's, then the other causes' (core/causes). */
export const FIX_IDS = [...KB_FIX_IDS, ...CAUSE_FIX_IDS] as const;
export type ClientFixId = (typeof FIX_IDS)[number];
/** The LAN Manager level fixes: alternatives, a plan takes one at most. */
export const LM_FIX_IDS = ['lmcompat-3', 'lmcompat-2'] as const satisfies readonly ClientFixId[];
/** The server-side BackConnectionHostNames fix (KB914137). */
export const SERVER_FIX_IDS = ['backconnection-host'] as const;
export type FixId = ClientFixId | (typeof SERVER_FIX_IDS)[number];

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
