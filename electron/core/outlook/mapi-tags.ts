/** Property tags (id in the high word, type in the low word) and values the wizard uses (reference §2.5, §3). */

// RPC over HTTP (KB898835). Only meaningful inside an Exchange section (reference §0.2).
export const PR_ROH_FLAGS = 0x66230003;
export const PR_ROH_PROXY_SERVER = 0x6622001f;
export const PR_ROH_PROXY_PRINCIPAL_NAME = 0x6625001f;
export const PR_ROH_PROXY_AUTH_SCHEME = 0x66270003;

// Exchange profile section (edkmdb.h).
export const PR_PROFILE_CONFIG_FLAGS = 0x66010003;
export const PR_PROFILE_HOME_SERVER = 0x6602001e;
export const PR_PROFILE_UNRESOLVED_NAME = 0x6607001e;
export const PR_PROFILE_HOME_SERVER_ADDRS = 0x6613101e;
export const PR_PROFILE_AUTH_PACKAGE = 0x66190003;
export const PR_PROFILE_USER_SMTP_EMAIL_ADDRESS_W = 0x6641001f;

// Service sections.
export const PR_EMSMDB_SECTION_UID = 0x3d150102;

/** PR_ROH_FLAGS bits (KB898835; 0x10 from MFCMAPI only: meaning unconfirmed, so preserved, never set). */
export const ROHFLAGS = {
  USE_ROH: 0x1,
  SSL_ONLY: 0x2,
  MUTUAL_AUTH: 0x4,
  HTTP_FIRST_ON_FAST: 0x8,
  IGNORE_SEC_WARNING: 0x10,
  HTTP_FIRST_ON_SLOW: 0x20,
} as const;

/** PR_ROH_PROXY_AUTH_SCHEME values = rpcdce.h RPC_C_HTTP_AUTHN_SCHEME_*. */
export const ROHAUTH = {
  BASIC: 0x1,
  NTLM: 0x2,
  PASSPORT: 0x4,
  DIGEST: 0x8,
  NEGOTIATE: 0x10,
  CERT: 0x10000,
} as const;
