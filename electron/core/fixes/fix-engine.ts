import { ExproxyError } from '../errors';
import type { SystemPort } from '../machine/system-port';
import { asciiLower, equalsIgnoreAsciiCase } from '../registry/ascii-case';
import { checkWriteAllowed, needsElevation } from '../registry/allowlist';
import type { ElevatedRegistryWriter } from '../registry/elevated-writer-port';
import type { RegistryPort } from '../registry/registry-port';
import { REGEDIT5_FORMAT, writeRegFile, type RegKeyEntry } from '../registry/reg-file';
import {
  deserializeRegValue,
  regValuesEqual,
  type RegValue,
  type SerializedRegValue,
} from '../registry/reg-value';
import type { ChangePlan, ChangeRecord, ChangeState, PlannedChange } from './change-plan';
import type { JournalStore } from './journal-store';
import type { ApplyOutcome, RollbackOutcome, StepResult } from './outcome';

export interface FixEnginePorts {
  readonly registry: RegistryPort;
  readonly elevated: ElevatedRegistryWriter;
  readonly system: SystemPort;
  readonly journal: JournalStore;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

function sameValue(a: RegValue | undefined, b: SerializedRegValue | null): boolean {
  if (b === null) return a === undefined;
  return a !== undefined && regValuesEqual(a, deserializeRegValue(b));
}

function defaultId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const rand = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(3)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  return `${stamp}-${rand}`;
}

/** Elevated writes go first: a declined prompt then leaves nothing to undo. */
function executionOrder(changes: readonly PlannedChange[]): PlannedChange[] {
  return [...changes.filter((c) => c.elevated), ...changes.filter((c) => !c.elevated)];
}

/** A .reg file that puts every value back as it was (`"v"=-` where it was absent). */
export function backupRegFile(changes: readonly PlannedChange[]): Uint8Array {
  const keys: RegKeyEntry[] = [];
  for (const c of changes) {
    let key = keys.find((k) => equalsIgnoreAsciiCase(k.path, c.path));
    if (!key) {
      key = { path: c.path, deleteKey: false, line: 0, values: [] };
      keys.push(key);
    }
    key.values.push({ name: c.name, value: c.before ? deserializeRegValue(c.before) : null, line: 0 });
  }
  return writeRegFile({ format: REGEDIT5_FORMAT, keys });
}

/**
 * plan → journal (durable before any write) → backup → write → read back and verify → record.
 * Any failure part-way restores what was written; rollback restores the recorded prior state.
 */
export class FixEngine {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly ports: FixEnginePorts) {
    this.now = ports.now ?? (() => new Date());
    this.newId = ports.newId ?? (() => defaultId(this.now()));
  }

  private async readCurrent(changes: readonly PlannedChange[]): Promise<(RegValue | undefined)[]> {
    const keys = [...new Map(changes.map((c) => [asciiLower(c.path), c.path])).values()];
    const tree = await this.ports.registry.readSubtrees(keys.map((path) => ({ path, recursive: false })));
    return changes.map((c) => tree.getValue(c.path, c.name));
  }

  private async write(c: PlannedChange, value: SerializedRegValue | null): Promise<void> {
    const writer = c.elevated ? this.ports.elevated : this.ports.registry;
    if (value === null) await writer.deleteValue(c.path, c.name, c.view);
    else await writer.setValue(c.path, c.name, deserializeRegValue(value), c.view);
  }

  private async ensureOutlookClosed(changes: readonly PlannedChange[]): Promise<void> {
    // Outlook rewrites its profile when it exits, which would undo or mangle our write.
    if (changes.some((c) => c.kind === 'roh-auth-scheme') && (await this.ports.system.isOutlookRunning())) {
      throw new ExproxyError('blocked', 'Outlook is running. Close Outlook, then try again.');
    }
  }

  private async saveRecord(record: ChangeRecord, patch: Partial<ChangeRecord>): Promise<ChangeRecord> {
    const next = { ...record, ...patch, updatedAt: this.now().toISOString() };
    await this.ports.journal.save(next);
    return next;
  }

  /**
   * Puts back `before` wherever the value still holds what we wrote (`after`). A value that
   * is neither was changed by something else and is left alone (reported as `foreign`).
   * Returns what could not be restored, or null.
   */
  private async restore(changes: readonly PlannedChange[]): Promise<string | null> {
    const current = await this.readCurrent(changes);
    const ours = (i: number) => sameValue(current[i], changes[i]!.after);
    const todo = executionOrder(changes.filter((c, i) => ours(i) && !sameValue(current[i], c.before)));
    for (const c of todo) await this.write(c, c.before);
    const after = await this.readCurrent(changes);
    return (
      changes
        .map((c, i) =>
          sameValue(after[i], c.before)
            ? null
            : sameValue(after[i], c.after)
              ? `${c.path}\\${c.name}`
              : `${c.path}\\${c.name} (changed by something else; left alone)`,
        )
        .filter((x) => x !== null)
        .join(', ') || null
    );
  }

  /** Writes each value back to what it was (`undefined` = absent), elevated ones first. */
  private async putBack(changes: readonly PlannedChange[], was: readonly (RegValue | undefined)[]) {
    const now = await this.readCurrent(changes);
    const todo = changes
      .map((c, i) => ({ c, v: was[i] }))
      .filter(({ v }, i) => !(v === undefined ? now[i] === undefined : now[i] && regValuesEqual(now[i]!, v)));
    for (const { c, v } of [...todo.filter((t) => t.c.elevated), ...todo.filter((t) => !t.c.elevated)]) {
      const writer = c.elevated ? this.ports.elevated : this.ports.registry;
      if (v === undefined) await writer.deleteValue(c.path, c.name, c.view);
      else await writer.setValue(c.path, c.name, v, c.view);
    }
    const check = await this.readCurrent(changes);
    return changes.every((_c, i) =>
      was[i] === undefined
        ? check[i] === undefined
        : check[i] !== undefined && regValuesEqual(check[i]!, was[i]!),
    );
  }

  /**
   * A journal record comes from disk (it may be damaged or tampered with): every value it
   * would restore must be on the allowlist, and elevated exactly when the allowlist says so.
   */
  private checkRecord(record: ChangeRecord): void {
    for (const c of record.changes) {
      for (const v of [c.before, c.after]) {
        const kind = checkWriteAllowed(c.path, c.name, v ? deserializeRegValue(v) : null);
        if (kind !== c.kind || needsElevation(kind) !== c.elevated) {
          throw new ExproxyError(
            'not-allowed',
            `Change ${record.id} in the journal does not match what this product writes (${c.name}); nothing was changed.`,
          );
        }
      }
    }
  }

  async apply(plan: ChangePlan): Promise<ApplyOutcome> {
    const steps: StepResult[] = [];
    const base = { plan, steps, backupPath: null, restartOutlook: false, restartWindows: false };
    if (plan.changes.length === 0) return { ...base, status: 'nothing-to-do', changeId: null, reason: null };
    for (const c of plan.changes) {
      checkWriteAllowed(c.path, c.name, c.after ? deserializeRegValue(c.after) : null);
      checkWriteAllowed(c.path, c.name, c.before ? deserializeRegValue(c.before) : null);
    }
    try {
      await this.ensureOutlookClosed(plan.changes);
      const current = await this.readCurrent(plan.changes);
      const moved = plan.changes.filter((c, i) => !sameValue(current[i], c.before));
      if (moved.length > 0) {
        throw new ExproxyError(
          'blocked',
          `Settings changed since the scan (${moved[0]!.name}). Scan again, then retry.`,
        );
      }
    } catch (e) {
      if (e instanceof ExproxyError && e.kind === 'blocked')
        return { ...base, status: 'blocked', changeId: null, reason: e.message };
      throw e;
    }

    const createdAt = this.now().toISOString();
    let record: ChangeRecord = {
      id: this.newId(),
      createdAt,
      updatedAt: createdAt,
      fixes: plan.fixes,
      changes: plan.changes,
      written: 0,
      state: 'pending',
      restartOutlook: plan.restartOutlook,
      restartWindows: plan.restartWindows,
    };
    try {
      await this.ports.journal.save(record);
    } catch (e) {
      // Nothing is written before the journal is: a failure here changes nothing.
      throw new ExproxyError(
        'apply-failed',
        `Could not write the change journal (${e instanceof Error ? e.message : String(e)}); nothing was changed.`,
      );
    }
    steps.push({ step: 'journal', ok: true });

    const order = executionOrder(plan.changes);
    let attempted = 0;
    let backupPath: string | null = null;
    try {
      backupPath = await this.ports.journal.saveBackup(record.id, backupRegFile(plan.changes));
      steps.push({ step: 'backup', ok: true });
      for (const c of order) {
        attempted++;
        await this.write(c, c.after);
        record = await this.saveRecord(record, { written: attempted });
      }
      steps.push({ step: 'write', ok: true });
      const readBack = await this.readCurrent(plan.changes);
      const wrong = plan.changes.filter((c, i) => !sameValue(readBack[i], c.after));
      if (wrong.length > 0) {
        steps.push({ step: 'verify', ok: false });
        throw new ExproxyError(
          'apply-failed',
          `The new value of ${wrong[0]!.name} did not read back as written.`,
        );
      }
      steps.push({ step: 'verify', ok: true });
      record = await this.saveRecord(record, { state: 'applied' });
      steps.push({ step: 'record', ok: true });
      return {
        ...base,
        status: 'applied',
        changeId: record.id,
        reason: null,
        backupPath,
        restartOutlook: plan.restartOutlook,
        restartWindows: plan.restartWindows,
      };
    } catch (e) {
      if (!steps.some((s) => s.step === 'backup')) steps.push({ step: 'backup', ok: false });
      else if (!steps.some((s) => s.step === 'write')) steps.push({ step: 'write', ok: false });
      const declined = e instanceof ExproxyError && e.kind === 'elevation-declined';
      const stuck = await this.restore(order.slice(0, attempted)).catch((err: unknown) => String(err));
      const state: ChangeState = stuck ? 'needs-attention' : 'failed-rolled-back';
      const reason = e instanceof Error ? e.message : String(e);
      await this.saveRecord(record, {
        state,
        message: stuck ? `${reason}; could not restore: ${stuck}` : reason,
      });
      if (stuck) {
        throw new ExproxyError(
          'apply-failed',
          `${reason}. Restoring failed for ${stuck}; ${backupPath ? `import the backup ${backupPath}` : 'check these values by hand'}.`,
          {
            changeId: record.id,
          },
        );
      }
      return {
        ...base,
        status: declined ? 'elevation-declined' : 'failed-rolled-back',
        changeId: record.id,
        reason,
        backupPath,
      };
    }
  }

  async rollback(changeId: string): Promise<RollbackOutcome> {
    let record = await this.ports.journal.load(changeId);
    if (!record) throw new ExproxyError('usage', `No change with id ${changeId} in the journal.`);
    const base = { changeId, restartOutlook: record.restartOutlook, restartWindows: record.restartWindows };
    this.checkRecord(record);
    if (record.state !== 'applied') {
      throw new ExproxyError(
        'usage',
        `Change ${changeId} is ${record.state}; only an applied change can be undone.`,
      );
    }
    try {
      await this.ensureOutlookClosed(record.changes);
    } catch (e) {
      if (e instanceof ExproxyError) return { ...base, status: 'blocked', reason: e.message };
      throw e;
    }
    const current = await this.readCurrent(record.changes);
    const foreign = record.changes.filter(
      (c, i) => !sameValue(current[i], c.after) && !sameValue(current[i], c.before),
    );
    if (foreign.length > 0) {
      return {
        ...base,
        status: 'blocked',
        reason: `${foreign[0]!.name} was changed by something else after this fix; leaving it alone.`,
      };
    }
    record = await this.saveRecord(record, { state: 'rolling-back' });
    try {
      const stuck = await this.restore(record.changes);
      if (stuck) throw new ExproxyError('apply-failed', `Could not restore ${stuck}.`);
    } catch (e) {
      // Part-way: put back what this rollback changed, so the change stays whole and applied.
      // If even that fails, the record stays `rolling-back` and recover() finishes the undo.
      const declined = e instanceof ExproxyError && e.kind === 'elevation-declined';
      const reason = e instanceof Error ? e.message : String(e);
      const whole = await this.putBack(record.changes, current).catch(() => false);
      await this.saveRecord(record, {
        state: whole ? 'applied' : 'rolling-back',
        message: whole
          ? `undo failed, nothing was changed: ${reason}`
          : `undo interrupted (${reason}); it is finished at the next start`,
      });
      return { ...base, status: declined && whole ? 'elevation-declined' : 'failed', reason };
    }
    try {
      await this.saveRecord(record, { state: 'rolled-back' });
    } catch (e) {
      // Every value is back; only the record says `rolling-back`, which recover() completes.
      const why = e instanceof Error ? e.message : String(e);
      return { ...base, status: 'rolled-back', reason: `the journal could not be updated (${why})` };
    }
    return { ...base, status: 'rolled-back', reason: null };
  }

  /** Last change that can be undone, for `rollback --last`. */
  async lastApplied(): Promise<ChangeRecord | null> {
    return (await this.ports.journal.list()).find((r) => r.state === 'applied') ?? null;
  }

  /**
   * After a crash: any change left `pending` or `rolling-back` is brought back to its prior
   * state (values already back are left alone). Returns the ids it recovered.
   */
  async recover(): Promise<string[]> {
    const recovered: string[] = [];
    for (const record of await this.ports.journal.list()) {
      if (record.state !== 'pending' && record.state !== 'rolling-back') continue;
      try {
        this.checkRecord(record);
      } catch (e) {
        await this.saveRecord(record, { state: 'needs-attention', message: (e as Error).message });
        recovered.push(record.id);
        continue;
      }
      const stuck = await this.restore(record.changes);
      await this.saveRecord(record, {
        state: stuck ? 'needs-attention' : record.state === 'pending' ? 'failed-rolled-back' : 'rolled-back',
        message: stuck ? `could not restore ${stuck}` : 'restored after an interrupted run',
      });
      recovered.push(record.id);
    }
    return recovered;
  }
}
