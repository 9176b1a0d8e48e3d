import { describe, expect, it } from 'vitest';
import type { EventLogPort, ProductEvent } from '../../core/machine/event-log-port';
import { EVENT_SOURCE, eventcreateArgs, WindowsEventLog } from './windows-event-log';
import { RecordingRunner, result } from '../../test-support/windows-fakes';

class MemoryLog implements EventLogPort {
  readonly where = 'memory';
  readonly events: ProductEvent[] = [];
  async write(e: ProductEvent) {
    this.events.push(e);
  }
}

describe('Windows event log through eventcreate', () => {
  it('passes hostile text as one argument, never through a shell', async () => {
    const runner = new RecordingRunner();
    const message = 'profile "A & B | C" ^%PATH%! <x> `y`\nsecond line';
    await new WindowsEventLog(runner, new MemoryLog(), 'C:\\Windows\\System32\\eventcreate.exe').write({
      id: 100,
      level: 'information',
      message,
    });
    expect(runner.calls).toEqual([
      {
        file: 'C:\\Windows\\System32\\eventcreate.exe',
        args: [
          '/L',
          'APPLICATION',
          '/T',
          'INFORMATION',
          '/SO',
          EVENT_SOURCE,
          '/ID',
          '100',
          '/D',
          'profile "A & B | C" ^%PATH%! <x> `y` | second line',
        ],
        timeoutMs: 15_000,
      },
    ]);
  });

  it('falls back to the file log when eventcreate fails (e.g. no right to create the source)', async () => {
    const fallback = new MemoryLog();
    const runner = new RecordingRunner(() => result(1, '', 'ERROR: Access is denied.'));
    await new WindowsEventLog(runner, fallback).write({ id: 111, level: 'warning', message: 'refused' });
    expect(fallback.events).toHaveLength(1);
    expect(fallback.events[0]!.message).toMatch(
      /^refused\n\(eventcreate failed with exit code 1: .*Access is denied/,
    );
  });

  it('maps levels and refuses ids outside 1–1000', () => {
    expect(eventcreateArgs({ id: 120, level: 'error', message: 'x' })[3]).toBe('ERROR');
    expect(eventcreateArgs({ id: 110, level: 'warning', message: 'x' })[3]).toBe('WARNING');
    expect(() => eventcreateArgs({ id: 0, level: 'error', message: 'x' })).toThrow(RangeError);
    expect(() => eventcreateArgs({ id: 1001, level: 'error', message: 'x' })).toThrow(RangeError);
  });
});
