import type { ChangeRecord } from './change-plan';

/**
 * Where change records and backups live (the app data folder on Windows, `--state DIR`
 * in the CLI). `save` must be durable when it resolves: written, flushed, renamed into place.
 */
export interface JournalStore {
  save(record: ChangeRecord): Promise<void>;
  load(id: string): Promise<ChangeRecord | null>;
  /** Newest first. */
  list(): Promise<ChangeRecord[]>;
  /** Saves a `.reg` file that restores the prior values by hand; returns where it went. */
  saveBackup(id: string, regFile: Uint8Array): Promise<string>;
}

/** In-memory store for tests and the browser demo's throwaway sessions. */
export class MemoryJournalStore implements JournalStore {
  private readonly records = new Map<string, ChangeRecord>();
  readonly backups = new Map<string, Uint8Array>();

  async save(record: ChangeRecord): Promise<void> {
    this.records.set(record.id, structuredClone(record));
  }
  async load(id: string): Promise<ChangeRecord | null> {
    const r = this.records.get(id);
    return r ? structuredClone(r) : null;
  }
  async list(): Promise<ChangeRecord[]> {
    return [...this.records.values()]
      .map((r) => structuredClone(r))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
  async saveBackup(id: string, regFile: Uint8Array): Promise<string> {
    this.backups.set(id, regFile);
    return `memory:${id}.reg`;
  }
}
