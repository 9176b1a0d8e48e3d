import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/sample-machines';
import type { KitLogEntry } from '../shared/ipc-contract';
import { appendKitLog, KIT_LOG_FILE, readKitLog } from './kit-log';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const entry = (id: string): KitLogEntry => ({
  id,
  createdAt: '2026-12-02T10:00:00.000Z',
  computer: 'XP-ACCT-07',
  account: 'CONTOSO\\jsmith',
  collectedAt: '2026-12-01T14:05:09',
  fixes: ['proxy-auth-ntlm'],
  changes: [{ path: 'HKEY_CURRENT_USER\\Software\\x', name: '00036627' }],
  folder: '/kits/x',
});

describe('the kit log', () => {
  it('is empty before the first kit, then lists kits newest first', () => {
    const dir = tempDir();
    dirs.push(dir);
    expect(readKitLog(dir)).toEqual([]);
    appendKitLog(join(dir, 'state'), entry('PC-A-20261202-100000'));
    appendKitLog(join(dir, 'state'), entry('PC-B-20261202-100001'));
    expect(readKitLog(join(dir, 'state')).map((e) => e.id)).toEqual([
      'PC-B-20261202-100001',
      'PC-A-20261202-100000',
    ]);
  });

  it('only ever appends, and skips a torn or foreign line instead of failing History', () => {
    const dir = tempDir();
    dirs.push(dir);
    appendKitLog(dir, entry('PC-A-20261202-100000'));
    const first = readFileSync(join(dir, KIT_LOG_FILE), 'utf8');
    appendFileSync(join(dir, KIT_LOG_FILE), '{"id":"PC-B-2026120\n[1,2]\n{"id":5}\n');
    appendKitLog(dir, entry('PC-C-20261202-100002'));
    expect(readFileSync(join(dir, KIT_LOG_FILE), 'utf8').startsWith(first)).toBe(true);
    expect(readKitLog(dir).map((e) => e.id)).toEqual(['PC-C-20261202-100002', 'PC-A-20261202-100000']);
  });
});
