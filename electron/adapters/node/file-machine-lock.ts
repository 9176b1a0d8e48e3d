import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { ExproxyError } from '../../core/errors';
import type { LockHandle, MachineLock } from '../../core/fixes/machine-lock';

/** What the lock file holds: who took it, where, when, and for what. */
export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly time: string;
  readonly purpose: string;
  /** Tells two locks of the same process apart. */
  readonly token?: string;
}

export interface FileMachineLockOptions {
  /** A lock older than this is stale even if its process seems alive (pid reuse, hung run). */
  readonly staleAfterMs?: number;
  readonly now?: () => Date;
  readonly pid?: number;
  readonly host?: string;
  /** Whether a process id is alive on this host. */
  readonly isAlive?: (pid: number) => boolean;
}

/** An apply waits for at most one UAC prompt; an hour-old lock is not a live run. */
const DEFAULT_STALE_AFTER_MS = 60 * 60 * 1000;
/** A lock file being written right now may briefly be empty. */
const FRESH_EMPTY_MS = 10_000;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describe(info: LockInfo): string {
  return `${info.purpose}, process ${info.pid} on ${info.host} since ${info.time}`;
}

/**
 * The machine lock as a file, created with O_EXCL so exactly one process gets it. It belongs to
 * the machine, not to a state folder: a simulated machine's lock sits beside its registry file,
 * so runs with different `--state` folders still exclude each other. A lock whose process is
 * gone (same host) or that is older than `staleAfterMs` is taken over, with a note saying so.
 */
export class FileMachineLock implements MachineLock {
  readonly file: string;
  private readonly staleAfterMs: number;
  private readonly now: () => Date;
  private readonly pid: number;
  private readonly host: string;
  private readonly isAlive: (pid: number) => boolean;

  constructor(
    /** The lock file itself. */
    file: string,
    opts: FileMachineLockOptions = {},
  ) {
    this.file = file;
    this.staleAfterMs = opts.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    this.now = opts.now ?? (() => new Date());
    this.pid = opts.pid ?? process.pid;
    this.host = opts.host ?? hostname();
    this.isAlive = opts.isAlive ?? processAlive;
  }

  private tryCreate(info: LockInfo): boolean {
    let fd: number;
    try {
      fd = openSync(this.file, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
    try {
      writeSync(fd, JSON.stringify(info) + '\n');
    } finally {
      closeSync(fd);
    }
    return true;
  }

  /** The current holder, or null when the file is gone; `stale` says whether it may be taken over. */
  private inspect(): { info: LockInfo | null; raw: string; stale: string | null } | null {
    let raw: string;
    let mtime: number;
    try {
      raw = readFileSync(this.file, 'utf8');
      mtime = statSync(this.file).mtimeMs;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    let info: LockInfo | null = null;
    try {
      const j = JSON.parse(raw) as Partial<LockInfo>;
      if (typeof j.pid === 'number' && typeof j.host === 'string' && typeof j.time === 'string')
        info = { pid: j.pid, host: j.host, time: j.time, purpose: String(j.purpose ?? 'a change') };
    } catch {
      /* damaged or still being written */
    }
    const now = this.now().getTime();
    if (!info) {
      const age = now - mtime;
      return { info, raw, stale: age > FRESH_EMPTY_MS ? 'an unreadable lock file' : null };
    }
    const started = Date.parse(info.time);
    if (info.host === this.host && info.pid !== this.pid && !this.isAlive(info.pid))
      return { info, raw, stale: `a lock left by process ${info.pid}, which is no longer running` };
    if (!Number.isFinite(started) || now - started > this.staleAfterMs)
      return { info, raw, stale: `a lock older than ${Math.round(this.staleAfterMs / 60000)} minutes` };
    return { info, raw, stale: null };
  }

  async acquire(purpose: string): Promise<LockHandle> {
    mkdirSync(dirname(this.file), { recursive: true });
    const info: LockInfo = {
      pid: this.pid,
      host: this.host,
      time: this.now().toISOString(),
      purpose,
      token: randomBytes(6).toString('hex'),
    };
    let note: string | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.tryCreate(info)) return this.handle(info, note);
      const held = this.inspect();
      if (held === null) continue; // released in between: try again
      if (!held.stale) {
        const who = held.info ? describe(held.info) : 'a lock being written';
        throw new ExproxyError(
          'locked',
          `Another Exchange Proxy Wizard run is changing this machine (${who}); nothing was changed. ` +
            `Wait for it to finish, then try again. If no such run exists, delete ${this.file}.`,
          { file: this.file, holder: held.info },
        );
      }
      // Take over: move the stale file aside (atomic), and make sure it was the one we judged.
      const aside = `${this.file}.stale-${this.pid}-${Date.now()}`;
      try {
        renameSync(this.file, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      const moved = readFileSync(aside, 'utf8');
      if (moved !== held.raw) {
        // Someone else took it over first and this is their fresh lock: put it back.
        try {
          renameSync(aside, this.file);
        } catch {
          /* they will notice their lock is gone only if another run starts; rare */
        }
        continue;
      }
      unlinkSync(aside);
      note = `Took over ${held.stale}${held.info ? ` (${describe(held.info)})` : ''}.`;
    }
    throw new ExproxyError('locked', `Could not take the machine lock ${this.file}; try again.`, {
      file: this.file,
    });
  }

  private handle(info: LockInfo, note: string | null): LockHandle {
    return {
      note,
      release: async () => {
        // Only remove our own lock (it may have been taken over as stale meanwhile).
        try {
          const j = JSON.parse(readFileSync(this.file, 'utf8')) as LockInfo;
          if (j.token === info.token && j.pid === info.pid && j.host === info.host) unlinkSync(this.file);
        } catch {
          /* already gone */
        }
      },
    };
  }
}
