import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnreadableInputError } from '../../core/errors';
import type { ChangeRecord } from '../../core/fixes/change-plan';
import type { JournalStore } from '../../core/fixes/journal-store';
import { writeFileAtomic } from './atomic-file';

const ID = /^[A-Za-z0-9-]{8,64}$/;

/** Journal as one JSON file per change under `<state>/journal`, backups under `<state>/backups`. */
export class JournalFileStore implements JournalStore {
  private readonly journalDir: string;
  private readonly backupDir: string;

  constructor(readonly stateDir: string) {
    this.journalDir = join(stateDir, 'journal');
    this.backupDir = join(stateDir, 'backups');
  }

  private ensureDirs(): void {
    mkdirSync(this.journalDir, { recursive: true });
    mkdirSync(this.backupDir, { recursive: true });
  }

  async save(record: ChangeRecord): Promise<void> {
    if (!ID.test(record.id)) throw new Error(`bad change id ${record.id}`);
    this.ensureDirs();
    writeFileAtomic(join(this.journalDir, `${record.id}.json`), JSON.stringify(record, null, 2) + '\n');
  }

  /**
   * null only when there is no such record. A record that exists but cannot be read is an
   * error naming the file (it is left as it is): skipping it would hide a change from rollback.
   */
  async load(id: string): Promise<ChangeRecord | null> {
    if (!ID.test(id)) return null;
    const file = join(this.journalDir, `${id}.json`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      throw new UnreadableInputError(
        `${file}: the change journal record is damaged (${(e as Error).message}); it was left as it is. Move it away to continue, or restore it from a backup.`,
        file,
      );
    }
    if (typeof record !== 'object' || record === null || (record as { id?: unknown }).id !== id) {
      throw new UnreadableInputError(
        `${file}: the change journal record is damaged (expected a change record with id ${id}); it was left as it is.`,
        file,
      );
    }
    return record as ChangeRecord;
  }

  async list(): Promise<ChangeRecord[]> {
    let names: string[];
    try {
      names = readdirSync(this.journalDir).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const records: ChangeRecord[] = [];
    for (const n of names) {
      const r = await this.load(n.slice(0, -5));
      if (r) records.push(r);
    }
    return records.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  async saveBackup(id: string, regFile: Uint8Array): Promise<string> {
    this.ensureDirs();
    const path = join(this.backupDir, `${id}.reg`);
    writeFileAtomic(path, regFile);
    return path;
  }
}
