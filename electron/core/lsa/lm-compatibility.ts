import type { OsFamily } from './lsa-model';

export const LM_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type LmLevel = (typeof LM_LEVELS)[number];

/** Level Windows uses when the value is absent (reference §6: XP/2000 0, Server 2003 2, Vista+ 3). */
export function defaultLmCompatibilityLevel(family: OsFamily): LmLevel {
  switch (family) {
    case 'xp-2000':
      return 0;
    case 'server-2003':
      return 2;
    default:
      return 3;
  }
}

/** Below 2 the client still sends the LM response, so Windows will not log on silently (KB820281). */
export const MIN_SILENT_NTLM_LEVEL = 2;

export function isLmLevel(n: unknown): n is LmLevel {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 5;
}

/** Short technical label per level; the UI explains each in plain words through i18n. */
export const LM_LEVEL_LABELS: Record<LmLevel, string> = {
  0: 'Send LM and NTLM responses',
  1: 'Send LM and NTLM, use NTLMv2 session security if negotiated',
  2: 'Send NTLM response only',
  3: 'Send NTLMv2 response only',
  4: 'Send NTLMv2 response only; domain controllers refuse LM',
  5: 'Send NTLMv2 response only; domain controllers refuse LM and NTLM',
};
