import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventLogPort, ProductEvent } from '../../core/machine/event-log-port';

/** Events as JSON lines in a file: off Windows, and where the Windows event log refuses us. */
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
    appendFileSync(this.file, JSON.stringify({ time: this.now().toISOString(), ...event }) + '\n');
  }
}
