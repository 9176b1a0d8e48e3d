/**
 * A process killed (SIGKILL) while it writes the simulated hive leaves the old or the new
 * file, never a torn one: the writes go to a temp file that is flushed and renamed into place.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../../core/registry/allowlist';
import {
  applyRegFileToTree,
  parseRegFile,
  regFileFromTree,
  REGEDIT5_FORMAT,
  writeRegFile,
} from '../../core/registry/reg-file';
import { RegTree } from '../../core/registry/reg-tree';
import { ROOT } from '../../test-support/cli-runner';
import { copySample, tempDir } from '../../test-support/sample-machines';
import { SimulatedMachine } from './simulated-machine';

let bundleDir: string;
let child: string;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  bundleDir = mkdtempSync(join(ROOT, 'dist', '.hive-kill-'));
  child = join(bundleDir, 'hive-writer.cjs');
  await build({
    entryPoints: [join(ROOT, 'electron', 'test-support', 'hive-writer.child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

/** A hive of a few MB (so each rewrite takes a while) and its complete states. */
async function bigHive(): Promise<{ hive: string; without: Buffer; withEntry: Buffer; deleted: Buffer }> {
  const s = copySample('xp-outlook2003-basic');
  const tree = new RegTree();
  applyRegFileToTree(parseRegFile(new Uint8Array(s.originalBytes)), tree);
  for (let i = 0; i < 14; i++) {
    tree.setValue('HKEY_CURRENT_USER\\Software\\Padding', `blob${i}`, {
      type: 'REG_BINARY',
      data: new Uint8Array(24 * 1024).map((_, j) => (i * 31 + j) & 0xff),
    });
  }
  const hive = join(tempDir(), 'registry.reg');
  const without = Buffer.from(writeRegFile(regFileFromTree(tree, REGEDIT5_FORMAT)));
  writeFileSync(hive, without);
  // The entry as the simulated machine writes it (a patch of the file): a new RunOnce block.
  // Deleted by the same process, the block goes again (`without`); deleted by a later process
  // (the next child after a kill), the now empty key stays, as in Windows: a third state.
  const machine = SimulatedMachine.load({ hive });
  await machine.registry.setValue(RUN_ONCE_KEY, RESUME_VALUE_NAME, { type: 'REG_SZ', data: 'resume' });
  const withEntry = readFileSync(hive);
  await machine.registry.deleteValue(RUN_ONCE_KEY, RESUME_VALUE_NAME);
  expect(readFileSync(hive).equals(without)).toBe(true);
  writeFileSync(hive, withEntry);
  await SimulatedMachine.load({ hive }).registry.deleteValue(RUN_ONCE_KEY, RESUME_VALUE_NAME);
  const deleted = readFileSync(hive);
  writeFileSync(hive, without);
  return { hive, without, withEntry, deleted };
}

function runAndKill(hive: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, hive], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.stdout.once('data', () => setTimeout(() => p.kill('SIGKILL'), delayMs));
    p.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

describe('the simulated hive under SIGKILL', () => {
  it('is always the old or the new file, never truncated (many kills)', async () => {
    const { hive, without, withEntry, deleted } = await bigHive();
    expect(without.length).toBeGreaterThan(1_500_000);
    const seen = { without: 0, withEntry: 0, deleted: 0 };
    const kills = 24;
    for (let i = 0; i < kills; i++) {
      await runAndKill(hive, (i * 37) % 400);
      const now = readFileSync(hive);
      expect(() => parseRegFile(new Uint8Array(now), hive)).not.toThrow();
      if (now.equals(without)) seen.without++;
      else if (now.equals(withEntry)) seen.withEntry++;
      else if (now.equals(deleted)) seen.deleted++;
      else expect.fail(`kill ${i}: the hive is neither the old nor the new content (${now.length} bytes)`);
    }
    console.log(
      `hive kills: ${kills} (left: original ${seen.without}, with the entry ${seen.withEntry}, entry deleted ${seen.deleted})`,
    );
    expect(seen.withEntry + seen.deleted).toBeGreaterThan(0);
  }, 120_000);
});
