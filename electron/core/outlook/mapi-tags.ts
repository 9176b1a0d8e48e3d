/** Property tags (id in the high word, type in the low word) and values the wizard uses (reference §2.5, §3). */

// RPC over HTTP (KB898835). Only meaningful inside an Exchange section (reference §0.2).
export const PR_ROH_FLAGS = 0x66230003;
export const PR_ROH_PROXY_SERVER = 0x6622001f;
export const PR_ROH_PROXY_PRINCIPAL_NAME = 0x6625001f;
export const PR_ROH_PROXY_AUTH_SCHEME = 0x66270003;

// Exchange profile section (edkmdb.h).
export const PR_PROFILE_CONFIG_FLAGS = 0x66010003;
export const PR_PROFILE_HOME_SERVER = 0x6602001e;
export const PR_PROFILE_USER = 0x6603001e;
export const PR_PROFILE_UNRESOLVED_NAME = 0x6607001e;
export const PR_PROFILE_HOME_SERVER_ADDRS = 0x6613101e;
export const PR_PROFILE_AUTH_PACKAGE = 0x66190003;
export const PR_PROFILE_USER_SMTP_EMAIL_ADDRESS_W = 0x6641001f;

// Service sections.
export const PR_SERVICE_NAME = 0x3d09001e;
export const PR_SERVICE_NAME_W = 0x3d09001f;
export const PR_EMSMDB_SECTION_UID = 0x3d150102;

// PR_ROH_FLAGS bits.
export const ROHFLAGS_USE_ROH = 0x1;
export const ROHFLAGS_SSL_ONLY = 0x2;
export const ROHFLAGS_MUTUAL_AUTH = 0x4;
export const ROHFLAGS_HTTP_FIRST_ON_FAST = 0x8;
/** From MFCMAPI only; meaning unconfirmed, so preserve it and never set it (reference §3.2). */
export const PRXF_IGNORE_SEC_WARNING = 0x10;
export const ROHFLAGS_HTTP_FIRST_ON_SLOW = 0x20;

// PR_ROH_PROXY_AUTH_SCHEME values = rpcdce.h RPC_C_HTTP_AUTHN_SCHEME_*.
export const ROHAUTH_BASIC = 0x1;
export const ROHAUTH_NTLM = 0x2;
export const ROHAUTH_PASSPORT = 0x4;
export const ROHAUTH_DIGEST = 0x8;
export const ROHAUTH_NEGOTIATE = 0x10;
export const ROHAUTH_CERT = 0x10000;
