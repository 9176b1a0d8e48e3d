import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UnreadableInputError } from '../../core/errors';
import type { ChangeRecord } from '../../core/fixes/change-plan';
import type { DamagedRecord, JournalListing, JournalStore } from '../../core/fixes/journal-store';
import { writeFileAtomic } from './atomic-file';
import { parseChangeRecord } from './change-record-schema';

const ID = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Journal as one JSON file per change under `<state>/journal`, backups under `<state>/backups`,
 * records that cannot be trusted moved to `<state>/set-aside`. The folder itself is checked
 * (owner, ACL, no links) by the host before this store is used: see state-folder-port.ts.
 */
export class JournalFileStore implements JournalStore {
  private readonly journalDir: string;
  private readonly backupDir: string;
  private readonly asideDir: string;

  constructor(readonly stateDir: string) {
    this.journalDir = join(stateDir, 'journal');
    this.backupDir = join(stateDir, 'backups');
    this.asideDir = join(stateDir, 'set-aside');
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

  /** The record in a file, or why it cannot be trusted. */
  private read(file: string, id: string): { record: ChangeRecord } | { reason: string } | null {
    let text: string;
    try {
      // A link in the journal is never followed: it could point anywhere.
      if (!lstatSync(file).isFile()) return { reason: 'not a plain file (a link or a folder)' };
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return { reason: (e as Error).message };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return { reason: `not valid JSON (${(e as Error).message})` };
    }
    const parsed = parseChangeRecord(raw);
    if (!parsed.ok) return { reason: parsed.reason };
    if (parsed.record.id !== id) return { reason: `expected a change record with id ${id}` };
    return { record: parsed.record };
  }

  /**
   * null only when there is no such record. A record that exists but cannot be trusted is an
   * error naming the file (it is left as it is; recovery sets it aside and says so).
   */
  async load(id: string): Promise<ChangeRecord | null> {
    if (!ID.test(id)) return null;
    const file = join(this.journalDir, `${id}.json`);
    const r = this.read(file, id);
    if (r === null) return null;
    if ('reason' in r)
      throw new UnreadableInputError(
        `${file}: the change journal record is damaged (${r.reason}); it was left as it is. Move it away to continue, or restore it from a backup.`,
        file,
      );
    return r.record;
  }

  async inspect(): Promise<JournalListing> {
    let names: string[];
    try {
      names = readdirSync(this.journalDir).filter((n) => n.endsWith('.json'));
    } catch {
      return { records: [], damaged: [] };
    }
    const records: ChangeRecord[] = [];
    const damaged: DamagedRecord[] = [];
    for (const n of names) {
      const id = n.slice(0, -5);
      const file = join(this.journalDir, n);
      if (!ID.test(id)) {
        damaged.push({ id: null, file, reason: 'the file name is not a change id' });
        continue;
      }
      const r = this.read(file, id);
      if (r === null) continue;
      if ('reason' in r) damaged.push({ id, file, reason: r.reason });
      else records.push(r.record);
    }
    records.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    return { records, damaged };
  }

  async list(): Promise<ChangeRecord[]> {
    return (await this.inspect()).records;
  }

  async setAside(record: { id: string | null; file: string }, reason: string): Promise<string> {
    // Only files inside this journal folder are ever moved.
    const name = basename(record.file);
    const source = join(this.journalDir, name);
    mkdirSync(this.asideDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    const target = join(this.asideDir, `${name.replace(/\.json$/, '')}.${stamp}.json`);
    renameSync(source, target);
    writeFileAtomic(`${target}.why.txt`, `${reason}\n`);
    return target;
  }

  async saveBackup(id: string, regFile: Uint8Array): Promise<string> {
    if (!ID.test(id)) throw new Error(`bad change id ${id}`);
    this.ensureDirs();
    const path = join(this.backupDir, `${id}.reg`);
    writeFileAtomic(path, regFile);
    return path;
  }
}
