import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-machines';
import { FileMachineLock, processAlive } from './file-machine-lock';

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  expect(processAlive(r.pid!)).toBe(false);
  return r.pid!;
}

function writeLock(stateDir: string, content: object | string) {
  mkdirSync(join(stateDir, 'journal'), { recursive: true });
  const file = join(stateDir, 'journal', 'machine.lock');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const lockIn = (dir: string) => join(dir, 'journal', 'machine.lock');

describe('FileMachineLock', () => {
  it('writes pid, host, time and purpose into its file and removes it on release', async () => {
    const dir = tempDir();
    const lock = new FileMachineLock(lockIn(dir));
    const h = await lock.acquire('exproxy apply lmcompat-3');
    expect(h.note).toBeNull();
    const info = JSON.parse(readFileSync(lock.file, 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), purpose: 'exproxy apply lmcompat-3' });
    expect(Date.parse(info.time)).toBeGreaterThan(Date.now() - 60_000);
    await h.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it('refuses a second holder with a clear "locked" error naming the holder, also from the same process', async () => {
    const dir = tempDir();
    const first = await new FileMachineLock(lockIn(dir)).acquire('the wizard: apply proxy-auth-ntlm');
    const err = await new FileMachineLock(lockIn(dir))
      .acquire('exproxy rollback --last')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'locked' });
    expect((err as Error).message).toContain(`the wizard: apply proxy-auth-ntlm, process ${process.pid}`);
    expect((err as Error).message).toContain('nothing was changed');
    await first.release();
    await (await new FileMachineLock(lockIn(dir)).acquire('again')).release();
  });

  it('takes over a lock whose process is gone (same host), with a note', async () => {
    const dir = tempDir();
    const pid = deadPid();
    writeLock(dir, { pid, host: hostname(), time: new Date().toISOString(), purpose: 'exproxy apply' });
    const h = await new FileMachineLock(lockIn(dir)).acquire('mine');
    expect(h.note).toMatch(new RegExp(`lock left by process ${pid}, which is no longer running`));
    expect(JSON.parse(readFileSync(join(dir, 'journal', 'machine.lock'), 'utf8')).purpose).toBe('mine');
    await h.release();
    expect(readdirSync(join(dir, 'journal'))).toEqual([]);
  });

  it('takes over an old lock even when its pid looks alive or it is from another host; a young one from another host is respected', async () => {
    const dir = tempDir();
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
    writeLock(dir, { pid: process.pid, host: 'OTHER-PC', time: old, purpose: 'exproxy apply' });
    const h = await new FileMachineLock(lockIn(dir)).acquire('mine');
    expect(h.note).toMatch(/older than 60 minutes/);
    await h.release();
    writeLock(dir, { pid: 1, host: 'OTHER-PC', time: new Date().toISOString(), purpose: 'remote run' });
    await expect(new FileMachineLock(lockIn(dir)).acquire('mine')).rejects.toMatchObject({ kind: 'locked' });
  });

  it('an unreadable lock file is respected while fresh (being written) and taken over when old', async () => {
    const dir = tempDir();
    writeLock(dir, '');
    await expect(new FileMachineLock(lockIn(dir)).acquire('mine')).rejects.toMatchObject({ kind: 'locked' });
    const later = new FileMachineLock(lockIn(dir), { now: () => new Date(Date.now() + 60_000) });
    const h = await later.acquire('mine');
    expect(h.note).toMatch(/unreadable lock file/);
    await h.release();
  });

  it('release does not remove a lock that someone else took over meanwhile', async () => {
    const dir = tempDir();
    const h = await new FileMachineLock(lockIn(dir)).acquire('mine');
    const file = writeLock(dir, { pid: 4242, host: 'X', time: new Date().toISOString(), purpose: 'theirs' });
    await h.release();
    expect(JSON.parse(readFileSync(file, 'utf8')).purpose).toBe('theirs');
  });
});
