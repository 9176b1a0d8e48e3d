import type { ServerEvent } from '../machine/system-port';

/** One CSV line into fields (double quotes, "" inside them). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(cur);
      cur = '';
    } else cur += c;
  }
  fields.push(cur);
  return fields;
}

/**
 * Events from `eventquery.vbs /fo csv /v` (Windows Server 2003 and XP): the columns are, in
 * order, Type, Event, Date Time, Source, ComputerName, Category, User, Description. Their
 * headings are translated, so rows are read by position: a row counts when its second field
 * is an event number. Banner and heading lines are skipped that way too.
 */
export function parseEventqueryCsv(text: string): ServerEvent[] {
  const events: ServerEvent[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.startsWith('"')) continue;
    const f = csvFields(raw);
    if (f.length < 4 || !/^\d+$/.test(f[1]!.trim())) continue;
    const message = f[7]?.trim();
    events.push({
      source: f[3]!.trim(),
      id: Number(f[1]!.trim()),
      time: f[2]!.trim() || undefined,
      message: message || undefined,
    });
  }
  return events;
}
