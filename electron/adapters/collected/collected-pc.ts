import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { CollectedOrigin } from '../../core/machine/machine-context';
import { readSubtreesFrom } from '../../core/registry/tree-snapshot';
import { join } from 'node:path';
import { SCAN_REQUESTS } from '../../core/diagnosis/scan';
import { ExproxyError, UnreadableInputError } from '../../core/errors';
import {
  decodeFactsBytes,
  FACTS_FILE,
  parseFactsText,
  type CollectedFacts,
} from '../../core/legacy-kit/facts-file';
import { parseEventqueryCsv } from '../../core/legacy-kit/eventquery-csv';
import {
  applyListingToTree,
  decodeListingBytes,
  parseRegQueryListing,
} from '../../core/legacy-kit/reg-query-listing';
import type { ServerEventsPort } from '../../core/machine/server-events-port';
import type { LmPolicyState, ServerEvent, SystemPort } from '../../core/machine/system-port';
import type { ElevatedRegistryWriter } from '../../core/registry/elevated-writer-port';
import { canonicalKeyPath, isUnderKeyPath } from '../../core/registry/key-path';
import { applyRegFileToTree, parseRegFile, type RegFile } from '../../core/registry/reg-file';
import { RegTree } from '../../core/registry/reg-tree';
import { snapshotPathFor, type RegistryPort, type SubtreeRequest } from '../../core/registry/registry-port';
import type { IisAuthReader, IisAuthReading } from '../../core/server-guides/iis-auth-port';
import { parseAdsutilProviders, parseAppcmdProviders } from '../../core/server-guides/iis-providers';
import { MAX_REG_FILE_BYTES } from '../simulated/simulated-machine';
import { parseWevtutilXml } from '../windows/wevtutil-events';

/** Whose PC it is and when it was collected (the banner). */
export type CollectedFrom = CollectedOrigin;

/**
 * For each subtree a diagnosis reads: `collected` (an export or listing holds it),
 * `absent-on-pc` (collect.cmd found no such key there: a real answer) or `missing` (no file
 * says anything about it: deleted, or collected by an older script).
 */
export type CoverageState = 'collected' | 'absent-on-pc' | 'missing';

export interface CoverageEntry {
  readonly request: SubtreeRequest;
  readonly state: CoverageState;
  readonly file: string | null;
}

const NOT_HERE =
  'This is a collected PC: nothing on it is changed from here. Make a fix kit and run it on that PC.';

function refuse(): never {
  throw new ExproxyError('not-allowed', NOT_HERE);
}

/** Top keys of a file: entries whose parent is not in the file. */
function fileRoots(file: RegFile): string[] {
  const paths = new Set(
    file.keys.filter((k) => !k.deleteKey).map((k) => canonicalKeyPath(k.path).toLowerCase()),
  );
  return file.keys
    .filter((k) => !k.deleteKey)
    .map((k) => canonicalKeyPath(k.path))
    .filter((p) => {
      const cut = p.lastIndexOf('\\');
      return cut < 0 || !paths.has(p.slice(0, cut).toLowerCase());
    });
}

function readBytes(file: string): Buffer {
  const size = statSync(file).size;
  if (size > MAX_REG_FILE_BYTES) {
    throw new UnreadableInputError(
      `${file}: ${size} bytes is over the ${MAX_REG_FILE_BYTES / 1024 / 1024} MiB limit for one collected file`,
      file,
    );
  }
  return readFileSync(file);
}

/** True when `dir` looks like a collect.cmd folder (facts.txt, or registry exports without registry.reg). */
export function isCollectedFolder(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  const names = readdirSync(dir).map((n) => n.toLowerCase());
  if (names.includes(FACTS_FILE)) return true;
  return !names.includes('registry.reg') && names.some((n) => n.endsWith('.reg'));
}

/**
 * A PC read from a folder collect.cmd wrote: every `*.reg` in it (any order, any encoding the
 * codec reads) merged into one snapshot, the `reg query` listings, facts.txt and, from
 * `collect.cmd /server`, the IIS and event files. Read-only: every write is refused.
 */
export class CollectedPc {
  readonly tree = new RegTree();
  readonly facts: CollectedFacts | null;
  readonly collectedFrom: CollectedFrom;
  readonly coverage: readonly CoverageEntry[];
  private readonly events: ServerEvent[] = [];
  private readonly iisReadings: IisAuthReading[] = [];

  private constructor(
    readonly folder: string,
    requests: readonly SubtreeRequest[],
  ) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new UnreadableInputError(`${folder}: no such folder`, folder);
    }
    const names = readdirSync(folder).filter((n) => statSync(join(folder, n)).isFile());
    const factsName = names.find((n) => n.toLowerCase() === FACTS_FILE);
    this.facts = factsName
      ? parseFactsText(decodeFactsBytes(readBytes(join(folder, factsName))), join(folder, factsName))
      : null;

    const roots: { root: string; file: string }[] = [];
    for (const name of names.filter((n) => /\.reg$/i.test(n)).sort()) {
      const path = join(folder, name);
      const file = parseRegFile(readBytes(path), path);
      applyRegFileToTree(file, this.tree);
      for (const root of fileRoots(file)) roots.push({ root, file: name });
    }
    for (const item of this.facts?.items ?? []) {
      if (item.status !== 'ok' || !/\.txt$/i.test(item.file) || !names.includes(item.file)) continue;
      const path = join(folder, item.file);
      const listing = parseRegQueryListing(decodeListingBytes(readBytes(path)), item.key, path);
      applyListingToTree(listing, this.tree);
      roots.push({ root: listing.path, file: item.file });
    }
    if (roots.length === 0) {
      throw new UnreadableInputError(
        `${folder}: no registry exports (*.reg) here; expected a folder written by collect.cmd`,
        folder,
      );
    }
    this.readServerFiles(names);
    this.coverage = requests.map((request) => this.cover(request, roots));
    const f = this.facts;
    this.collectedFrom = {
      folder,
      computer: f?.computer ?? null,
      account: f?.account ?? null,
      domain: f?.domain ?? null,
      collectedAt: f?.collectedAt ?? null,
      collectedAtText: f?.collectedAtText ?? null,
      windowsVer: f?.windowsVer ?? null,
    };
  }

  static load(folder: string, requests: readonly SubtreeRequest[] = SCAN_REQUESTS): CollectedPc {
    return new CollectedPc(folder, requests);
  }

  private cover(request: SubtreeRequest, roots: readonly { root: string; file: string }[]): CoverageEntry {
    const path = snapshotPathFor(request.path, request.view);
    const hit = roots.find((r) => isUnderKeyPath(path, r.root));
    if (hit) return { request, state: 'collected', file: hit.file };
    const absent = this.facts?.items.find((i) => {
      if (i.status !== 'absent') return false;
      try {
        return isUnderKeyPath(path, i.key);
      } catch {
        return false;
      }
    });
    if (absent) return { request, state: 'absent-on-pc', file: absent.file };
    return { request, state: 'missing', file: null };
  }

  private readServerFiles(names: readonly string[]): void {
    const read = (file: string) => decodeListingBytes(readBytes(join(this.folder, file)));
    let adsutilDone = false;
    for (const item of this.facts?.serverItems ?? []) {
      if (item.status !== 'ok' || !names.includes(item.file)) continue;
      if (item.kind === 'appcmd') {
        const r = parseAppcmdProviders(read(item.file));
        if (r) this.iisReadings.push({ ...r, site: item.what, source: 'appcmd' });
      } else if (item.kind === 'adsutil' && !adsutilDone) {
        // The first metabase level that sets the providers is the one in effect.
        const r = parseAdsutilProviders(read(item.file));
        if (r) {
          this.iisReadings.push({ ...r, site: item.what, source: 'adsutil' });
          adsutilDone = true;
        }
      } else if (item.kind === 'wevtutil') {
        this.events.push(...parseWevtutilXml(read(item.file)));
      } else if (item.kind === 'eventquery') {
        this.events.push(...parseEventqueryCsv(read(item.file)));
      }
    }
  }

  /** Subtrees a diagnosis reads that the folder says nothing about. */
  get missing(): SubtreeRequest[] {
    return this.coverage.filter((c) => c.state === 'missing').map((c) => c.request);
  }

  get description(): string {
    const who = this.collectedFrom;
    const user = [who.domain, who.account].filter(Boolean).join('\\');
    const when = who.collectedAt ?? who.collectedAtText ?? 'unknown time';
    return `collected PC ${who.computer ?? '(unknown)'}${user ? ` (${user})` : ''}, collected ${when}, from ${this.folder}`;
  }

  readonly registry: RegistryPort = {
    name: 'collected',
    readSubtrees: async (requests: readonly SubtreeRequest[]) => {
      return readSubtreesFrom(this.tree, requests);
    },
    setValue: async () => refuse(),
    deleteValue: async () => refuse(),
  };

  readonly elevated: ElevatedRegistryWriter = {
    setValue: async () => refuse(),
    deleteValue: async () => refuse(),
  };

  /**
   * Answers from facts.txt. Group Policy is not collected (gpresult cannot report computer
   * policy without elevation, and XP's has no XML): the LAN Manager level reads as unmanaged,
   * as the live adapter answers when gpresult fails.
   */
  readonly system: SystemPort = {
    isOutlookRunning: async () => this.facts?.outlook === 'running',
    lmCompatibilityPolicy: async (): Promise<LmPolicyState> => ({ managed: false }),
    isElevated: async () => this.facts?.admin === true,
    isSystemAccount: async () => {
      const account = this.facts?.account ?? '';
      return account.endsWith('$') || account.toUpperCase() === 'SYSTEM';
    },
    startOutlook: async () => refuse(),
    restartWindows: async () => refuse(),
  };

  /** The events `collect.cmd /server` found (already filtered by the guides' query there). */
  readonly serverEvents: ServerEventsPort = { query: async () => [...this.events] };

  readonly iis: IisAuthReader = { read: async () => [...this.iisReadings] };
}
