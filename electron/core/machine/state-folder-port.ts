/**
 * Where the journal, backups, set-aside records, reports and the fallback event log live.
 * `machine`: %ProgramData% (fleet runs as SYSTEM) — only SYSTEM and Administrators may write
 * there, or nothing in it is trusted. `user`: %APPDATA%, the person's own folder.
 */
export type StateScope = 'user' | 'machine';

/** The entries inside a state folder; none of them may be a link or a junction. */
export const STATE_ENTRIES = ['journal', 'backups', 'set-aside', 'reports', 'events.log'] as const;

export interface StateFolderGuard {
  /**
   * Creates the folder when it is missing (machine scope: with its protective ACL from the
   * start) and checks that it can be trusted before anything in it is read. Throws
   * `ExproxyError('blocked')` naming what is wrong and what to do (CLI exit 5).
   */
  prepare(dir: string, scope: StateScope): Promise<void>;
}
