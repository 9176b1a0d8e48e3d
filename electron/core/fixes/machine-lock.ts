import { ExproxyError } from '../errors';

/**
 * One writer per machine at a time: the wizard, the CLI and fleet runs take this lock around
 * apply, rollback and recovery, so two of them never interleave their writes or their journal.
 * `acquire` fails with `ExproxyError('locked')` (CLI exit 5) when someone else holds it.
 */
export interface MachineLock {
  acquire(purpose: string): Promise<LockHandle>;
}

export interface LockHandle {
  /** Set when a stale lock (dead process, or too old) was taken over: say so. */
  readonly note: string | null;
  release(): Promise<void>;
}

/** Runs `fn` holding the lock; always releases it. */
export async function withMachineLock<T>(
  lock: MachineLock,
  purpose: string,
  fn: (note: string | null) => Promise<T>,
): Promise<T> {
  const handle = await lock.acquire(purpose);
  try {
    return await fn(handle.note);
  } finally {
    await handle.release();
  }
}

/** A lock inside one process (the browser demo's sessions, tests). */
export class InProcessLock implements MachineLock {
  private holder: string | null = null;

  async acquire(purpose: string): Promise<LockHandle> {
    if (this.holder !== null) {
      throw new ExproxyError(
        'locked',
        `Another change is in progress on this machine (${this.holder}); nothing was changed. Wait for it to finish, then try again.`,
      );
    }
    this.holder = purpose;
    return {
      note: null,
      release: async () => {
        this.holder = null;
      },
    };
  }
}
