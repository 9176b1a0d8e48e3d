import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ExproxyError, UnreadableInputError } from '../../core/errors';
import type { LmPolicyState, SystemPort } from '../../core/machine/system-port';
import { checkWriteAllowed, needsElevation } from '../../core/registry/allowlist';
import type { ElevatedRegistryWriter } from '../../core/registry/elevated-writer-port';
import {
  snapshotPathFor,
  type RegistryPort,
  type RegView,
  type SubtreeRequest,
} from '../../core/registry/registry-port';
import {
  applyRegFileToTree,
  parseRegFile,
  regFileFromTree,
  writeRegFile,
  type RegFileFormat,
} from '../../core/registry/reg-file';
import { RegTree } from '../../core/registry/reg-tree';
import type { RegValue } from '../../core/registry/reg-value';
import { writeFileAtomic } from '../node/atomic-file';
import { machineFactsSchema, type MachineFacts } from './machine-facts';

/**
 * The largest `.reg` file a simulated machine loads (checked before reading it). A full
 * `reg export` of a user's Outlook profiles is a few MB; a whole HKLM export of a big server
 * is well under 100 MB. Anything larger is refused (CLI exit 3) instead of filling memory.
 */
export const MAX_REG_FILE_BYTES = 128 * 1024 * 1024;

/** Test hook: make the simulated registry fail (or "die") at a chosen write. */
export interface FaultPlan {
  /** 1-based index of the write (set or delete) that throws instead of writing. */
  failAtWrite?: number;
}

/**
 * A whole simulated PC: its registry is a `.reg` file (written back atomically, keeping the
 * file's own encoding and header) plus optional machine.json facts.
 */
export class SimulatedMachine {
  private writes = 0;
  faults: FaultPlan = {};
  restartRequested = false;

  /** The file as last read or written by us (inode, size, modification time). */
  private stamp: string;

  private constructor(
    readonly registryFile: string,
    private current: RegTree,
    private readonly format: RegFileFormat,
    readonly facts: MachineFacts,
    /** Taken before the file was read: a write in between makes the next read refresh. */
    stamp: string,
  ) {
    this.stamp = stamp;
  }

  get tree(): RegTree {
    return this.current;
  }

  /**
   * Another process (the CLI beside an open wizard) changed the file: read it again, so a
   * write made under the machine lock never starts from a stale tree and undoes theirs.
   */
  private refresh(): void {
    // Stamp before reading, as in load().
    const now = fileStamp(this.registryFile);
    if (now === this.stamp) return;
    const fresh = new RegTree();
    applyRegFileToTree(readRegistryFile(this.registryFile), fresh);
    this.current = fresh;
    this.stamp = now;
  }

  static load(opts: { hive?: string; machine?: string }): SimulatedMachine {
    const registryFile = opts.hive ?? join(opts.machine!, 'registry.reg');
    if (!existsSync(registryFile)) {
      throw new UnreadableInputError(`${registryFile}: file not found`, registryFile);
    }
    const size = statSync(registryFile).size;
    if (size > MAX_REG_FILE_BYTES) {
      throw new UnreadableInputError(
        `${registryFile}: ${size} bytes is over the ${MAX_REG_FILE_BYTES / 1024 / 1024} MiB size limit for a registry file; this is not a registry export we can use`,
        registryFile,
      );
    }
    // Stamp first, then read: another process may replace the file in between, and a stamp
    // newer than the content read would hide its change forever.
    const stamp = fileStamp(registryFile);
    const file = readRegistryFile(registryFile);
    const tree = new RegTree();
    applyRegFileToTree(file, tree);
    let facts: MachineFacts = machineFactsSchema.parse({});
    const factsFile = opts.machine ? join(opts.machine, 'machine.json') : null;
    if (factsFile && existsSync(factsFile)) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(factsFile, 'utf8'));
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
      facts = parsed.data;
    }
    return new SimulatedMachine(registryFile, tree, file.format, facts, stamp);
  }

  private persist(): void {
    writeFileAtomic(this.registryFile, writeRegFile(regFileFromTree(this.tree, this.format)));
    this.stamp = fileStamp(this.registryFile);
  }

  private mutate(path: string, name: string, value: RegValue | null): void {
    this.writes++;
    if (this.faults.failAtWrite === this.writes) {
      throw new ExproxyError('apply-failed', `simulated failure at write ${this.writes}`);
    }
    this.refresh();
    const previous = this.tree.getValue(path, name);
    if (value === null) this.tree.deleteValue(path, name);
    else this.tree.setValue(path, name, value);
    try {
      this.persist();
    } catch (e) {
      // Like a real registry write that failed: the value keeps its old state.
      if (previous === undefined) this.tree.deleteValue(path, name);
      else this.tree.setValue(path, name, previous);
      throw e;
    }
  }

  /** The registry as the user's own (non-elevated) process sees it: HKCU writes only. */
  readonly registry: RegistryPort = {
    name: 'simulated',
    readSubtrees: async (requests: readonly SubtreeRequest[]) => {
      this.refresh();
      const out = new RegTree();
      for (const r of requests) {
        const path = snapshotPathFor(r.path, r.view);
        const key = this.tree.getKey(path);
        if (!key) continue;
        if (r.recursive === false) {
          out.ensureKey(path);
          for (const { name, value } of key.values.values()) out.setValue(path, name, value);
          for (const sub of key.subkeys.values()) out.ensureKey(`${path}\\${sub.name}`);
        } else {
          this.tree.copySubtreeInto(path, out);
        }
      }
      return out;
    },
    setValue: async (path: string, name: string, value: RegValue, view?: RegView) =>
      this.userWrite(path, name, value, view),
    deleteValue: async (path: string, name: string, view?: RegView) => this.userWrite(path, name, null, view),
  };

  private userWrite(path: string, name: string, value: RegValue | null, view?: RegView): void {
    const kind = checkWriteAllowed(path, name, value);
    if (needsElevation(kind) && !this.facts.elevated && !this.facts.systemAccount) {
      throw new ExproxyError('not-allowed', `Writing ${name} needs administrator rights.`);
    }
    this.mutate(snapshotPathFor(path, view), name, value);
  }

  /** HKLM writes after a (simulated) UAC prompt; machine.json's `uacApproved: false` declines it. */
  readonly elevated: ElevatedRegistryWriter = {
    setValue: async (path, name, value) => this.elevatedWrite(path, name, value),
    deleteValue: async (path, name) => this.elevatedWrite(path, name, null),
  };

  private elevatedWrite(path: string, name: string, value: RegValue | null): void {
    const kind = checkWriteAllowed(path, name, value);
    if (!needsElevation(kind))
      throw new ExproxyError('not-allowed', `${name} is a per-user value; it is never written elevated.`);
    if (!this.facts.elevated && !this.facts.uacApproved) {
      throw new ExproxyError(
        'elevation-declined',
        'The administrator prompt was declined; nothing was changed.',
      );
    }
    this.mutate(path, name, value);
  }

  readonly system: SystemPort = {
    isOutlookRunning: async () => this.facts.outlookRunning,
    lmCompatibilityPolicy: async (): Promise<LmPolicyState> =>
      this.facts.lmPolicy
        ? { managed: this.facts.lmPolicy.managed, level: this.facts.lmPolicy.level }
        : { managed: false },
    isElevated: async () => this.facts.elevated || this.facts.systemAccount,
    isSystemAccount: async () => this.facts.systemAccount,
    startOutlook: async () => {
      this.facts.outlookRunning = true;
    },
    restartWindows: async () => {
      this.restartRequested = true;
    },
  };
}

/** Every write is temp + rename, so a new inode; mtime alone can repeat within a clock tick. */
function fileStamp(file: string): string {
  const st = statSync(file, { bigint: true });
  return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.birthtimeNs}`;
}

function readRegistryFile(file: string) {
  // readFileSync's Buffer is already a Uint8Array: no copy of a large file.
  return parseRegFile(readFileSync(file), file);
}
