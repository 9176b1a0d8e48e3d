/**
 * PR_PROFILE_CONFIG_FLAGS (`00036601`) of an Exchange section: a PT_LONG bit set (EdkMdb.h,
 * causes/SOURCES.md §1). The wizard only ever clears CONFIG_PROMPT_FOR_CREDENTIALS and keeps every
 * other bit, known or not (cached mode lives in the same value).
 */
import type { RegValue } from '../registry/reg-value';
import { decodeMapiValue, encodeMapiValue, propName } from './mapi-property';
import { PR_PROFILE_CONFIG_FLAGS } from './mapi-tags';

export const CONFIG_FLAGS_VALUE = '00036601';

export const CONFIG_FLAG = {
  SERVICE: 0x1,
  SHOW_STARTUP_UI: 0x2,
  SHOW_CONNECT_UI: 0x4,
  /** "Always prompt for logon credentials" (mapping inferred, SOURCES.md §1). */
  PROMPT_FOR_CREDENTIALS: 0x8,
  NO_AUTO_DETECT: 0x10,
  OST_CACHE_ONLY: 0x20,
  USE_SMTP_ADDRESSES: 0x40,
  OST_CACHE_PRIVATE: 0x180,
  OST_CACHE_PUBLIC: 0x400,
} as const;

export type ConfigFlagsReading =
  | { readonly state: 'absent' }
  | { readonly state: 'unreadable'; readonly reason: string }
  | { readonly state: 'set'; readonly flags: number; readonly promptForCredentials: boolean };

const PROP = propName(PR_PROFILE_CONFIG_FLAGS);

export function readConfigFlags(reg: RegValue | undefined): ConfigFlagsReading {
  if (!reg) return { state: 'absent' };
  const d = decodeMapiValue(PROP, reg);
  if (!d.ok) return { state: 'unreadable', reason: d.reason };
  if (d.value.kind !== 'long') return { state: 'unreadable', reason: `decoded as ${d.value.kind}` };
  const flags = d.value.value >>> 0;
  return { state: 'set', flags, promptForCredentials: (flags & CONFIG_FLAG.PROMPT_FOR_CREDENTIALS) !== 0 };
}

/**
 * The same value with the prompt bit cleared, in the same registry type (4-byte REG_BINARY or
 * REG_DWORD). Throws RangeError on a value that does not decode: never guess at damaged bytes.
 */
export function withPromptForCredentialsCleared(reg: RegValue): RegValue {
  const r = readConfigFlags(reg);
  if (r.state !== 'set') throw new RangeError(`${CONFIG_FLAGS_VALUE} is not a readable PT_LONG`);
  const flags = (r.flags & ~CONFIG_FLAG.PROMPT_FOR_CREDENTIALS) >>> 0;
  return encodeMapiValue({ kind: 'long', value: flags }, reg);
}
