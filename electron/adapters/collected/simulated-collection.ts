import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverItems, type CollectScriptOptions } from '../../core/legacy-kit/collect-script';
import { collectionItems } from '../../core/legacy-kit/collection-items';
import { FACT, FACT_PREFIX, FACTS_FILE, FACTS_FORMAT, itemFactName } from '../../core/legacy-kit/facts-file';
import { formatRegQueryListing } from '../../core/legacy-kit/reg-query-listing';
import { REGEDIT5_FORMAT, regFileFromTree, writeRegFile } from '../../core/registry/reg-file';
import type { RegTree } from '../../core/registry/reg-tree';
import type { ServerEvent } from '../../core/machine/system-port';
import { encodeUtf16le } from '../../core/registry/text-encoding';

export interface SimulatedCollectionFacts {
  readonly computer: string;
  readonly account: string;
  readonly domain: string;
  /** %DATE%, %TIME% and the short date format, as the PC would show them. */
  readonly date: string;
  readonly time: string;
  readonly shortDate: string;
  readonly windowsVer: string;
  readonly outlook: 'running' | 'closed' | 'unknown';
  readonly admin: boolean;
}

/** What `collect.cmd /server` would find on a Windows Server 2003 (IIS 6, no wevtutil). */
export interface SimulatedServer {
  /** NTAuthenticationProviders per metabase path, as adsutil.vbs reports it. */
  readonly adsutil: ReadonlyArray<{ readonly path: string; readonly providers: readonly string[] }>;
  readonly events: readonly ServerEvent[];
}

const csv = (fields: readonly string[]) => fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');

/** eventquery.vbs shows local time like 1/12/2026 8:14:03 AM. */
function eventqueryTime(iso: string | undefined): string {
  const d = new Date(iso ?? 0);
  const h = d.getUTCHours();
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 || 12}:${mm}:${ss} ${h < 12 ? 'AM' : 'PM'}`;
}

/**
 * Writes the folder collect.cmd would write on a PC whose registry is `tree`: the same file
 * names and items (from the same request list), `reg export` files in the codec's UTF-16LE
 * REGEDIT5 (what reg.exe writes; the Wine suite compares the two), listings in the layout of
 * Windows 7+ `reg query`, facts.txt in UTF-16LE as `cmd /u` writes it, and with `server`
 * the adsutil.vbs and eventquery.vbs files of a Server 2003. For sample folders and tests;
 * the real thing is collect.cmd.
 */
export function writeSimulatedCollection(
  tree: RegTree,
  dir: string,
  facts: SimulatedCollectionFacts,
  options: CollectScriptOptions,
  server?: SimulatedServer,
): void {
  mkdirSync(dir, { recursive: true });
  const lines: [string, string][] = [
    [FACT.format, String(FACTS_FORMAT)],
    [FACT.date, facts.date],
    [FACT.time, facts.time],
    [FACT.shortDate, facts.shortDate],
    [FACT.computer, facts.computer],
    [FACT.account, facts.account],
    [FACT.domain, facts.domain],
    [FACT.windowsVer, facts.windowsVer],
    [FACT.processor, 'x86'],
    [FACT.regView, 'native'],
    [FACT.outlook, facts.outlook],
    [FACT.processList, 'tasklist'],
    [FACT.admin, facts.admin ? 'yes' : 'no'],
  ];
  collectionItems(options.requests).forEach((item, i) => {
    const key = tree.getKey(item.snapshotPath);
    let status = 'absent';
    if (key && item.mode === 'export') {
      writeFileSync(
        join(dir, item.file),
        writeRegFile(regFileFromTree(tree, REGEDIT5_FORMAT, [item.snapshotPath])),
      );
      status = 'ok';
    } else if (key) {
      const listing = {
        path: item.snapshotPath,
        values: [...key.values.values()],
        subkeys: key.subkeyNames(),
      };
      writeFileSync(join(dir, item.file), formatRegQueryListing(listing), 'latin1');
      status = 'ok';
    }
    lines.push([itemFactName('ITEM', i + 1), `${status}|${item.file}|${item.key}`]);
  });
  if (server) {
    lines.push([FACT.serverMode, 'yes']);
    serverItems(options.server).forEach((item, i) => {
      let status = 'absent';
      if (item.kind === 'adsutil') {
        const found = server.adsutil.find((a) => a.path.toLowerCase() === item.what.toLowerCase());
        if (found) {
          const text = `NTAuthenticationProviders       : (STRING) "${found.providers.join(',')}"\r\n`;
          writeFileSync(join(dir, item.file), text, 'latin1');
          status = 'ok';
        }
      } else if (item.kind === 'eventquery') {
        const rows = server.events
          .filter((e) => String(e.id) === item.what)
          .map((e) =>
            csv([
              'error',
              String(e.id),
              eventqueryTime(e.time),
              e.source,
              facts.computer,
              'None',
              'N/A',
              e.message ?? '',
            ]),
          );
        writeFileSync(join(dir, item.file), rows.map((r) => `${r}\r\n`).join(''), 'latin1');
        status = 'ok';
      }
      lines.push([itemFactName('SERVER_ITEM', i + 1), `${item.kind}|${status}|${item.file}|${item.what}`]);
    });
  }
  const text = lines.map(([k, v]) => `${FACT_PREFIX}${k}=${v}\r\n`).join('');
  writeFileSync(join(dir, FACTS_FILE), encodeUtf16le(text));
}
