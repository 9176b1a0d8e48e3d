/**
 * Applying one fix to many profiles (issue 15: it used to rewrite the whole hive and the whole
 * journal record after every value, which is quadratic). On simulated Windows 10 machines with N
 * Outlook 2016 profiles of two accounts each (one on Basic), `proxy-auth-ntlm` changes N values.
 *
 *   node dist/bench/apply.cjs --sizes 10,100,1000 --dir <tmp>
 *
 * Counts what the growth claim rests on — hive file replacements and journal record writes per
 * apply — and times plan + apply + verify (median of a few rounds on fresh copies).
 * Prints one BENCH_RESULT line: { applyMs, hiveWrites, journalWrites, changes }.
 */
import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JournalFileStore } from '../electron/adapters/node/journal-file-store';
import { SimulatedMachine } from '../electron/adapters/simulated/simulated-machine';
import { scanMachine } from '../electron/core/diagnosis/scan';
import { FixEngine } from '../electron/core/fixes/fix-engine';
import type { JournalStore } from '../electron/core/fixes/journal-store';
import { planFixes } from '../electron/core/fixes/fix-planner';
import { REGEDIT5_FORMAT, regFileFromTree, writeRegFile } from '../electron/core/registry/reg-file';
import { outlook2016Machine } from './lib/outlook-machine';
import { arg, emit, median, round } from './lib/util';

const sizes = arg('sizes', '10,100,1000').split(',').map(Number);
const dir = arg('dir', '.');
const rounds = Number(arg('rounds', '3'));

/** Counts the journal's record writes (the other calls pass through). */
function counting(inner: JournalStore): JournalStore & { saves: number } {
  const c = Object.assign(Object.create(null) as JournalStore & { saves: number }, {
    saves: 0,
    save: async (r: Parameters<JournalStore['save']>[0]) => {
      c.saves++;
      return inner.save(r);
    },
    load: (id: string) => inner.load(id),
    inspect: () => inner.inspect(),
    list: () => inner.list(),
    setAside: (r: Parameters<JournalStore['setAside']>[0], why: string) => inner.setAside(r, why),
    saveBackup: (id: string, bytes: Uint8Array) => inner.saveBackup(id, bytes),
  });
  return c;
}

const applyMs: Record<number, number> = {};
const hiveWrites: Record<number, number> = {};
const journalWrites: Record<number, number> = {};
const changes: Record<number, number> = {};

async function main(): Promise<void> {
  for (const n of sizes) {
    const template = join(dir, `apply-${n}`);
    mkdirSync(template, { recursive: true });
    writeFileSync(
      join(template, 'registry.reg'),
      writeRegFile(regFileFromTree(outlook2016Machine(n), REGEDIT5_FORMAT)),
    );
    writeFileSync(join(template, 'machine.json'), '{"lmPolicy":{"managed":false}}');
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const copy = join(dir, `apply-${n}-${r}`);
      cpSync(template, copy, { recursive: true });
      const machine = SimulatedMachine.load({ machine: copy });
      const journal = counting(new JournalFileStore(join(copy, 'state')));
      const inode = () => statSync(join(copy, 'registry.reg')).ino;
      const inodes = new Set([inode()]);
      const registry = {
        ...machine.registry,
        writeMany: async (w: Parameters<NonNullable<typeof machine.registry.writeMany>>[0]) => {
          await machine.registry.writeMany!(w);
          inodes.add(inode());
        },
        setValue: async (...a: Parameters<typeof machine.registry.setValue>) => {
          await machine.registry.setValue(...a);
          inodes.add(inode());
        },
      };
      const engine = new FixEngine({ registry, elevated: machine.elevated, system: machine.system, journal });
      const t0 = performance.now();
      const { report, tree } = await scanMachine(machine.registry, machine.system);
      const plan = planFixes(report, tree, { fixes: ['proxy-auth-ntlm'] });
      const outcome = await engine.apply(plan);
      times.push(performance.now() - t0);
      if (outcome.status !== 'applied' || plan.changes.length !== n)
        throw new Error(
          `${n} profiles: expected ${n} changes applied, got ${plan.changes.length} ${outcome.status}`,
        );
      hiveWrites[n] = inodes.size - 1;
      journalWrites[n] = journal.saves;
      changes[n] = plan.changes.length;
      if (readdirSync(join(copy, 'state', 'journal')).length !== 1)
        throw new Error('expected one journal record');
    }
    applyMs[n] = round(median(times), 1);
  }

  emit({ applyMs, hiveWrites, journalWrites, changes });
}

void main();
