/**
 * The Windows credential store, as the causes need it (SOURCES.md §3): list target, type and user
 * name; delete one entry. No method can return a secret: implementations never read
 * `CredentialBlob`.
 */
export const CRED_TYPE = {
  GENERIC: 1,
  DOMAIN_PASSWORD: 2,
  DOMAIN_CERTIFICATE: 3,
  DOMAIN_VISIBLE_PASSWORD: 4,
  GENERIC_CERTIFICATE: 5,
  DOMAIN_EXTENDED: 6,
} as const;

export interface SavedCredential {
  readonly targetName: string;
  /** CRED_TYPE_* (unknown future types are kept as their number). */
  readonly type: number;
  readonly userName: string | null;
}

export type CredentialRemoveResult = 'removed' | 'not-found';

export interface CredentialStorePort {
  /** Human name of the implementation ("Windows credential API", "simulated"). */
  readonly name: string;
  list(): Promise<SavedCredential[]>;
  /** Deletes exactly this target of this type; absent is not an error. */
  remove(targetName: string, type: number): Promise<CredentialRemoveResult>;
}
