/**
 * Which credential targets may be handed to CredDeleteW (or, were a fallback ever needed, passed as
 * a process argument): names Windows itself could have stored, nothing that a parser could read as
 * an option, and never the catch-all `*`. Limits from the CREDENTIALW documentation.
 */
import { firstLoneSurrogateIndex } from '../registry/text-encoding';
import { CRED_TYPE } from './credential-port';

/** CRED_MAX_DOMAIN_TARGET_NAME_LENGTH and CRED_MAX_GENERIC_TARGET_NAME_LENGTH. */
export const MAX_DOMAIN_TARGET_LENGTH = 337;
export const MAX_GENERIC_TARGET_LENGTH = 32767;

const GENERIC_TYPES: readonly number[] = [CRED_TYPE.GENERIC, CRED_TYPE.GENERIC_CERTIFICATE];
const KNOWN_TYPES: readonly number[] = Object.values(CRED_TYPE);

// C0 and C1 control characters (NUL included) and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Null when the target may be deleted, else why not (plain words, for logs and errors). */
export function credentialTargetProblem(targetName: string, type: number): string | null {
  if (!KNOWN_TYPES.includes(type)) return `credential type ${type} is not one Windows defines`;
  const max = GENERIC_TYPES.includes(type) ? MAX_GENERIC_TARGET_LENGTH : MAX_DOMAIN_TARGET_LENGTH;
  if (targetName.length === 0) return 'the target name is empty';
  if (targetName.length > max) return `the target name is longer than ${max} characters`;
  if (CONTROL.test(targetName)) return 'the target name contains control characters';
  if (firstLoneSurrogateIndex(targetName) >= 0) return 'the target name is not valid Unicode';
  if (targetName !== targetName.trim()) return 'the target name starts or ends with blanks';
  if (targetName.includes('"')) return 'the target name contains a double quote';
  if (/^[/-]/.test(targetName)) return 'the target name starts like a command-line option';
  if (targetName === '*') return 'the catch-all target "*" is never removed';
  return null;
}
