/**
 * A Click-to-Run Office on Wine's real registry: the bytes the reg.exe path reads, and the
 * processes it starts, do not grow when the Click-to-Run bubble grows (scripts/test-wine.sh runs
 * this; bench/ measures the same on the simulated reg.exe). The bubble's extra keys are
 * WINE_C2R_NOISE_MB (default 50) of COM classes and add-in settings, imported with `reg import`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nodeTempFileAccess, RegExeRegistry } from '../electron/adapters/windows/reg-exe-registry';
import { scanMachine } from '../electron/core/diagnosis/scan';
import { OUTLOOK_APPLICATION_KEY } from '../electron/core/outlook/install-probes';
import { OFFICE_KEY } from '../electron/core/outlook/profile-locations';
import { parseRegFile } from '../electron/core/registry/reg-file';
import { REGEDIT5_FORMAT, regFileFromTree, writeRegFile } from '../electron/core/registry/reg-file';
import { clickToRunMachine } from '../bench/lib/c2r-machine';
import {
  CountingRunner,
  highestMissingAncestor,
  importRegFile,
  keysUnder,
  regFile,
  regOk,
  REG_EXE,
  removeScratch,
  SCRATCH,
  seededSystem,
} from './wine-harness';
import { shortKeyPath } from '../electron/core/registry/key-path';

const C2R = `${OFFICE_KEY}\\ClickToRun`;
const NOISE_MB = Number(process.env.WINE_C2R_NOISE_MB ?? '50');
const TIMEOUT = { timeout: 600_000 };
const created: string[] = [];

/** The Click-to-Run keys of the bench machine with `noiseMb` of extra bubble keys, as a .reg file. */
function clickToRunKeys(noiseMb: number) {
  const { tree } = clickToRunMachine(noiseMb * 1024 * 1024);
  const file = parseRegFile(writeRegFile(regFileFromTree(tree, REGEDIT5_FORMAT)), 'c2r.reg');
  return regFile([...keysUnder(file, C2R), ...keysUnder(file, OUTLOOK_APPLICATION_KEY)]);
}

/** One diagnosis through reg.exe: processes, bytes of the exports it read (in all and per key), milliseconds. */
async function diagnosis() {
  const runner = new CountingRunner();
  let bytes = 0;
  const bytesByKey = new Map<string, number>();
  const registry = new RegExeRegistry(runner, {
    tempDir: SCRATCH,
    regExe: REG_EXE,
    files: {
      readFile: async (p) => {
        const b = await nodeTempFileAccess.readFile(p);
        bytes += b.length;
        // `reg export KEY FILE /y [/reg:NN]`: the export that wrote this file names its key.
        const call = runner.calls.find((c) => c.args[0] === 'export' && c.args[2] === p);
        const key = `${call?.args[1] ?? p} ${call?.args[4] ?? ''}`.trim();
        bytesByKey.set(key, (bytesByKey.get(key) ?? 0) + b.length);
        return b;
      },
      unlink: (p) => nodeTempFileAccess.unlink(p),
    },
  });
  const started = performance.now();
  const { report } = await scanMachine(registry, seededSystem);
  return { report, ms: performance.now() - started, processes: runner.calls.length, bytes, bytesByKey };
}

describe('Click-to-Run on a real registry (Wine)', () => {
  before(async () => {
    for (const root of [C2R, OUTLOOK_APPLICATION_KEY]) {
      const top = await highestMissingAncestor(root);
      assert.ok(top, `${root} already exists in this Wine prefix; not touching it`);
      created.push(top);
    }
    await importRegFile(clickToRunKeys(0));
  });

  after(async () => {
    try {
      for (const key of created) await regOk(['delete', shortKeyPath(key), '/f']);
    } finally {
      removeScratch();
    }
  });

  test(`reads the same bytes with ${NOISE_MB} MB more in the bubble`, TIMEOUT, async () => {
    const small = await diagnosis();
    assert.deepEqual(
      small.report.machine.outlook.map((o) => [o.version, o.bitness, o.installType]),
      [['16.0', '64', 'click-to-run']],
    );
    const importStarted = performance.now();
    await importRegFile(clickToRunKeys(NOISE_MB));
    const importMs = performance.now() - importStarted;
    const big = await diagnosis();
    assert.equal(big.processes, small.processes);
    // Every Office read is byte for byte what it was. Wine's own keys may move a little meanwhile
    // (a new prefix gains 1.3 KB in Windows NT\CurrentVersion on its second start, which the
    // runner now gets over with first), never by anything near the bubble's size.
    const office = (key: string) => /\\Software\\(WOW6432Node\\)?Microsoft\\Office\b/i.test(key);
    const keys = [...small.bytesByKey.keys()];
    assert.deepEqual([...big.bytesByKey.keys()], keys, 'the same exports');
    assert.ok(keys.some(office), 'the scan read the Office keys');
    for (const key of keys.filter(office))
      assert.equal(big.bytesByKey.get(key), small.bytesByKey.get(key), key);
    const moved = keys.filter((k) => big.bytesByKey.get(k) !== small.bytesByKey.get(k));
    assert.ok(
      Math.abs(big.bytes - small.bytes) < (NOISE_MB * 1024 * 1024) / 1000,
      `${big.bytes - small.bytes} bytes more (${moved.join(', ')}) with ${NOISE_MB} MB more in the bubble`,
    );
    if (moved.length > 0) console.log(`Wine changed these keys between the two reads: ${moved.join(', ')}`);
    assert.deepEqual(big.report.machine.outlook, small.report.machine.outlook);
    console.log(
      `click-to-run under Wine: ${small.processes} reg.exe processes, ${small.bytes} bytes read, ` +
        `${Math.round(small.ms)} ms; with ${NOISE_MB} MB more in the bubble (reg import ${Math.round(importMs)} ms): ` +
        `${big.processes} processes, ${big.bytes} bytes, ${Math.round(big.ms)} ms`,
    );
  });
});
