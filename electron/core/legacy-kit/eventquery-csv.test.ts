import { describe, expect, it } from 'vitest';
import { parseEventqueryCsv } from './eventquery-csv';

describe('eventquery.vbs CSV', () => {
  it('reads events by column position, skipping banners and the (translated) heading', () => {
    const csv = [
      '',
      '------------------------------------------------------------------------------',
      "Listing the events in 'application' log of host 'EXFE01'",
      '------------------------------------------------------------------------------',
      '"Typ","Ereignis","Datum Uhrzeit","Quelle","Computername","Kategorie","Benutzer","Beschreibung"',
      '"error","1000","12/1/2026 9:14:02 AM","EXPROX","EXFE01","None","N/A","RPC proxy: back-end ""EXBE01"" fell back to NTLM, ""Negotiate"" missing"',
      '"warning","71","12/1/2026 8:00:00 AM","MSExchange OWA","EXFE01","None","N/A",""',
      '"information","abc","x","y"',
    ].join('\r\n');
    expect(parseEventqueryCsv(csv)).toEqual([
      {
        source: 'EXPROX',
        id: 1000,
        time: '12/1/2026 9:14:02 AM',
        message: 'RPC proxy: back-end "EXBE01" fell back to NTLM, "Negotiate" missing',
      },
      { source: 'MSExchange OWA', id: 71, time: '12/1/2026 8:00:00 AM', message: undefined },
    ]);
  });

  it('finds nothing in "no records" output', () => {
    expect(parseEventqueryCsv("INFO: No records available for the 'application' log.\r\n")).toEqual([]);
  });
});
