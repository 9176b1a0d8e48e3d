import type { CredentialStorePort } from '../causes/credential-port';
import { ExproxyError } from '../errors';
import type { SystemPort } from '../machine/system-port';
import { asciiLower } from '../registry/ascii-case';
import { checkWriteAllowed } from '../registry/allowlist';
import type { ElevatedRegistryWriter } from '../registry/elevated-writer-port';
import type { RegistryPort, RegistryWriter, RegWrite } from '../registry/registry-port';
import { REGEDIT5_FORMAT, writeRegFile, type RegKeyEntry } from '../registry/reg-file';
import {
  deserializeRegValue,
  serializeRegValue,
  type RegValue,
  type SerializedRegValue,
} from '../registry/reg-value';
import type { ChangePlan, ChangeRecord, ChangeState, PlannedChange, RecordedRemoval } from './change-plan';
import type { JournalStore } from './journal-store';
import type { ApplyOutcome, RollbackOutcome, StepResult } from './outcome';
import { OUTLOOK_CLOSED_KINDS } from './outlook-closed';
import { checkRecord } from './record-check';
import { decideRecovery, sameValue, type RecoveryWrite } from './recovery-plan';
import type { RecoveryItem, RecoveryOptions, RecoveryReport } from './recovery-report';

export interface FixEnginePorts {
  readonly registry: RegistryPort;
  readonly elevated: ElevatedRegistryWriter;
  readonly system: SystemPort;
  readonly journal: JournalStore;
  /** The saved credentials, where the machine has a store (null: removals are refused). */
  readonly credentials?: CredentialStorePort | null;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

function defaultId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const rand = Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  return `${stamp}-${rand}`;
}

/** Elevated writes go first: a declined prompt then leaves nothing to undo. */
function executionOrder<T extends { change: PlannedChange }>(writes: readonly T[]): T[] {
  return [...writes.filter((w) => w.change.elevated), ...writes.filter((w) => !w.change.elevated)];
}

const toAfter = (changes: readonly PlannedChange[]) =>
  changes.map((change) => ({ change, target: change.after }));
const toBefore = (changes: readonly PlannedChange[]) =>
  changes.map((change) => ({ change, target: change.before }));

/** A .reg file that puts every value back as it was (`"v"=-` where it was absent). */
export function backupRegFile(changes: readonly PlannedChange[]): Uint8Array {
  const keys = new Map<string, RegKeyEntry>();
  for (const c of changes) {
    let key = keys.get(asciiLower(c.path));
    if (!key) {
      key = { path: c.path, deleteKey: false, line: 0, values: [] };
      keys.set(asciiLower(c.path), key);
    }
    key.values.push({ name: c.name, value: c.before ? deserializeRegValue(c.before) : null, line: 0 });
  }
  return writeRegFile({ format: REGEDIT5_FORMAT, keys: [...keys.values()] });
}

/**
 * plan → journal (durable before any write) → backup → write → read back and verify → record.
 * Any failure part-way restores what was written; rollback restores the recorded prior state.
 * The per-user writes of one change go to the registry as one batch, and the journal record is
 * written twice (before and after), so a change to a thousand profiles costs linear time.
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

  /** Elevated writes one by one (each is an administrator prompt), then the per-user ones as a batch. */
  private async writeAll(writes: readonly RecoveryWrite[]): Promise<void> {
    const ordered = executionOrder(writes);
    for (const w of ordered.filter((x) => x.change.elevated)) await this.writeOne(this.ports.elevated, w);
    const user = ordered.filter((x) => !x.change.elevated);
    if (user.length === 0) return;
    if (user.length > 1 && this.ports.registry.writeMany) {
      const batch: RegWrite[] = user.map(({ change: c, target }) => ({
        path: c.path,
        name: c.name,
        view: c.view,
        value: target ? deserializeRegValue(target) : null,
      }));
      await this.ports.registry.writeMany(batch);
      return;
    }
    for (const w of user) await this.writeOne(this.ports.registry, w);
  }

  private async writeOne(writer: RegistryWriter, { change: c, target }: RecoveryWrite): Promise<void> {
    if (target === null) await writer.deleteValue(c.path, c.name, c.view);
    else await writer.setValue(c.path, c.name, deserializeRegValue(target), c.view);
  }

  private async ensureOutlookClosed(changes: readonly PlannedChange[], removals = 0): Promise<void> {
    // Outlook rewrites its profile when it exits, which would undo or mangle our write, and
    // saves its cached sign-in again while it runs.
    const needed = removals > 0 || changes.some((c) => OUTLOOK_CLOSED_KINDS.has(c.kind));
    if (needed && (await this.ports.system.isOutlookRunning())) {
      throw new ExproxyError('blocked', 'Outlook is running. Close Outlook, then try again.');
    }
  }

  private credentialStore(): CredentialStorePort {
    const store = this.ports.credentials;
    if (!store)
      throw new ExproxyError(
        'blocked',
        'Saved sign-ins cannot be removed on this machine from here (no credential store); remove them in Credential Manager.',
      );
    return store;
  }

  /**
   * Deletes each saved credential, then lists the store again: gone is done (already gone too).
   * `gone` is updated as each one goes, so a failure part-way still knows what was removed.
   */
  private async removeCredentials(removals: RecordedRemoval[]): Promise<void> {
    const store = this.credentialStore();
    for (let i = 0; i < removals.length; i++) {
      const r = removals[i]!;
      await store.remove(r.targetName, r.type);
      removals[i] = { ...r, removed: true };
    }
    const left = await store.list();
    const still = removals.filter((r) =>
      left.some((c) => c.targetName === r.targetName && c.type === r.type),
    );
    if (still.length > 0)
      throw new ExproxyError(
        'apply-failed',
        `The saved sign-in ${still[0]!.targetName} is still listed after it was removed.`,
      );
  }

  /** After an interruption: which removals are known done, from the store as it is now. */
  private async removalsNow(removals: readonly RecordedRemoval[]): Promise<RecordedRemoval[]> {
    const store = this.ports.credentials;
    if (!store || removals.length === 0) return [...removals];
    const left = await store.list();
    return removals.map((r) => ({
      ...r,
      removed: !left.some((c) => c.targetName === r.targetName && c.type === r.type),
    }));
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
    await this.writeAll(
      toBefore(changes.filter((c, i) => sameValue(current[i], c.after) && !sameValue(current[i], c.before))),
    );
    return this.notAt(changes, 'before');
  }

  /** The values that do not hold `want` now, named; null when all do. */
  private async notAt(changes: readonly PlannedChange[], want: 'before' | 'after'): Promise<string | null> {
    const after = await this.readCurrent(changes);
    return (
      changes
        .map((c, i) =>
          sameValue(after[i], c[want])
            ? null
            : sameValue(after[i], want === 'before' ? c.after : c.before)
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
    await this.writeAll(
      changes
        .map((change, i) => ({ change, target: serialized(was[i]) }))
        .filter(({ target }, i) => !sameValue(now[i], target)),
    );
    const check = await this.readCurrent(changes);
    return changes.every((_c, i) => sameValue(check[i], serialized(was[i])));
  }

  async apply(plan: ChangePlan): Promise<ApplyOutcome> {
    const steps: StepResult[] = [];
    const planned = plan.removals ?? [];
    const removals: RecordedRemoval[] = planned.map((r) => ({
      targetName: r.targetName,
      type: r.type,
      userName: r.userName,
      removed: false,
    }));
    const base = {
      plan,
      steps,
      backupPath: null,
      restartOutlook: false,
      restartWindows: false,
      ...(removals.length > 0 && { removals }),
    };
    if (plan.changes.length === 0 && removals.length === 0)
      return { ...base, status: 'nothing-to-do', changeId: null, reason: null };
    for (const c of plan.changes) {
      checkWriteAllowed(c.path, c.name, c.after ? deserializeRegValue(c.after) : null);
      checkWriteAllowed(c.path, c.name, c.before ? deserializeRegValue(c.before) : null);
    }
    try {
      if (removals.length > 0) this.credentialStore();
      await this.ensureOutlookClosed(plan.changes, removals.length);
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
      ...(removals.length > 0 && { removals }),
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
    let backupPath: string | null = null;
    let writing = false;
    let removing = false;
    try {
      if (plan.changes.length > 0) {
        backupPath = await this.ports.journal.saveBackup(record.id, backupRegFile(plan.changes));
        steps.push({ step: 'backup', ok: true });
        writing = true;
        await this.writeAll(toAfter(plan.changes));
        steps.push({ step: 'write', ok: true });
        const wrong = await this.notAt(plan.changes, 'after');
        if (wrong) {
          steps.push({ step: 'verify', ok: false });
          throw new ExproxyError('apply-failed', `The new value of ${wrong} did not read back as written.`);
        }
        steps.push({ step: 'verify', ok: true });
      }
      if (removals.length > 0) {
        // Last: a registry write can still be put back if a removal fails; a removal cannot.
        removing = true;
        await this.removeCredentials(removals);
        steps.push({ step: 'remove', ok: true });
      }
      record = await this.saveRecord(record, {
        state: 'applied',
        written: plan.changes.length,
        ...(removals.length > 0 && { removals: [...removals] }),
      });
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
      if (removing) steps.push({ step: 'remove', ok: false });
      else if (plan.changes.length > 0 && !steps.some((s) => s.step === 'backup'))
        steps.push({ step: 'backup', ok: false });
      else if (plan.changes.length > 0 && !steps.some((s) => s.step === 'write'))
        steps.push({ step: 'write', ok: false });
      const declined = e instanceof ExproxyError && e.kind === 'elevation-declined';
      const stuck = writing ? await this.restore(plan.changes).catch((err: unknown) => String(err)) : null;
      const state: ChangeState = stuck ? 'needs-attention' : 'failed-rolled-back';
      const gone = removals.filter((r) => r.removed);
      const kept = gone.length > 0 ? `; ${removedNote(gone)}` : '';
      const reason = `${e instanceof Error ? e.message : String(e)}${kept}`;
      await this.saveRecord(record, {
        state,
        message: stuck ? `${reason}; could not restore: ${stuck}` : reason,
        ...(removals.length > 0 && { removals: [...removals] }),
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
    const gone = (record.removals ?? []).filter((r) => r.removed);
    const base = {
      changeId,
      restartOutlook: record.restartOutlook,
      restartWindows: record.restartWindows,
      ...(gone.length > 0 && { notUndone: gone }),
    };
    checkRecord(record);
    if (record.state !== 'applied') {
      throw new ExproxyError(
        'usage',
        `Change ${changeId} is ${record.state}; only an applied change can be undone.`,
      );
    }
    if (record.changes.length === 0)
      return {
        ...base,
        status: 'blocked',
        reason: `This change only removed saved sign-ins, which cannot be undone (${removedNote(gone)}).`,
      };
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
      // If even that fails, the record stays `rolling-back` and recovery finishes it.
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
      // Every value is back; only the record says `rolling-back`, which recovery completes.
      const why = e instanceof Error ? e.message : String(e);
      return { ...base, status: 'rolled-back', reason: `the journal could not be updated (${why})` };
    }
    return { ...base, status: 'rolled-back', reason: null };
  }

  /** Last change that can be undone, for `rollback --last` (one that only removed credentials cannot). */
  async lastApplied(): Promise<ChangeRecord | null> {
    return (
      (await this.ports.journal.list()).find((r) => r.state === 'applied' && r.changes.length > 0) ?? null
    );
  }

  /**
   * After a crash: every change left `pending` or `rolling-back` is made whole again (see
   * decideRecovery: never weakening the machine). Records that cannot be trusted are set aside
   * and reported, so they never block a later run. A recovery that needs administrator rights
   * happens only when `consent` agrees; otherwise it is reported as waiting.
   */
  async recover(options: RecoveryOptions = {}): Promise<RecoveryReport> {
    const report: { -readonly [K in keyof RecoveryReport]: RecoveryReport[K][number][] } = {
      recovered: [],
      setAside: [],
      awaitingConsent: [],
    };
    const { records, damaged } = await this.ports.journal.inspect();
    for (const d of damaged) {
      const file = await this.ports.journal.setAside(d, d.reason);
      report.setAside.push({ id: d.id, file, reason: `the record is damaged: ${d.reason}` });
    }
    for (const record of records) {
      if (record.state !== 'pending' && record.state !== 'rolling-back') continue;
      const file = `${record.id}.json`;
      try {
        checkRecord(record);
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        report.setAside.push({
          id: record.id,
          file: await this.ports.journal.setAside({ ...record, file }, reason),
          reason,
        });
        continue;
      }
      const decision = decideRecovery(record, await this.readCurrent(record.changes));
      if (decision.action === 'set-aside') {
        report.setAside.push({
          id: record.id,
          file: await this.ports.journal.setAside({ ...record, file }, decision.reason),
          reason: decision.reason,
        });
        continue;
      }
      const item: RecoveryItem = {
        id: record.id,
        direction: decision.direction,
        elevated: decision.elevated,
        writes: decision.writes.map((w) => ({ ...w.change, target: w.target })),
      };
      if (decision.elevated && !(await options.consent?.(item))) {
        report.awaitingConsent.push(item);
        continue;
      }
      await this.writeAll(decision.writes);
      const changed = decision.writes.map((w) => w.change);
      const check = await this.readCurrent(changed);
      const missed = decision.writes
        .filter((w, i) => !sameValue(check[i], w.target))
        .map((w) => `${w.change.path}\\${w.change.name}`);
      const state: ChangeState = missed.length > 0 ? 'needs-attention' : decision.state;
      // Removals are never redone or undone; the record says which are gone now.
      const removals = record.removals ? await this.removalsNow(record.removals) : null;
      const gone = removals?.filter((r) => r.removed) ?? [];
      const left = removals?.filter((r) => !r.removed) ?? [];
      const message =
        (missed.length > 0 ? `could not restore ${missed.join(', ')}` : decision.message) +
        (gone.length > 0 ? `; ${removedNote(gone)}` : '') +
        (left.length > 0 ? `; not removed: ${left.map((r) => r.targetName).join(', ')}` : '');
      await this.saveRecord(record, { state, message, ...(removals && { removals }) });
      report.recovered.push({ id: record.id, state, message });
    }
    return report;
  }
}

/** Said wherever a change's removals come up: they happened, and cannot be put back. */
function removedNote(gone: readonly RecordedRemoval[]): string {
  const names = gone.map((r) => r.targetName).join(', ');
  return `${gone.length === 1 ? 'the saved sign-in' : `${gone.length} saved sign-ins`} ${names} ${
    gone.length === 1 ? 'was' : 'were'
  } removed and cannot be put back`;
}

const serialized = (v: RegValue | undefined): SerializedRegValue | null =>
  v === undefined ? null : serializeRegValue(v);
