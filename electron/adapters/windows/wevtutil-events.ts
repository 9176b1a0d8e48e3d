import { ExproxyError } from '../../core/errors';
import type { ServerEventsPort } from '../../core/machine/server-events-port';
import type { ServerEvent } from '../../core/machine/system-port';
import { outputExcerpt, type ProcessRunner } from './process-runner';

export const MAX_EVENTS = 50;

export function wevtutilArgs(xpath: string): string[] {
  return ['qe', 'Application', `/q:${xpath}`, '/f:xml', '/rd:true', `/c:${MAX_EVENTS}`];
}

function attr(xml: string, element: string, name: string): string | undefined {
  const m = new RegExp(`<${element}\\b[^>]*\\b${name}=['"]([^'"]*)['"]`).exec(xml);
  return m?.[1];
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Events from `wevtutil qe ... /f:xml` (a run of <Event> elements without a root). */
export function parseWevtutilXml(xml: string): ServerEvent[] {
  const events: ServerEvent[] = [];
  for (const m of xml.matchAll(/<Event\b[\s\S]*?<\/Event>/g)) {
    const e = m[0];
    const source = attr(e, 'Provider', 'Name');
    const id = /<EventID\b[^>]*>(\d+)<\/EventID>/.exec(e)?.[1];
    if (!source || !id) continue;
    const data = [...e.matchAll(/<Data\b[^>]*>([\s\S]*?)<\/Data>/g)].map((d) => unescapeXml(d[1]!));
    events.push({
      source,
      id: Number(id),
      time: attr(e, 'TimeCreated', 'SystemTime'),
      message: data.length > 0 ? data.join(' | ') : undefined,
    });
  }
  return events;
}

export class WevtutilEvents implements ServerEventsPort {
  constructor(
    private readonly runner: ProcessRunner,
    private readonly wevtutil = 'wevtutil.exe',
  ) {}

  async query(xpath: string): Promise<ServerEvent[]> {
    const result = await this.runner.run(this.wevtutil, wevtutilArgs(xpath), { timeoutMs: 30_000 });
    // Exit code 15007 / "No events" variants: treat an empty answer as no events.
    if (result.code !== 0) {
      throw new ExproxyError('unexpected', `wevtutil failed with exit code ${result.code}.`, {
        output: outputExcerpt(result),
      });
    }
    return parseWevtutilXml(result.stdout.toString('utf8'));
  }
}
