import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionItems } from '../../core/legacy-kit/collection-items';
import { FACT, FACT_PREFIX, FACTS_FILE, FACTS_FORMAT, itemFactName } from '../../core/legacy-kit/facts-file';
import { formatRegQueryListing } from '../../core/legacy-kit/reg-query-listing';
import { REGEDIT5_FORMAT, regFileFromTree, writeRegFile } from '../../core/registry/reg-file';
import type { RegTree } from '../../core/registry/reg-tree';
import type { SubtreeRequest } from '../../core/registry/registry-port';
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

/**
 * Writes the folder collect.cmd would write on a PC whose registry is `tree`: the same file
 * names and items (from the same request list), `reg export` files in the codec's UTF-16LE
 * REGEDIT5 (what reg.exe writes; the Wine suite compares the two), listings in the layout of
 * Windows 7+ `reg query`, and facts.txt in UTF-16LE as `cmd /u` writes it. For sample
 * folders and tests; the real thing is collect.cmd.
 */
export function writeSimulatedCollection(
  tree: RegTree,
  dir: string,
  facts: SimulatedCollectionFacts,
  requests: readonly SubtreeRequest[],
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
  collectionItems(requests).forEach((item, i) => {
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
  const text = lines.map(([k, v]) => `${FACT_PREFIX}${k}=${v}\r\n`).join('');
  writeFileSync(join(dir, FACTS_FILE), encodeUtf16le(text));
}
