import type { RegistryWriter } from './registry-port';

/**
 * Writes to HKLM through an administrator prompt (UAC on Windows). Implementations accept
 * only the allowlisted LSA values (see allowlist.ts) and throw
 * `ExproxyError('elevation-declined')` when the person says no, with nothing changed.
 */
export type ElevatedRegistryWriter = RegistryWriter;
