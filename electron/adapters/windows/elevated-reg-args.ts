import { ExproxyError } from '../../core/errors';
import { isValidHostName } from '../../core/lsa/host-name';
import { checkWriteAllowed, needsElevation } from '../../core/registry/allowlist';
import type { RegValue } from '../../core/registry/reg-value';
import type { RegView } from '../../core/registry/registry-port';

// Every piece of text that can reach the elevated reg.exe is one of these constants, a
// single digit 0-5, or host names matching SAFE_HOST (after the allowlist's own check).
export const ELEVATED_TARGETS = {
  'lm-compatibility-level': {
    key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
    value: 'LmCompatibilityLevel',
  },
  'back-connection-host-names': {
    key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0',
    value: 'BackConnectionHostNames',
  },
} as const;

export type ElevatedTarget = (typeof ELEVATED_TARGETS)[keyof typeof ELEVATED_TARGETS];

const SAFE_HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
/** No space, quote or shell character: a token that needs no quoting on a command line. */
const SAFE_TOKEN = /^[A-Za-z0-9_.\\/-]+$/;

function refuse(why: string): never {
  throw new ExproxyError('not-allowed', `Refusing an elevated write: ${why}`);
}

export interface ElevatedRegCommand {
  readonly target: ElevatedTarget;
  /** reg.exe's arguments, one array element each. */
  readonly args: readonly string[];
}

/** reg.exe's arguments for one allowed HKLM write (`null` = delete); throws before anything runs otherwise. */
export function elevatedRegCommand(
  path: string,
  name: string,
  value: RegValue | null,
  view?: RegView,
): ElevatedRegCommand {
  if (view === '32') refuse('the LSA settings have no 32-bit view');
  const kind = checkWriteAllowed(path, name, value);
  if (!needsElevation(kind) || (kind !== 'lm-compatibility-level' && kind !== 'back-connection-host-names')) {
    refuse(`${name} is a per-user value; it is never written elevated`);
  }
  const target = ELEVATED_TARGETS[kind];
  if (value === null) return { target, args: ['delete', target.key, '/v', target.value, '/f'] };
  const add = (type: string, data: string) => ({
    target,
    args: ['add', target.key, '/v', target.value, '/t', type, '/d', data, '/f'],
  });
  if (kind === 'lm-compatibility-level') {
    if (value.type !== 'REG_DWORD') refuse('LmCompatibilityLevel must be a REG_DWORD');
    const level = value.data;
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > 5) {
      refuse('LmCompatibilityLevel must be 0 to 5');
    }
    return add('REG_DWORD', String(level));
  }
  if (value.type !== 'REG_MULTI_SZ') refuse('BackConnectionHostNames must be a REG_MULTI_SZ');
  const hosts = value.data;
  if (!hosts.every((h) => typeof h === 'string' && isValidHostName(h) && SAFE_HOST.test(h))) {
    refuse('BackConnectionHostNames may only hold DNS host names');
  }
  // reg.exe splits /d at the two characters "\0" (its default separator).
  return add('REG_MULTI_SZ', hosts.join('\\0'));
}

/**
 * The arguments as one Windows command-line string (what the elevated process receives).
 * Every token is checked to need no quoting; only an empty one is written `""`.
 */
export function commandLineParameters(args: readonly string[]): string {
  return args
    .map((a) => {
      if (a === '') return '""';
      if (!SAFE_TOKEN.test(a)) refuse(`unexpected text in a reg.exe argument: ${JSON.stringify(a)}`);
      return a;
    })
    .join(' ');
}
