import type { EventLogPort, ProductEvent } from '../../core/machine/event-log-port';
import { outputExcerpt, type ProcessRunner } from './process-runner';

export const EVENT_SOURCE = 'Exchange Proxy Wizard';
const TYPE = { information: 'INFORMATION', warning: 'WARNING', error: 'ERROR' } as const;

/** The argument array for one event (eventcreate takes one line of description). */
export function eventcreateArgs(event: ProductEvent): string[] {
  if (!Number.isInteger(event.id) || event.id < 1 || event.id > 1000)
    throw new RangeError(`event id ${event.id} is outside eventcreate's 1–1000`);
  const description = event.message.replace(/\r?\n/g, ' | ');
  return [
    '/L',
    'APPLICATION',
    '/T',
    TYPE[event.level],
    '/SO',
    EVENT_SOURCE,
    '/ID',
    String(event.id),
    '/D',
    description,
  ];
}

/**
 * The Windows Application event log through eventcreate.exe. Creating the event source the
 * first time needs administrator rights (the machine-scope run or the installer does it);
 * when eventcreate fails, the event goes to the fallback log instead of being lost.
 */
export class WindowsEventLog implements EventLogPort {
  readonly where = `Windows Application event log, source "${EVENT_SOURCE}"`;

  constructor(
    private readonly runner: ProcessRunner,
    private readonly fallback: EventLogPort,
    private readonly eventcreate = 'eventcreate.exe',
  ) {}

  async write(event: ProductEvent): Promise<void> {
    try {
      const result = await this.runner.run(this.eventcreate, eventcreateArgs(event), { timeoutMs: 15_000 });
      if (result.code === 0) return;
      await this.fallback.write({
        ...event,
        message: `${event.message}\n(eventcreate failed with exit code ${result.code}: ${outputExcerpt(result)})`,
      });
    } catch (e) {
      await this.fallback.write({
        ...event,
        message: `${event.message}\n(eventcreate failed: ${(e as Error).message})`,
      });
    }
  }
}
