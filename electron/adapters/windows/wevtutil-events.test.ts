import { describe, expect, it } from 'vitest';
import { guideEventQuery } from '../../core/server-guides/guides';
import { RecordingRunner, result } from '../../test-support/windows-fakes';
import { parseWevtutilXml, WevtutilEvents, wevtutilArgs } from './wevtutil-events';

const XML = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='EXPROX'/><EventID Qualifiers='49152'>1000</EventID><Level>3</Level><TimeCreated SystemTime='2026-11-20T08:15:00.000Z'/></System><EventData><Data>BACKEND01 &amp; co</Data></EventData></Event><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='MSExchange OWA'/><EventID>71</EventID><TimeCreated SystemTime='2026-11-21T09:00:00.000Z'/></System></Event>`;

describe('wevtutil events', () => {
  it('parses the XML wevtutil prints', () => {
    expect(parseWevtutilXml(XML)).toEqual([
      { source: 'EXPROX', id: 1000, time: '2026-11-20T08:15:00.000Z', message: 'BACKEND01 & co' },
      { source: 'MSExchange OWA', id: 71, time: '2026-11-21T09:00:00.000Z', message: undefined },
    ]);
    expect(parseWevtutilXml('')).toEqual([]);
  });

  it('runs wevtutil with an argument array holding the XPath as one argument', async () => {
    const runner = new RecordingRunner(() => result(0, XML));
    const events = await new WevtutilEvents(runner, 'C:\\Windows\\System32\\wevtutil.exe').query(
      guideEventQuery(),
    );
    expect(events).toHaveLength(2);
    expect(runner.calls[0]!.args).toEqual(wevtutilArgs(guideEventQuery()));
    expect(runner.calls[0]!.args).toEqual([
      'qe',
      'Application',
      `/q:${guideEventQuery()}`,
      '/f:xml',
      '/rd:true',
      '/c:50',
    ]);
  });
});
