/**
 * The reg.exe adapter against a real Windows registry: Wine's, through Wine's reg.exe, from a
 * Windows node.exe (scripts/test-wine.sh builds and runs this; see
 * ../shared/reference/windows-tests-on-linux.md for the recipe and Wine's quirks).
 *
 * The sample XP + Outlook 2003 machine (assets/machines/xp-outlook2003-basic) is seeded with
 * `reg import`: its Outlook profiles, Office 11.0 InstallRoot, `Windows NT\CurrentVersion`
 * values and LSA keys. Then, through the adapter and the core: diagnose, apply KB820281,
 * verify, roll back, and the awkward cases (hostile profile names, views, missing keys).
 * Wine's own values are put back afterwards.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SimulatedMachine } from '../electron/adapters/simulated/simulated-machine';
import { JournalFileStore } from '../electron/adapters/node/journal-file-store';
import { PowerShellElevatedWriter } from '../electron/adapters/windows/elevated-writer';
import {
  ProgramNotFoundError,
  type ProcessResult,
  type ProcessRunner,
  type RunOptions,
} from '../electron/adapters/windows/process-runner';
import { RegExeRegistry } from '../electron/adapters/windows/reg-exe-registry';
import { windowsRoot } from '../electron/adapters/windows/system-root';
import { runningUnderWine } from '../electron/adapters/windows/wine-detect';
import { elevatedCall } from '../electron/test-support/windows-fakes';
import type { DiagnosisReport } from '../electron/core/diagnosis/diagnosis-report';
import { SCAN_REQUESTS, scanMachine } from '../electron/core/diagnosis/scan';
import { ExproxyError } from '../electron/core/errors';
import { FixEngine } from '../electron/core/fixes/fix-engine';
import { planFixes } from '../electron/core/fixes/fix-planner';
import { WINDOWS_VERSION_KEY } from '../electron/core/lsa/os-info';
import { findInstalledOutlook } from '../electron/core/outlook/outlook-install';
import { OFFICE_KEY } from '../electron/core/outlook/profile-locations';
import { LSA_KEY, MSV1_0_KEY, RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../electron/core/registry/allowlist';
import { shortKeyPath } from '../electron/core/registry/key-path';
import {
  parseRegFile,
  type RegFile,
  type RegKeyEntry,
  type RegValueEntry,
} from '../electron/core/registry/reg-file';
import type { RegTree } from '../electron/core/registry/reg-tree';
import { describeRegValue, regValuesEqual, type RegValue } from '../electron/core/registry/reg-value';
import { copySample } from '../electron/test-support/sample-machines';
import {
  assertSameSubtree,
  CountingRunner,
  exactValuesEntry,
  exportedBinaryLine,
  exportKey,
  type Exported,
  highestMissingAncestor,
  importRegFile,
  keyExists,
  keysUnder,
  keyValues,
  processStats,
  spawnRetries,
  REG_EXE,
  regFile,
  regOk,
  removeScratch,
  SAMPLE_DIR,
  SCRATCH,
  seededSystem,
  valueQuery,
} from './wine-harness';

const WMS = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem';
const PROFILES = `${WMS}\\Profiles`;
const EXCHANGE_SECTION = '13dbb0c8aa05101a9bb000aa002fc45a';
const SECTION = `${PROFILES}\\Outlook\\${EXCHANGE_SECTION}`;
const OFFICE11 = `${OFFICE_KEY}\\11.0`;
const AUTH = '00036627';
/** Keys whose values (not subkeys) the seed makes exactly the sample's. */
const VALUE_KEYS = [WINDOWS_VERSION_KEY, LSA_KEY, MSV1_0_KEY];
/** Subtrees the seed replaces wholesale. */
const SUBTREES = [WMS, OFFICE11];

const TIMEOUT = { timeout: 120_000 };

const sampleFile: RegFile = parseRegFile(
  new Uint8Array(readFileSync(join(SAMPLE_DIR, 'registry.reg'))),
  'registry.reg',
);
const sampleMachine = SimulatedMachine.load({ machine: SAMPLE_DIR });

function sampleKey(path: string): RegKeyEntry {
  const k = sampleFile.keys.find((e) => e.path.toLowerCase() === path.toLowerCase());
  assert.ok(k, `the sample has ${path}`);
  return k;
}

const runner = new CountingRunner();
const registry = new RegExeRegistry(runner, { tempDir: SCRATCH, regExe: REG_EXE });

/**
 * Wine has no UAC and its powershell.exe is a stub: this runner plays PowerShell's part of the
 * elevation script (decode it, start its `$program` with its `$parameters`, split as Windows
 * splits them), so the exact reg.exe command the UAC prompt would run is run by Wine's own
 * reg.exe, after exactly the validation the real writer does.
 */
class WinePowerShell implements ProcessRunner {
  elevations = 0;
  async run(file: string, args: readonly string[], opts?: RunOptions): Promise<ProcessResult> {
    assert.match(file, /\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe$/i);
    const { program, parameters } = elevatedCall(args);
    this.elevations++;
    const r = await runner.run(
      program,
      parameters.split(' ').map((a) => (a === '""' ? '' : a)),
      opts,
    );
    return { code: r.code, stdout: Buffer.from(`exproxy-elevation: exit ${r.code}\r\n`), stderr: r.stderr };
  }
}
const winePowerShell = new WinePowerShell();
const elevated = new PowerShellElevatedWriter(winePowerShell, registry, windowsRoot());
const journal = new JournalFileStore(join(SCRATCH, 'state'));
const engine = new FixEngine({ registry, elevated, system: seededSystem, journal });

/** What a report says about the machine, without when and through what it was read. */
function machineFacts(report: DiagnosisReport) {
  const { machine, profiles, lsa, findings } = report;
  return { machine, profiles, lsa, findings };
}

function actionable(report: DiagnosisReport) {
  return report.findings.filter((f) => f.fixes.length > 0 || f.severity !== 'info');
}

function valueOf(tree: RegTree, path: string, name: string): RegValue | undefined {
  return tree.getValue(path, name);
}

function assertValues(actual: RegTree, path: string, expected: readonly RegValueEntry[]): void {
  const key = actual.getKey(path);
  assert.ok(key, `${path} was read`);
  assert.deepEqual(
    key
      .valueNames()
      .map((n) => n.toLowerCase())
      .sort(),
    expected.map((v) => v.name.toLowerCase()).sort(),
    `value names of ${path}`,
  );
  for (const v of expected) {
    const got = key.value(v.name);
    assert.ok(
      got && v.value && regValuesEqual(got, v.value),
      `${path}\\${v.name}: ${describeRegValue(got ?? null)}`,
    );
  }
}

// Wine's own state of everything the seed touches, put back in `after`.
const original = new Map<string, RegValueEntry[]>();
const createdByUs: string[] = [];
let scanProcesses = 0;
let seededProfilesExport: Buffer;
let seedFile: RegFile;
/** Values the tests write that the seed must remove again (besides Wine's own extras). */
const WRITTEN_BY_TESTS: RegValueEntry[] = ['LmCompatibilityLevel', 'BackConnectionHostNames'].map((name) => ({
  name,
  value: null,
  line: 0,
}));

/**
 * (Re)imports the sample: each test that changes things starts from it, so one failure
 * does not cascade into the next test.
 */
function seed(): Promise<void> {
  return importRegFile(seedFile);
}

describe('reg.exe adapter on a real registry (Wine)', () => {
  before(async () => {
    for (const path of VALUE_KEYS) original.set(path, (await keyValues(path)) ?? []);
    for (const root of SUBTREES) createdByUs.push((await highestMissingAncestor(root)) ?? root);
    seedFile = regFile([
      ...SUBTREES.flatMap((root) => [
        { path: root, deleteKey: true, line: 0, values: [] },
        ...keysUnder(sampleFile, root),
      ]),
      ...VALUE_KEYS.map((path) =>
        exactValuesEntry(path, sampleKey(path).values, [...original.get(path)!, ...WRITTEN_BY_TESTS]),
      ),
      // Wine would run a left-over RunOnce entry at its next boot.
      {
        path: RUN_ONCE_KEY,
        deleteKey: false,
        line: 0,
        values: [{ name: RESUME_VALUE_NAME, value: null, line: 0 }],
      },
    ]);
    await seed();
    seededProfilesExport = (await exportKey(PROFILES))!.bytes;
  });

  after(async () => {
    try {
      const keys: RegKeyEntry[] = createdByUs.map((path) => ({ path, deleteKey: true, line: 0, values: [] }));
      for (const path of VALUE_KEYS) {
        keys.push(exactValuesEntry(path, original.get(path) ?? [], (await keyValues(path)) ?? []));
      }
      await importRegFile(regFile(keys));
    } finally {
      removeScratch();
      const { count, ms } = processStats;
      console.log(
        `reg.exe processes: ${count}, ${Math.round(ms)} ms in all, ${Math.round(ms / count)} ms each` +
          `, Wine process starts retried: ${spawnRetries.count}`,
      );
    }
  });

  test('probe: reg.exe answers; a reg.exe that is not there is "not found"', TIMEOUT, async () => {
    await registry.probe();
    const missing = new RegExeRegistry(runner, {
      tempDir: SCRATCH,
      regExe: join(SCRATCH, 'no-such-dir', 'reg.exe'),
    });
    await assert.rejects(missing.probe(), ProgramNotFoundError);
    // Under Wine the adapter reads one export at a time (wine-detect.ts says why); on the
    // Windows release runner, which runs this suite too, it reads four at a time.
    assert.equal(runningUnderWine(), process.env.EXPROXY_UNDER_WINE === '1', 'Wine is recognised as Wine');
  });

  test('missing keys read as absent, alone or next to present ones, in both views', TIMEOUT, async () => {
    await seed();
    const nowhere = `${PROFILES}\\No such profile\\${EXCHANGE_SECTION}`;
    const tree = await registry.readSubtrees([
      { path: 'HKEY_CURRENT_USER\\Software\\Exproxy Wine Test\\Missing' },
      { path: nowhere },
      { path: `${OFFICE_KEY}\\99.0`, view: '32' },
      { path: `${OFFICE_KEY}\\99.0`, view: '64' },
      { path: SECTION, recursive: false },
    ]);
    assert.equal(tree.hasKey('HKEY_CURRENT_USER\\Software\\Exproxy Wine Test'), false);
    assert.equal(tree.hasKey(nowhere), false);
    assert.equal(tree.hasKey(`${OFFICE_KEY}\\99.0`), false);
    assert.equal(tree.hasKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\99.0'), false);
    assertValues(tree, SECTION, sampleKey(SECTION).values);

    // Deleting what is not there is success, and creates nothing.
    await registry.deleteValue(nowhere, AUTH);
    assert.equal(await keyExists(`${PROFILES}\\No such profile`), false);
    await elevated.deleteValue(LSA_KEY, 'LmCompatibilityLevel');
    assert.equal((await valueQuery(LSA_KEY, 'LmCompatibilityLevel')).code, 1);
  });

  test('reads back every seeded key and value exactly as imported', TIMEOUT, async () => {
    await seed();
    const tree = await registry.readSubtrees(SCAN_REQUESTS);
    assertSameSubtree(tree, sampleMachine.tree, PROFILES);
    assertSameSubtree(tree, sampleMachine.tree, OFFICE11);
    for (const path of VALUE_KEYS) assertValues(tree, path, sampleKey(path).values);
  });

  test(
    'diagnosis through reg.exe equals the simulated machine’s, one process per request',
    TIMEOUT,
    async () => {
      await seed();
      const before = runner.calls.length;
      const wine = await scanMachine(registry, seededSystem);
      scanProcesses = runner.calls.length - before;
      // One process per request the scan made: the first batch, then the install keys CurVer names.
      assert.equal(scanProcesses, wine.requests.length);
      assert.ok(runner.calls.slice(before).every((c) => c.file === REG_EXE && c.args[0] === 'export'));

      const simulated = await scanMachine(sampleMachine.registry, sampleMachine.system);
      assert.equal(wine.report.adapter, 'reg.exe');
      assert.deepEqual(machineFacts(wine.report), machineFacts(simulated.report));
      // The KB820281 situation, as the sample describes it.
      assert.equal(wine.report.machine.os.family, 'xp-2000');
      assert.deepEqual(
        wine.report.machine.outlook.map((o) => o.version),
        ['11.0'],
      );
      assert.ok(
        wine.report.findings.some((f) => f.id === 'proxy-auth-basic' && f.fixes.includes('proxy-auth-ntlm')),
      );
      assert.equal(wine.report.lsa.lmCompatibilityLevel, null);
    },
  );

  let changeId = '';
  let lsaBefore: Exported;

  test(
    'applies KB820281 (proxy-auth-ntlm + lmcompat-3): re-scan, reg query and reg export agree',
    TIMEOUT,
    async () => {
      await seed();
      lsaBefore = (await exportKey(LSA_KEY))!;
      const profilesBefore = (await exportKey(PROFILES))!;
      const { report, tree } = await scanMachine(registry, seededSystem);
      const plan = planFixes(report, tree, { fixes: ['proxy-auth-ntlm', 'lmcompat-3'] });
      assert.deepEqual(
        plan.changes.map((c) => [c.path, c.name, c.before, c.after, c.elevated]),
        [
          [
            SECTION,
            AUTH,
            { type: 'REG_BINARY', hex: '01000000' },
            { type: 'REG_BINARY', hex: '02000000' },
            false,
          ],
          [LSA_KEY, 'LmCompatibilityLevel', null, { type: 'REG_DWORD', data: 3 }, true],
        ],
      );

      const elevatedBefore = winePowerShell.elevations;
      const outcome = await engine.apply(plan);
      assert.equal(outcome.status, 'applied', outcome.reason ?? '');
      assert.deepEqual(
        outcome.steps.map((s) => [s.step, s.ok]),
        [
          ['journal', true],
          ['backup', true],
          ['write', true],
          ['verify', true],
          ['record', true],
        ],
      );
      assert.equal(outcome.restartOutlook, true);
      assert.equal(outcome.restartWindows, true);
      assert.equal(
        winePowerShell.elevations - elevatedBefore,
        1,
        'the HKLM value went through the elevated writer',
      );
      changeId = outcome.changeId!;
      assert.equal((await journal.load(changeId))?.state, 'applied');

      // Re-scan: nothing left to fix, and the same as the simulated machine after the same plan.
      const rescan = await scanMachine(registry, seededSystem);
      assert.deepEqual(actionable(rescan.report), []);
      const sample = copySample('xp-outlook2003-basic');
      try {
        const sim = SimulatedMachine.load({ machine: sample.dir });
        const simScan = await scanMachine(sim.registry, sim.system);
        const simEngine = new FixEngine({
          ...sim,
          journal: new JournalFileStore(join(SCRATCH, 'sim-state')),
        });
        assert.equal(
          (
            await simEngine.apply(
              planFixes(simScan.report, simScan.tree, { fixes: ['proxy-auth-ntlm', 'lmcompat-3'] }),
            )
          ).status,
          'applied',
        );
        const simAfter = await scanMachine(sim.registry, sim.system);
        assert.deepEqual(machineFacts(rescan.report), machineFacts(simAfter.report));
      } finally {
        rmSync(dirname(sample.dir), { recursive: true, force: true });
      }

      // reg query (its own text format, not ours) shows the new data.
      const q1 = await regOk(['query', shortKeyPath(SECTION), '/v', AUTH]);
      assert.match(q1.stdout.toString('latin1'), /00036627\s+REG_BINARY\s+02000000\b/);
      const q2 = await regOk(['query', shortKeyPath(LSA_KEY), '/v', 'LmCompatibilityLevel']);
      assert.match(q2.stdout.toString('latin1'), /LmCompatibilityLevel\s+REG_DWORD\s+0x3\b/i);

      // reg export shows the exact bytes; every other value of every profile is unchanged.
      const profilesAfter = (await exportKey(PROFILES))!;
      assert.ok(profilesAfter.text.includes(exportedBinaryLine(AUTH, [2, 0, 0, 0])));
      assert.ok(!profilesAfter.text.includes(exportedBinaryLine(AUTH, [1, 0, 0, 0])));
      assert.deepEqual(valueOf(profilesAfter.tree, SECTION, AUTH), {
        type: 'REG_BINARY',
        data: new Uint8Array([2, 0, 0, 0]),
      });
      assertSameSubtree(profilesAfter.tree, profilesBefore.tree, PROFILES, [`${SECTION}\\${AUTH}`]);
      const lsaAfter = (await exportKey(LSA_KEY))!;
      assert.ok(lsaAfter.text.includes('"LmCompatibilityLevel"=dword:00000003'));
      assertSameSubtree(lsaAfter.tree, lsaBefore.tree, LSA_KEY, [`${LSA_KEY}\\LmCompatibilityLevel`]);
    },
  );

  test('rollback restores the exact prior state, LmCompatibilityLevel absent again', TIMEOUT, async () => {
    assert.ok(changeId, 'the apply test ran');
    const rb = await engine.rollback(changeId);
    assert.equal(rb.status, 'rolled-back', rb.reason ?? '');
    assert.equal((await journal.load(changeId))?.state, 'rolled-back');
    assert.equal((await valueQuery(LSA_KEY, 'LmCompatibilityLevel')).code, 1);
    // Byte for byte what reg export wrote before the change.
    assert.ok((await exportKey(PROFILES))!.bytes.equals(seededProfilesExport), 'profiles export unchanged');
    assert.ok((await exportKey(LSA_KEY))!.bytes.equals(lsaBefore.bytes), 'LSA export unchanged');
    const again = await scanMachine(registry, seededSystem);
    assert.deepEqual(
      machineFacts(again.report),
      machineFacts((await scanMachine(sampleMachine.registry, sampleMachine.system)).report),
    );
  });

  test('the backup .reg the engine saved puts everything back with reg import', TIMEOUT, async () => {
    await seed();
    const lsaSeeded = (await exportKey(LSA_KEY))!.bytes;
    const { report, tree } = await scanMachine(registry, seededSystem);
    const outcome = await engine.apply(planFixes(report, tree, { fixes: ['proxy-auth-ntlm', 'lmcompat-3'] }));
    assert.equal(outcome.status, 'applied', outcome.reason ?? '');
    assert.ok(outcome.backupPath, 'a backup file was saved');
    assert.ok(!(await exportKey(PROFILES))!.bytes.equals(seededProfilesExport), 'the profile changed');
    assert.equal((await valueQuery(LSA_KEY, 'LmCompatibilityLevel')).code, 0);
    await regOk(['import', outcome.backupPath]);
    assert.equal((await valueQuery(LSA_KEY, 'LmCompatibilityLevel')).code, 1);
    assert.ok((await exportKey(PROFILES))!.bytes.equals(seededProfilesExport), 'profiles export unchanged');
    assert.ok((await exportKey(LSA_KEY))!.bytes.equals(lsaSeeded), 'LSA export unchanged');
    // The engine sees that the values are already back.
    assert.equal((await engine.rollback(outcome.changeId!)).status, 'rolled-back');
  });

  test('hostile profile names survive read, apply and rollback', TIMEOUT, async () => {
    await seed();
    const HOSTILE = [
      'He said "hi"',
      'A & B | C',
      '100% %USERNAME% !PATH!',
      ' lead and trail ',
      'Outlook – Zoë 日本',
      'br [x] ]',
      "caret^ <in> (paren); semi, 'q'",
      'Post 📮 box',
    ];
    /** This one stores the auth scheme as a REG_DWORD, which must stay a REG_DWORD. */
    const AS_DWORD = 'A & B | C';
    const source = keysUnder(sampleFile, `${PROFILES}\\Outlook`);
    const keys: RegKeyEntry[] = HOSTILE.flatMap((name) =>
      source.map((k) => ({
        ...k,
        path: `${PROFILES}\\${name}${k.path.slice(`${PROFILES}\\Outlook`.length)}`,
        values: k.values.map((v) =>
          name === AS_DWORD && v.name === AUTH ? { ...v, value: { type: 'REG_DWORD' as const, data: 1 } } : v,
        ),
      })),
    );
    await importRegFile(regFile(keys));
    try {
      const before = (await exportKey(PROFILES))!;
      const callsBefore = runner.calls.length;
      const { report, tree } = await scanMachine(registry, seededSystem);
      assert.equal(
        runner.calls.length - callsBefore,
        scanProcesses,
        'more profiles, same number of processes',
      );
      assert.deepEqual(report.profiles.map((p) => p.name).sort(), ['Outlook', ...HOSTILE].sort());
      const reference = report.profiles.find((p) => p.name === 'Outlook')!;
      for (const name of HOSTILE) {
        const p = report.profiles.find((x) => x.name === name)!;
        assert.equal(p.keyPath, `${PROFILES}\\${name}`);
        assert.equal(p.accounts.length, 1, name);
        assert.equal(p.accounts[0]!.sectionPath, `${PROFILES}\\${name}\\${EXCHANGE_SECTION}`);
        assert.deepEqual(
          { ...p.accounts[0]!, sectionPath: '' },
          { ...reference.accounts[0]!, sectionPath: '' },
          `${name} decodes like the original profile`,
        );
      }

      const plan = planFixes(report, tree, { fixes: ['proxy-auth-ntlm'] });
      assert.equal(plan.changes.length, HOSTILE.length + 1);
      const outcome = await engine.apply(plan);
      assert.equal(outcome.status, 'applied', outcome.reason ?? '');

      const applied = (await exportKey(PROFILES))!;
      for (const name of HOSTILE) {
        const section = `${PROFILES}\\${name}\\${EXCHANGE_SECTION}`;
        // Read back through the harness's own reg.exe call with the hostile name as an argument.
        const own = (await exportKey(section))!;
        const expected: RegValue =
          name === AS_DWORD
            ? { type: 'REG_DWORD', data: 2 }
            : { type: 'REG_BINARY', data: new Uint8Array([2, 0, 0, 0]) };
        assert.deepEqual(valueOf(own.tree, section, AUTH), expected, name);
        assert.deepEqual(valueOf(applied.tree, section, AUTH), expected, name);
        assert.ok(own.text.includes(`[${section}]\r\n`), `export names [${section}]`);
        assert.ok(
          own.text.includes(
            name === AS_DWORD ? `"${AUTH}"=dword:00000002` : exportedBinaryLine(AUTH, [2, 0, 0, 0]),
          ),
          name,
        );
      }
      assertSameSubtree(
        applied.tree,
        before.tree,
        PROFILES,
        ['Outlook', ...HOSTILE].map((n) => `${PROFILES}\\${n}\\${EXCHANGE_SECTION}\\${AUTH}`),
      );

      const rb = await engine.rollback(outcome.changeId!);
      assert.equal(rb.status, 'rolled-back', rb.reason ?? '');
      assert.ok(
        (await exportKey(PROFILES))!.bytes.equals(before.bytes),
        'profiles export unchanged after rollback',
      );
    } finally {
      for (const name of HOSTILE) await regOk(['delete', shortKeyPath(`${PROFILES}\\${name}`), '/f']);
    }
    assert.ok(
      (await exportKey(PROFILES))!.bytes.equals(seededProfilesExport),
      'hostile profiles removed again',
    );
  });

  test('registry views: /reg:32 reads WOW6432Node, /reg:64 the native view', TIMEOUT, async () => {
    await seed();
    const had32 = await keyExists(OFFICE_KEY, '32');
    const path32 = 'C:\\Program Files (x86)\\Microsoft Office\\OFFICE12\\';
    await regOk([
      'add',
      shortKeyPath(`${OFFICE_KEY}\\12.0\\Outlook\\InstallRoot`),
      '/v',
      'Path',
      '/t',
      'REG_SZ',
      '/d',
      path32,
      '/f',
      '/reg:32',
    ]);
    try {
      const tree = await registry.readSubtrees([
        { path: OFFICE_KEY, view: '64' },
        { path: OFFICE_KEY, view: '32' },
      ]);
      assert.deepEqual(
        valueOf(
          tree,
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\12.0\\Outlook\\InstallRoot',
          'Path',
        ),
        { type: 'REG_SZ', data: path32 },
      );
      assert.equal(tree.hasKey(`${OFFICE_KEY}\\12.0`), false, '12.0 is only in the 32-bit view');
      assert.equal(tree.hasKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\11.0'), false);
      assertSameSubtree(tree, sampleMachine.tree, OFFICE11);
      assert.deepEqual(
        findInstalledOutlook(tree).map((o) => [o.version, o.bitness, o.installPath]),
        // Outlook 2003 and 2007 were 32-bit only, whatever view their keys are in.
        [
          ['11.0', '32', 'C:\\Program Files\\Microsoft Office\\OFFICE11\\'],
          ['12.0', '32', path32],
        ],
      );
    } finally {
      await regOk(['delete', shortKeyPath(had32 ? `${OFFICE_KEY}\\12.0` : OFFICE_KEY), '/f', '/reg:32']);
    }
  });

  test(
    'reg add data: REG_MULTI_SZ, REG_DWORD extremes and REG_BINARY round-trip exactly',
    TIMEOUT,
    async () => {
      await seed();
      const hosts = ['mail.contoso.com', 'exch01.contoso.local', 'EXCH01'];
      await elevated.setValue(MSV1_0_KEY, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: hosts });
      try {
        const tree = await registry.readSubtrees([{ path: MSV1_0_KEY, recursive: false }]);
        assert.deepEqual(valueOf(tree, MSV1_0_KEY, 'BackConnectionHostNames'), {
          type: 'REG_MULTI_SZ',
          data: hosts,
        });
        const exported = (await exportKey(MSV1_0_KEY))!;
        assert.deepEqual(valueOf(exported.tree, MSV1_0_KEY, 'BackConnectionHostNames'), {
          type: 'REG_MULTI_SZ',
          data: hosts,
        });
        assert.match(exported.text, /"BackConnectionHostNames"=hex\(7\):6d,00,61,00/);
      } finally {
        await elevated.deleteValue(MSV1_0_KEY, 'BackConnectionHostNames');
      }
      assert.equal((await valueQuery(MSV1_0_KEY, 'BackConnectionHostNames')).code, 1);

      const cases: [RegValue, string][] = [
        [{ type: 'REG_DWORD', data: 0xffffffff }, `"${AUTH}"=dword:ffffffff`],
        [{ type: 'REG_DWORD', data: 0 }, `"${AUTH}"=dword:00000000`],
        [{ type: 'REG_DWORD', data: 0x80000002 }, `"${AUTH}"=dword:80000002`],
        [
          { type: 'REG_BINARY', data: new Uint8Array([0xff, 0x00, 0x10, 0xab]) },
          exportedBinaryLine(AUTH, [0xff, 0, 0x10, 0xab]),
        ],
      ];
      try {
        for (const [value, line] of cases) {
          await registry.setValue(SECTION, AUTH, value);
          const exported = (await exportKey(SECTION))!;
          assert.ok(exported.text.includes(line), `${line} in the export`);
          assert.deepEqual(valueOf(exported.tree, SECTION, AUTH), value);
          assert.deepEqual(valueOf(await registry.readSubtrees([{ path: SECTION }]), SECTION, AUTH), value);
        }
      } finally {
        await registry.setValue(
          SECTION,
          AUTH,
          sampleKey(SECTION).values.find((v) => v.name === AUTH)!.value!,
        );
      }
      assert.ok((await exportKey(PROFILES))!.bytes.equals(seededProfilesExport), 'profiles back as seeded');

      // Outside the allowlist nothing runs at all.
      const calls = runner.calls.length;
      await assert.rejects(
        registry.setValue(SECTION, '00036623', { type: 'REG_BINARY', data: new Uint8Array(4) }),
        (e: unknown) => e instanceof ExproxyError && e.kind === 'not-allowed',
      );
      await assert.rejects(
        elevated.setValue(SECTION, AUTH, { type: 'REG_BINARY', data: new Uint8Array(4) }),
        (e: unknown) => e instanceof ExproxyError && e.kind === 'not-allowed',
      );
      assert.equal(runner.calls.length, calls);
    },
  );

  test(
    'REG_SZ data with quotes, %, &, non-ASCII and a trailing backslash survives reg add',
    TIMEOUT,
    async () => {
      await seed();
      const texts = [
        '"C:\\Program Files\\Exchange Proxy Wizard\\Exchange Proxy Wizard.exe" --resume --profile "Outlook – Zoë 日本"',
        '100% %USERNAME% & ^caret | <in> !x! \\"quoted\\" tail\\',
        '',
      ];
      try {
        for (const data of texts) {
          await registry.setValue(RUN_ONCE_KEY, RESUME_VALUE_NAME, { type: 'REG_SZ', data });
          const read = await registry.readSubtrees([{ path: RUN_ONCE_KEY, recursive: false }]);
          assert.deepEqual(valueOf(read, RUN_ONCE_KEY, RESUME_VALUE_NAME), { type: 'REG_SZ', data });
          const own = (await exportKey(RUN_ONCE_KEY))!;
          const escaped = data.replace(/[\\"]/g, '\\$&');
          assert.ok(own.text.includes(`"${RESUME_VALUE_NAME}"="${escaped}"\r\n`), `export shows ${escaped}`);
        }
      } finally {
        await registry.deleteValue(RUN_ONCE_KEY, RESUME_VALUE_NAME);
      }
      assert.equal((await valueQuery(RUN_ONCE_KEY, RESUME_VALUE_NAME)).code, 1);
    },
  );
});
