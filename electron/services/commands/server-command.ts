import type { TFunction } from 'i18next';
import type { CliIo } from './cli-io';
import { GUIDE_IDS, serverGuides, type GuideLocale, type ServerGuide } from '../../core/server-guides/guides';
import { ExproxyError } from '../../core/errors';
import type { MatchedServerEvent } from '../../shared/ipc-contract';
import type { IisAuthReading } from '../../core/server-guides/iis-auth-port';
import { matchedServerEvents } from '../server-tools';
import { confirmAndApply, reportApply } from './apply-command';
import { cliLanguage } from './cli-i18n';
import type { CommandContext } from './command-context';
import { EXIT } from './exit-codes';

const SERVER_USAGE = `exproxy server guides [--guide ID] [--server NAME] [--fqdn HOST] [--json]
exproxy server events [--hive FILE | --machine DIR] [--json]
exproxy server iis [--hive FILE | --machine DIR] [--json]
exproxy server backconnection --host FQDN [--hive FILE | --machine DIR] [--yes] [--json] [--state DIR]
Guides: ${GUIDE_IDS.join(', ')}`;

function formatGuide(g: ServerGuide): string {
  const lines = [
    `${g.title}  [${g.id}]${g.kb.length ? ` (${g.kb.join(', ')})` : ''}`,
    '',
    g.symptom,
    '',
    g.meaning,
    '',
  ];
  g.checks.forEach((c, i) => lines.push(`  ${i + 1}. ${c}`));
  if (g.commands.length > 0) lines.push('');
  for (const c of g.commands) lines.push(`  # ${c.label} (${c.shell})`, `  ${c.command}`);
  lines.push('', g.productFixText);
  if (g.productFix === 'backconnection-host') lines.push('  exproxy server backconnection --host <FQDN>');
  return lines.join('\n');
}

function guidesCommand(
  io: CliIo,
  locale: GuideLocale,
  opts: { guide?: string; server?: string; fqdn?: string; json: boolean },
): void {
  if (opts.guide !== undefined && !(GUIDE_IDS as readonly string[]).includes(opts.guide))
    throw new ExproxyError('usage', `Unknown guide "${opts.guide}". Guides: ${GUIDE_IDS.join(', ')}.`);
  const guides = serverGuides(locale, { server: opts.server, fqdn: opts.fqdn }).filter(
    (g) => !opts.guide || g.id === opts.guide,
  );
  if (opts.json) io.out(JSON.stringify(guides, null, 2));
  else io.out(guides.map(formatGuide).join('\n\n────────\n\n'));
}

function formatIisReadings(t: TFunction, readings: readonly IisAuthReading[]): string {
  if (readings.length === 0) return t('server.noIis');
  return readings
    .map((r) =>
      t('server.iisLine', {
        site: r.site,
        source: r.source,
        providers: r.providers.join(', ') || t('server.noProviders'),
        verdict: t(r.kerberosPossible ? 'server.kerberosOk' : 'server.ntlmOnly'),
      }),
    )
    .join('\n');
}

function formatEvents(t: TFunction, events: readonly MatchedServerEvent[]): string {
  if (events.length === 0) return t('server.noEvents');
  return events
    .map(
      (e) =>
        `${e.time ?? '?'}  ${e.source} ${e.id}  → exproxy server guides --guide ${e.guide}${e.message ? `\n    ${e.message}` : ''}`,
    )
    .join('\n');
}

/** `exproxy server guides|events|iis|backconnection`: the server-side troubleshooter. */
export async function serverCommand(c: CommandContext, rest: readonly string[]): Promise<number> {
  const [sub, ...extra] = rest;
  if (extra.length > 0)
    throw new ExproxyError('usage', `server ${sub} takes no arguments (got "${extra[0]}").`);
  if (sub === 'guides') {
    guidesCommand(c.io, cliLanguage(c.io.env), { ...c.v, json: c.v.json ?? false });
    return EXIT.ok;
  }
  if (sub === 'events') {
    const events = await matchedServerEvents(await c.machine());
    c.record.events = events;
    if (c.v.json) c.json(events);
    else c.io.out(formatEvents(c.t, events));
    return events.length > 0 ? EXIT.findings : EXIT.ok;
  }
  if (sub === 'iis') {
    const readings = await (await c.machine()).iis.read();
    if (c.v.json) c.json(readings);
    else c.io.out(formatIisReadings(c.t, readings));
    return readings.some((r) => !r.kerberosPossible) ? EXIT.findings : EXIT.ok;
  }
  if (sub === 'backconnection') {
    if (!c.v.host) throw new ExproxyError('usage', 'server backconnection needs --host FQDN.');
    const request = { kind: 'backconnection' as const, host: c.v.host };
    const service = await c.changeService();
    const proposal = await service.propose(request);
    const outcome = await confirmAndApply(c, proposal.plan, () =>
      service.apply(request, proposal.fingerprint, { consent: c.consent, onRecovery: c.reportRecovery }),
    );
    if (outcome === null) return EXIT.ok;
    const code = reportApply(c, outcome);
    if (outcome.status === 'applied' && !c.v.json) c.io.out(c.t('restartIisAdmin'));
    return code;
  }
  throw new ExproxyError('usage', `Unknown server command "${sub ?? ''}".\n${SERVER_USAGE}`);
}
