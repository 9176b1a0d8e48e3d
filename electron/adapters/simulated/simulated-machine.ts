import { statSync } from 'node:fs';
import { readSubtreesFrom } from '../../core/registry/tree-snapshot';
import { join } from 'node:path';
import { ExproxyError, UnreadableInputError } from '../../core/errors';
import type { LmPolicyState, SystemPort } from '../../core/machine/system-port';
import { checkWriteAllowed, needsElevation } from '../../core/registry/allowlist';
import type { ElevatedRegistryWriter } from '../../core/registry/elevated-writer-port';
import { RegDocument, type RegEdit } from '../../core/registry/reg-document';
import { applyRegFileToTree, type RegFileWarning } from '../../core/registry/reg-file';
import { RegTree } from '../../core/registry/reg-tree';
import type { RegValue } from '../../core/registry/reg-value';
import {
  snapshotPathFor,
  type RegistryPort,
  type RegView,
  type RegWrite,
  type SubtreeRequest,
} from '../../core/registry/registry-port';
import { writeFileAtomic } from '../node/atomic-file';
import { machineFactsSchema, type MachineFacts } from './machine-facts';
import { readRegularFile, regularFileTarget } from './regular-file';
import { findUserHives, userHivePath, type UserHives } from './user-hive';

/**
 * The largest `.reg` file a simulated machine loads (checked before reading it). A full
 * `reg export` of a user's Outlook profiles is a few MB; a whole HKLM export of a big server
 * is well under 100 MB. Anything larger is refused (CLI exit 3) instead of filling memory.
 */
export const MAX_REG_FILE_BYTES = 128 * 1024 * 1024;

/** What --hive or a machine folder's registry.reg must be (said when it is something else). */
const REGISTRY_FILE = 'a .reg export saved on disk';

/** machine.json holds a few facts; anything near this size is not one. */
const MAX_FACTS_BYTES = 1024 * 1024;

/** Test hook: make the simulated registry fail (or "die") at a chosen write. */
export interface FaultPlan {
  /** 1-based index of the write (each value of a batch counts) that throws; the batch writes nothing. */
  failAtWrite?: number;
}

/** A loaded registry file: its text as read (for patching) and the registry it describes. */
interface Loaded {
  readonly document: RegDocument;
  readonly tree: RegTree;
  readonly users: UserHives;
  /** The file as last read or written by us (inode, size, modification time). */
  stamp: string;
}

/**
 * A whole simulated PC: its registry is a `.reg` file plus optional machine.json facts.
 * Writes patch the file in place (only the changed values' lines; see RegDocument) and
 * replace it atomically, so the file keeps its own encoding, layout and every other byte.
 */
export class SimulatedMachine {
  private writes = 0;
  faults: FaultPlan = {};
  restartRequested = false;

  private constructor(
    readonly registryFile: string,
    /** Where the bytes are: registryFile, or the regular file a link there points to. */
    private readonly diskFile: string,
    private loaded: Loaded,
    readonly facts: MachineFacts,
    /** machine.json (as named, maybe a link), or null for `--hive` alone. */
    readonly factsFile: string | null,
  ) {}

  /**
   * The registry as Windows would show it: for an export of one user's hive, HKEY_CURRENT_USER
   * is that `HKEY_USERS\<SID>` (both names reach the same keys; see RegTree.link).
   */
  get tree(): RegTree {
    return this.loaded.tree;
  }

  /** Values the file has but that could not be read, and joined exports, as found at the last read. */
  get loadWarnings(): readonly RegFileWarning[] {
    return this.loaded.document.file.warnings ?? [];
  }

  /** The user hive (`HKEY_USERS\<SID>`) shown as HKEY_CURRENT_USER, if the file is such an export. */
  get userHive(): { readonly sid: string } | null {
    const { sid } = this.loaded.users;
    return sid === null ? null : { sid };
  }

  /** The user SIDs of a file without HKEY_CURRENT_USER keys; two or more: none is shown as HKCU. */
  get userHiveCandidates(): readonly string[] {
    return this.loaded.users.candidates;
  }

  static load(opts: { hive?: string; machine?: string }): SimulatedMachine {
    const registryFile = opts.hive ?? join(opts.machine!, 'registry.reg');
    const diskFile = regularFileTarget(registryFile, REGISTRY_FILE);
    if (diskFile === null) throw new UnreadableInputError(`${registryFile}: file not found`, registryFile);
    const loaded = readRegistry(diskFile, registryFile);
    const factsFile = opts.machine ? join(opts.machine, 'machine.json') : null;
    const facts = factsFile ? readFacts(factsFile) : machineFactsSchema.parse({});
    return new SimulatedMachine(registryFile, diskFile, loaded, facts, factsFile);
  }

  /**
   * Another process (the CLI beside an open wizard) changed the file: read it again, so a
   * write made under the machine lock never starts from a stale tree and undoes theirs.
   */
  private refresh(): void {
    if (fileStamp(this.diskFile) === this.loaded.stamp) return;
    this.loaded = readRegistry(this.diskFile, this.registryFile);
  }

  /** HKEY_CURRENT_USER paths as the file names them (`HKEY_USERS\<SID>\…` for a user-hive export). */
  private filePath(path: string): string {
    return userHivePath(path, this.loaded.users.sid);
  }

  /**
   * Writes checked values: each counts as one write for `faults`; all are written in one patch
   * of the file (one atomic replace), or none is. The tree changes only once the file has.
   */
  private commit(writes: readonly RegEdit[]): void {
    if (writes.length === 0) return;
    for (let i = 0; i < writes.length; i++) {
      this.writes++;
      if (this.faults.failAtWrite === this.writes) {
        throw new ExproxyError('apply-failed', `simulated failure at write ${this.writes}`);
      }
    }
    this.refresh();
    const edits = writes.map((w) => ({ ...w, path: this.filePath(w.path) }));
    const prepared = this.loaded.document.prepare(edits);
    // Like a real registry write that failed: if the file cannot be replaced, nothing changes.
    writeFileAtomic(this.diskFile, prepared.bytes);
    prepared.commit();
    for (const e of edits) {
      if (e.value === null) this.loaded.tree.deleteValue(e.path, e.name);
      else this.loaded.tree.setValue(e.path, e.name, e.value);
    }
    this.loaded.stamp = fileStamp(this.diskFile);
  }

  /** The registry as the user's own (non-elevated) process sees it: HKCU writes only. */
  readonly registry: RegistryPort = {
    name: 'simulated',
    readSubtrees: async (requests: readonly SubtreeRequest[]) => {
      this.refresh();
      return readSubtreesFrom(this.tree, requests);
    },
    setValue: async (path: string, name: string, value: RegValue, view?: RegView) =>
      this.userWrites([{ path, name, value, view }]),
    deleteValue: async (path: string, name: string, view?: RegView) =>
      this.userWrites([{ path, name, value: null, view }]),
    writeMany: async (writes: readonly RegWrite[]) => this.userWrites(writes),
  };

  private userWrites(writes: readonly RegWrite[]): void {
    const checked = writes.map(({ path, name, value, view }) => {
      const kind = checkWriteAllowed(path, name, value);
      if (needsElevation(kind) && !this.facts.elevated && !this.facts.systemAccount) {
        throw new ExproxyError('not-allowed', `Writing ${name} needs administrator rights.`);
      }
      return { path: snapshotPathFor(path, view), name, value };
    });
    this.commit(checked);
  }

  /** HKLM writes after a (simulated) UAC prompt; machine.json's `uacApproved: false` declines it. */
  readonly elevated: ElevatedRegistryWriter = {
    setValue: async (path, name, value) => this.elevatedWrites([{ path, name, value }]),
    deleteValue: async (path, name) => this.elevatedWrites([{ path, name, value: null }]),
    writeMany: async (writes) => this.elevatedWrites(writes),
  };

  /** One batch, one (simulated) administrator prompt. */
  private elevatedWrites(writes: readonly RegWrite[]): void {
    const checked = writes.map(({ path, name, value }) => {
      const kind = checkWriteAllowed(path, name, value);
      if (!needsElevation(kind))
        throw new ExproxyError('not-allowed', `${name} is a per-user value; it is never written elevated.`);
      return { path, name, value };
    });
    if (checked.length > 0 && !this.facts.elevated && !this.facts.uacApproved) {
      throw new ExproxyError(
        'elevation-declined',
        'The administrator prompt was declined; nothing was changed.',
      );
    }
    this.commit(checked);
  }

  readonly system: SystemPort = {
    isOutlookRunning: async () => this.facts.outlookRunning,
    lmCompatibilityPolicy: async (): Promise<LmPolicyState> =>
      this.facts.lmPolicy
        ? { managed: this.facts.lmPolicy.managed, level: this.facts.lmPolicy.level }
        : { managed: false },
    isElevated: async () => this.facts.elevated || this.facts.systemAccount,
    isSystemAccount: async () => this.facts.systemAccount,
    isDomainJoined: async () => this.facts.domainJoined ?? null,
    startOutlook: async () => {
      this.facts.outlookRunning = true;
    },
    restartWindows: async () => {
      this.restartRequested = true;
    },
  };
}

/** machine.json as read: the file written (a link's target), its JSON and its checked facts. */
export interface FactsFile {
  readonly target: string;
  readonly raw: Record<string, unknown>;
  readonly facts: MachineFacts;
}

/** Reads and checks machine.json; null when there is none. */
export function readFactsFile(factsFile: string): FactsFile | null {
  const expected = 'a machine.json file saved on disk';
  const target = regularFileTarget(factsFile, expected);
  if (target === null) return null;
  const text = readRegularFile(target, factsFile, expected, MAX_FACTS_BYTES).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UnreadableInputError(`${factsFile}: not valid JSON (${(e as Error).message})`, factsFile);
  }
  const parsed = machineFactsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UnreadableInputError(
      `${factsFile}: ${issue.path.join('.') || 'top level'}: ${issue.message}`,
      factsFile,
    );
  }
  return { target, raw: raw as Record<string, unknown>, facts: parsed.data };
}

/** machine.json's facts; a missing file means every fact takes its default. */
function readFacts(factsFile: string): MachineFacts {
  return readFactsFile(factsFile)?.facts ?? machineFactsSchema.parse({});
}

/** Reads and parses the registry file (the stamp first: a write after it makes the next refresh read again). */
function readRegistry(diskFile: string, shownAs: string): Loaded {
  const stamp = fileStamp(diskFile);
  // readFileSync's Buffer is already a Uint8Array: no copy of a large file.
  const bytes = readRegularFile(diskFile, shownAs, REGISTRY_FILE, MAX_REG_FILE_BYTES);
  const document = RegDocument.parse(bytes, shownAs);
  const tree = new RegTree();
  applyRegFileToTree(document.file, tree);
  const users = findUserHives(tree);
  if (users.sid !== null) tree.link('HKEY_CURRENT_USER', `HKEY_USERS\\${users.sid}`);
  return { document, tree, users, stamp };
}

/** Every write is temp + rename, so a new inode; mtime alone can repeat within a clock tick. */
function fileStamp(file: string): string {
  const st = statSync(file, { bigint: true });
  return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.birthtimeNs}`;
}
