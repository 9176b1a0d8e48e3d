import { closeSync, constants, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventLogPort, ProductEvent } from '../../core/machine/event-log-port';

/**
 * Events as JSON lines in a file: off Windows, and where the Windows event log refuses us.
 * The file is appended to without following a link (O_NOFOLLOW; on Windows, which lacks it,
 * a link is refused before opening): as SYSTEM, a followed link would be a write anywhere.
 */
export class FileEventLog implements EventLogPort {
  constructor(
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get where(): string {
    return this.file;
  }

  async write(event: ProductEvent): Promise<void> {
    mkdirSync(dirname(this.file), { recursive: true });
    try {
      if (lstatSync(this.file).isSymbolicLink())
        throw new Error(`${this.file} is a link; not writing through it`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0);
    const fd = openSync(this.file, flags, 0o600);
    try {
      writeSync(fd, JSON.stringify({ time: this.now().toISOString(), ...event }) + '\n');
    } finally {
      closeSync(fd);
    }
  }
}
