import type { ChangeRecord } from './change-plan';

/** A journal file that could not be trusted: unreadable, malformed, or not a change this product makes. */
export interface DamagedRecord {
  /** The change id its file name claims, when the name is one. */
  readonly id: string | null;
  /** Where the file is (as the person can find it). */
  readonly file: string;
  readonly reason: string;
}

export interface JournalListing {
  /** Newest first. */
  readonly records: ChangeRecord[];
  readonly damaged: DamagedRecord[];
}

/**
 * Where change records and backups live (the app data folder on Windows, `--state DIR`
 * in the CLI). `save` must be durable when it resolves: written, flushed, renamed into place.
 */
export interface JournalStore {
  save(record: ChangeRecord): Promise<void>;
  /** null when there is no such record; a damaged one throws `UnreadableInputError` naming the file. */
  load(id: string): Promise<ChangeRecord | null>;
  /** The records that can be read, and the files that cannot (never skipped silently). */
  inspect(): Promise<JournalListing>;
  /** Newest first; the readable records only (`inspect` says what else is there). */
  list(): Promise<ChangeRecord[]>;
  /**
   * Moves a damaged or untrusted record out of the journal (so it never blocks a later run),
   * keeping it for a person to look at; returns where it went.
   */
  setAside(record: { readonly id: string | null; readonly file: string }, reason: string): Promise<string>;
  /** Saves a `.reg` file that restores the prior values by hand; returns where it went. */
  saveBackup(id: string, regFile: Uint8Array): Promise<string>;
}

/** In-memory store for tests and the browser demo's throwaway sessions. */
export class MemoryJournalStore implements JournalStore {
  private readonly records = new Map<string, ChangeRecord>();
  readonly backups = new Map<string, Uint8Array>();
  readonly setAsideRecords = new Map<string, string>();

  async save(record: ChangeRecord): Promise<void> {
    this.records.set(record.id, structuredClone(record));
  }
  async load(id: string): Promise<ChangeRecord | null> {
    const r = this.records.get(id);
    return r ? structuredClone(r) : null;
  }
  async inspect(): Promise<JournalListing> {
    return { records: await this.list(), damaged: [] };
  }
  async list(): Promise<ChangeRecord[]> {
    return [...this.records.values()]
      .map((r) => structuredClone(r))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
  async setAside(record: { id: string | null; file: string }, reason: string): Promise<string> {
    if (record.id) this.records.delete(record.id);
    this.setAsideRecords.set(record.file, reason);
    return `memory:set-aside/${record.file}`;
  }
  async saveBackup(id: string, regFile: Uint8Array): Promise<string> {
    this.backups.set(id, regFile);
    return `memory:${id}.reg`;
  }
}
