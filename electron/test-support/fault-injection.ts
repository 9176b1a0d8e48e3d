/**
 * Test-only fault injection for the fix engine: wraps a machine's ports and a journal store so
 * that every step the engine takes (each registry read and write, each journal save, the
 * backup) passes through one probe. The probe counts the steps, and can make the n-th one
 * fail (an I/O error, once) or kill the "process" there: from that step on every port call
 * (the credential store's too)
 * throws, so nothing else reaches the disk — as when the process dies. The test then reloads
 * the machine and the journal from disk, like the next start after a crash.
 */
import type { CredentialStorePort } from '../core/causes/credential-port';
import type { ChangeRecord } from '../core/fixes/change-plan';
import type { JournalStore } from '../core/fixes/journal-store';
import type { ElevatedRegistryWriter } from '../core/registry/elevated-writer-port';
import type { RegistryPort } from '../core/registry/registry-port';

export type FaultMode = 'fail' | 'die';

/** Thrown by every port call from the fault point on in `die` mode. */
export class ProcessDied extends Error {
  constructor(step: string) {
    super(`process died at ${step}`);
    this.name = 'ProcessDied';
  }
}

export class FaultProbe {
  readonly steps: string[] = [];
  dead = false;

  /** `at`: 1-based step to fault, or null to only count. */
  constructor(
    private readonly at: number | null = null,
    private readonly mode: FaultMode = 'fail',
  ) {}

  step(label: string): void {
    if (this.dead) throw new ProcessDied(`${label} (after death)`);
    this.steps.push(label);
    if (this.steps.length !== this.at) return;
    if (this.mode === 'die') {
      this.dead = true;
      throw new ProcessDied(`step ${this.at} (${label})`);
    }
    throw Object.assign(new Error(`EIO: i/o error, injected at step ${this.at} (${label})`), { code: 'EIO' });
  }
}

export function probeRegistry(inner: RegistryPort, probe: FaultProbe, label = 'registry'): RegistryPort {
  return {
    name: inner.name,
    readSubtrees: async (requests) => {
      probe.step(`${label} read`);
      return inner.readSubtrees(requests);
    },
    setValue: async (path, name, value, view) => {
      probe.step(`${label} set ${name}`);
      return inner.setValue(path, name, value, view);
    },
    deleteValue: async (path, name, view) => {
      probe.step(`${label} delete ${name}`);
      return inner.deleteValue(path, name, view);
    },
    ...(inner.writeMany && {
      writeMany: async (writes) => {
        probe.step(`${label} write ${writes.length} values`);
        return inner.writeMany!(writes);
      },
    }),
  };
}

export function probeElevated(inner: ElevatedRegistryWriter, probe: FaultProbe): ElevatedRegistryWriter {
  return {
    setValue: async (path, name, value, view) => {
      probe.step(`elevated set ${name}`);
      return inner.setValue(path, name, value, view);
    },
    deleteValue: async (path, name, view) => {
      probe.step(`elevated delete ${name}`);
      return inner.deleteValue(path, name, view);
    },
  };
}

export function probeJournal(inner: JournalStore, probe: FaultProbe): JournalStore {
  return {
    save: async (record: ChangeRecord) => {
      probe.step(
        `journal save ${record.state}${record.state === 'pending' ? ` written=${record.written}` : ''}`,
      );
      return inner.save(record);
    },
    load: async (id) => {
      probe.step('journal load');
      return inner.load(id);
    },
    list: async () => {
      probe.step('journal list');
      return inner.list();
    },
    inspect: async () => {
      probe.step('journal inspect');
      return inner.inspect();
    },
    setAside: async (record, reason) => {
      probe.step('journal set aside');
      return inner.setAside(record, reason);
    },
    saveBackup: async (id, bytes) => {
      probe.step('journal backup');
      return inner.saveBackup(id, bytes);
    },
  };
}

export function probeCredentials(inner: CredentialStorePort, probe: FaultProbe): CredentialStorePort {
  return {
    name: inner.name,
    list: async () => {
      probe.step('credentials list');
      return inner.list();
    },
    remove: async (targetName, type) => {
      probe.step(`credentials remove ${targetName}`);
      return inner.remove(targetName, type);
    },
  };
}
