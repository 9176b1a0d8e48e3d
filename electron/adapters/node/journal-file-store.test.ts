import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../core/errors';
import type { ChangeRecord } from '../../core/fixes/change-plan';
import { tempDir } from '../../test-support/sample-machines';
import { JournalFileStore } from './journal-file-store';

function record(id: string, createdAt: string, over: Partial<ChangeRecord> = {}): ChangeRecord {
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    fixes: ['proxy-auth-ntlm'],
    changes: [
      {
        fix: 'proxy-auth-ntlm',
        kind: 'roh-auth-scheme',
        profile: 'Outlook',
        account: '13dbb0c8aa05101a9bb000aa002fc45a',
        path: 'HKEY_CURRENT_USER\\Software\\X',
        name: '00036627',
        view: 'default',
        before: { type: 'REG_BINARY', hex: '01000000' },
        after: { type: 'REG_BINARY', hex: '02000000' },
        elevated: false,
      },
    ],
    written: 0,
    state: 'pending',
    restartOutlook: true,
    restartWindows: false,
    ...over,
  } as ChangeRecord;
}

describe('JournalFileStore', () => {
  it('saves a record as one JSON file under <state>/journal and reads it back equal', async () => {
    const dir = tempDir();
    const store = new JournalFileStore(dir);
    const r = record('change-0001', '2024-05-01T10:00:00.000Z');
    await store.save(r);
    expect(readdirSync(join(dir, 'journal'))).toEqual(['change-0001.json']);
    expect(JSON.parse(readFileSync(join(dir, 'journal', 'change-0001.json'), 'utf8'))).toEqual(r);
    expect(await new JournalFileStore(dir).load('change-0001')).toEqual(r);
  });

  it('updates a record in place (the latest state wins) and leaves no temp files', async () => {
    const dir = tempDir();
    const store = new JournalFileStore(dir);
    await store.save(record('change-0001', '2024-05-01T10:00:00.000Z'));
    await store.save(record('change-0001', '2024-05-01T10:00:00.000Z', { written: 1, state: 'applied' }));
    expect(await store.load('change-0001')).toMatchObject({ written: 1, state: 'applied' });
    expect(readdirSync(join(dir, 'journal'))).toEqual(['change-0001.json']);
  });

  it('lists records newest first (ties by id), and an empty or missing folder as none', async () => {
    const dir = tempDir();
    const store = new JournalFileStore(dir);
    expect(await store.list()).toEqual([]);
    await store.save(record('change-aaaa', '2024-05-01T10:00:00.000Z'));
    await store.save(record('change-cccc', '2024-05-03T10:00:00.000Z'));
    await store.save(record('change-bbbb', '2024-05-03T10:00:00.000Z'));
    expect((await store.list()).map((r) => r.id)).toEqual(['change-cccc', 'change-bbbb', 'change-aaaa']);
  });

  it('returns null for an unknown id and refuses ids that could escape the folder', async () => {
    const dir = tempDir();
    const store = new JournalFileStore(dir);
    expect(await store.load('change-none')).toBeNull();
    expect(await store.load('../../etc/passwd')).toBeNull();
    await expect(store.save(record('../evil-id', '2024-05-01T10:00:00.000Z'))).rejects.toThrow(
      /bad change id/,
    );
    expect(existsSync(join(dir, 'journal'))).toBe(false);
  });

  it('a damaged record is a clear error naming the file, and the file is kept as it was', async () => {
    const dir = tempDir();
    const store = new JournalFileStore(dir);
    await store.save(record('change-good', '2024-05-01T10:00:00.000Z'));
    const damaged = join(dir, 'journal', 'change-torn.json');
    writeFileSync(damaged, '{"id":"change-torn","createdAt":"2024-05-0');
    const err = await store.load('change-torn').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableInputError);
    expect((err as UnreadableInputError).message).toContain(damaged);
    expect((err as UnreadableInputError).message).toMatch(/damaged/);
    expect((err as UnreadableInputError).file).toBe(damaged);
    // Never skipped silently: inspect() reports it (recovery then sets it aside and says so),
    // while list() holds only what can be trusted.
    expect(await store.inspect()).toMatchObject({
      records: [{ id: 'change-good' }],
      damaged: [{ id: 'change-torn', file: damaged, reason: expect.stringMatching(/not valid JSON/) }],
    });
    expect((await store.list()).map((r) => r.id)).toEqual(['change-good']);
    expect(readFileSync(damaged, 'utf8')).toBe('{"id":"change-torn","createdAt":"2024-05-0');
    expect(await store.load('change-good')).toMatchObject({ id: 'change-good' });
  });

  it('a record whose content is not the change it is named for is reported, not trusted', async () => {
    const dir = tempDir();
    const store = new JournalFileStore(dir);
    await store.save(record('change-aaaa', '2024-05-01T10:00:00.000Z'));
    writeFileSync(
      join(dir, 'journal', 'change-bbbb.json'),
      JSON.stringify(record('change-aaaa', '2024-05-01T10:00:00.000Z')),
    );
    await expect(store.load('change-bbbb')).rejects.toThrow(/expected a change record with id change-bbbb/);
    writeFileSync(join(dir, 'journal', 'change-cccc.json'), 'null');
    await expect(store.load('change-cccc')).rejects.toBeInstanceOf(UnreadableInputError);
  });

  it('reports records with the wrong shape, links and non-id names; sets a record aside with the reason', async () => {
    const dir = tempDir();
    const store = new JournalFileStore(dir);
    await store.save(record('change-good', '2024-05-01T10:00:00.000Z'));
    const bad = { ...record('change-type', '2024-05-01T10:00:00.000Z'), written: 'many' };
    writeFileSync(join(dir, 'journal', 'change-type.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'journal', 'notes.json'), '{}');
    symlinkSync(join(dir, 'journal', 'change-good.json'), join(dir, 'journal', 'change-link.json'));
    const { damaged } = await store.inspect();
    const byId = new Map(damaged.map((d) => [d.id, d.reason]));
    expect(byId.size).toBe(3);
    expect(byId.get('change-link')).toBe('not a plain file (a link or a folder)');
    expect(byId.get('change-type')).toMatch(/^written: /);
    expect(byId.get(null)).toBe('the file name is not a change id');
    const moved = await store.setAside(
      { id: 'change-type', file: join(dir, 'journal', 'change-type.json') },
      'why',
    );
    expect(moved.startsWith(join(dir, 'set-aside', 'change-type.'))).toBe(true);
    expect(readFileSync(`${moved}.why.txt`, 'utf8')).toBe('why\n');
    expect(existsSync(join(dir, 'journal', 'change-type.json'))).toBe(false);
  });

  it('saves backups as .reg files under <state>/backups and returns the path', async () => {
    const dir = tempDir();
    const store = new JournalFileStore(dir);
    const bytes = new Uint8Array([0xff, 0xfe, 0x52, 0x00]);
    const path = await store.saveBackup('change-0001', bytes);
    expect(path).toBe(join(dir, 'backups', 'change-0001.reg'));
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
  });
});
