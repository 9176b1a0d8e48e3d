import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  async load(id: string): Promise<ChangeRecord | null> {
    if (!ID.test(id)) return null;
    try {
      return JSON.parse(readFileSync(join(this.journalDir, `${id}.json`), 'utf8')) as ChangeRecord;
    } catch {
      return null;
    }
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
