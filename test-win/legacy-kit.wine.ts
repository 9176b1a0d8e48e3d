/**
 * The legacy-PC kit with Wine's real cmd.exe and reg.exe (scripts/test-wine.sh runs it): a
 * Windows XP + Outlook 2003 PC is seeded with reg import, collect.cmd collects it, the folder
 * is diagnosed, a kit is made from the plan, fix.cmd and undo.cmd run, and the real registry
 * is compared with reg export. Also: Outlook running, no way to list programs, a failing
 * check, and profiles with hostile names. Wine's own registry state is put back afterwards.
 *
 * Outlook "runs" as a copy of Wine's cmd.exe named OUTLOOK.EXE, waiting on its input: Wine's
 * tasklist.exe is a stub that lists nothing, so collect.cmd and fix.cmd see it through wmic,
 * their second way to list programs (Windows XP Professional to 10 use tasklist).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SimulatedMachine } from '../electron/adapters/simulated/simulated-machine';
import { CHECK_SCRATCH } from '../electron/core/legacy-kit/kit-roots';
import { LSA_KEY } from '../electron/core/registry/allowlist';
import {
  applyRegFileToTree,
  parseRegFile,
  writeRegFile,
  type RegKeyEntry,
} from '../electron/core/registry/reg-file';
import { RegTree } from '../electron/core/registry/reg-tree';
import { collectionItems } from '../electron/core/legacy-kit/collection-items';
import { SCAN_REQUESTS, scanMachine } from '../electron/core/diagnosis/scan';
import {
  assertExit,
  CMD,
  diagnoseFolder,
  kitFor,
  OFFICE16_USER,
  runScript,
  sampleFile,
  WineRegistryState,
  WMS,
  writeCollectScript,
  writeFiles,
} from './legacy-kit-harness';
import {
  assertSameSubtree,
  exportKey,
  keyExists,
  keysUnder,
  removeScratch,
  SAMPLE_DIR,
  SCRATCH,
  valueQuery,
} from './wine-harness';

const PROFILES = `${WMS}\\Profiles`;
const SECTION = `${PROFILES}\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a`;
const AUTH = '00036627';
const TIMEOUT = { timeout: 180_000 };
/** Folders with spaces and characters cmd.exe acts on: the scripts must not care. */
const TOOLS = join(SCRATCH, 'usb stick & tools (x)');
const HOSTILE = ['He said "hi"', 'A & B | C', '100% %USERNAME% (x)', 'Outlook – Zoë 日本', 'br [x] ]'];

/**
 * A folder the system refuses writes to (scripts/test-wine.sh: chattr +i), with links to files
 * in `<folder>.src` that the tests write: Wine, run as root here, cannot make one itself.
 */
function readOnlyMedium(): string | null {
  const ro = process.env.EXPROXY_WINE_READONLY_DIR;
  return ro ? `Z:${ro.replace(/\//g, '\\')}` : null;
}
const NO_READ_ONLY = 'no read-only folder here (chattr +i was not permitted)';
const READ_ONLY_ENTRIES = [
  'check',
  'collect.cmd',
  'fix-machine.reg',
  'fix-user.reg',
  'fix.cmd',
  'undo-machine.reg',
  'undo-user.reg',
  'undo.cmd',
];

const wine = new WineRegistryState();
const xp = sampleFile('xp-outlook2003-basic');
let collectScript = '';

function treeOf(bytes: Buffer): RegTree {
  const tree = new RegTree();
  applyRegFileToTree(parseRegFile(new Uint8Array(bytes)), tree);
  return tree;
}

function actionable(findings: ReadonlyArray<{ severity: string; fixes: readonly string[] }>) {
  return findings.filter((f) => f.fixes.length > 0 || f.severity !== 'info');
}

/** Copies of a profile's keys under other profile names (and the values they hold). */
function profileCopies(file: typeof xp, root: string, from: string, names: readonly string[]): RegKeyEntry[] {
  const source = keysUnder(file, `${root}\\${from}`);
  return names.flatMap((name) =>
    source.map((k) => ({ ...k, path: `${root}\\${name}${k.path.slice(`${root}\\${from}`.length)}` })),
  );
}

async function collect(out: string) {
  const run = await runScript(collectScript, [`"${out}"`]);
  assertExit(run, 0, 'collect.cmd');
  return run;
}

describe('legacy-PC kit under Wine (cmd.exe, reg.exe)', () => {
  before(async () => {
    await wine.save();
    collectScript = writeCollectScript(TOOLS);
  });

  after(async () => {
    try {
      await wine.restore();
    } finally {
      removeScratch();
    }
  });

  test(
    'collect.cmd exports what the scan reads, never asks, and the folder diagnoses like the PC',
    TIMEOUT,
    async () => {
      await wine.seed(xp);
      const out = join(SCRATCH, 'collected xp');
      const run = await collect(out);
      assert.match(run.out, /Done\. The collection is in/);
      // A second run into the same folder replaces its files without a prompt (XP's reg export has no /y).
      await collect(out);
      const exported = readdirSync(out).sort();
      for (const item of collectionItems(SCAN_REQUESTS).filter((i) => !i.redirected || i.mode === 'list'))
        assert.ok(exported.includes(item.file) || !(await keyExists(item.key)), `${item.file} collected`);
      // Byte for byte what reg export writes for the profiles.
      const profiles = readFileSync(
        join(out, 'hkcu-currentversion-windows-messaging-subsystem-profiles.reg'),
      );
      assert.ok(
        profiles.equals((await exportKey(PROFILES))!.bytes),
        'profiles export as reg export writes it',
      );

      const { pc, report } = await diagnoseFolder(out);
      assert.deepEqual(pc.missing, []);
      assert.equal(pc.collectedFrom.computer, process.env.COMPUTERNAME);
      assert.equal(pc.collectedFrom.account, process.env.USERNAME);
      assert.equal(pc.facts?.outlook, 'closed');
      assert.equal(pc.facts?.processList, 'wmic');
      const sample = SimulatedMachine.load({ machine: SAMPLE_DIR });
      const expected = (await scanMachine(sample.registry, sample.system)).report;
      assert.deepEqual(
        { machine: report.machine, profiles: report.profiles, lsa: report.lsa, findings: report.findings },
        {
          machine: expected.machine,
          profiles: expected.profiles,
          lsa: expected.lsa,
          findings: expected.findings,
        },
      );
      assert.deepEqual(
        report.findings.map((f) => f.id),
        ['proxy-auth-basic', 'lm-response-sent'],
      );
    },
  );

  test(
    'collect.cmd /server runs the server reads that exist here and records the rest',
    TIMEOUT,
    async () => {
      const out = join(SCRATCH, 'collected server');
      assertExit(await runScript(collectScript, [`"${out}"`, '/server']), 0, 'collect.cmd /server');
      const { pc } = await diagnoseFolder(out);
      assert.equal(pc.facts?.serverMode, true);
      assert.deepEqual(
        pc.facts?.serverItems.map((i) => `${i.kind} ${i.status}`),
        [
          'appcmd absent',
          'appcmd absent',
          'adsutil absent',
          'adsutil absent',
          'wevtutil ok', // Wine's wevtutil.exe is a stub: an empty answer
          'eventquery skipped',
          'eventquery skipped',
        ],
      );
      assert.deepEqual(await pc.iis.read(), []);
    },
  );

  test('collect.cmd without a folder makes COMPUTERNAME-date-time beside itself', TIMEOUT, async () => {
    const before = new Set(readdirSync(TOOLS));
    const run = await runScript(collectScript);
    assertExit(run, 0, 'collect.cmd');
    const made = readdirSync(TOOLS).filter((n) => !before.has(n));
    assert.equal(made.length, 1, `one new folder: ${made.join(', ')}`);
    assert.match(made[0]!, new RegExp(`^${process.env.COMPUTERNAME}-\\d+-\\d+$`));
    assert.ok(existsSync(join(TOOLS, made[0]!, 'facts.txt')));
  });

  test('collect.cmd takes another name when its folder name is already taken', TIMEOUT, async () => {
    const probe = join(SCRATCH, 'now.cmd');
    writeFileSync(probe, '@echo %DATE%^|%TIME%\r\n');
    const digits = (s: string) => s.replace(/\D/g, '');
    for (let attempt = 1; ; attempt++) {
      const [date = '', time = ''] = (await runScript(probe)).out.trim().split('|');
      const name = `${process.env.COMPUTERNAME}-${digits(date)}-${digits(time.replace(/ /g, '0')).slice(0, 6)}`;
      rmSync(join(TOOLS, name), { recursive: true, force: true }); // the test before may have made it
      writeFileSync(join(TOOLS, name), 'a file in the way');
      const run = await runScript(collectScript);
      assertExit(run, 0, 'collect.cmd');
      const folder = /Folder: "([^"]+)"/.exec(run.out)?.[1] ?? '';
      if (!folder.startsWith(join(TOOLS, name)) && attempt < 3) continue; // the minute turned over
      assert.match(folder, new RegExp(`\\\\${name}-\\d+$`), run.out);
      assert.ok(existsSync(join(folder, 'facts.txt')));
      break;
    }
  });

  test('collect.cmd on a read-only medium writes its folder in %TEMP%', TIMEOUT, async (t) => {
    const medium = readOnlyMedium();
    if (!medium) return t.skip(NO_READ_ONLY);
    writeFileSync(`${medium}.src\\collect.cmd`, readFileSync(collectScript));
    const run = await runScript(`${medium}\\collect.cmd`);
    assertExit(run, 0, 'collect.cmd on a read-only medium');
    const folder = /Folder: "([^"]+)"/.exec(run.out)?.[1] ?? '';
    assert.ok(folder.toLowerCase().startsWith(`${process.env.TEMP!.toLowerCase()}\\`), run.out);
    assert.ok(existsSync(join(folder, 'facts.txt')));
    for (const e of readdirSync(medium)) assert.ok(READ_ONLY_ENTRIES.includes(e), `${e} added to the medium`);
  });

  let kitDir = '';
  let seededProfiles: Buffer;
  let seededLsa: Buffer;

  test(
    'fix.cmd /quiet: NTLM and level 3, every other byte unchanged, after\\ diagnoses clean',
    TIMEOUT,
    async () => {
      await wine.seed(xp);
      seededProfiles = (await exportKey(PROFILES))!.bytes;
      seededLsa = (await exportKey(LSA_KEY))!.bytes;
      const collected = join(SCRATCH, 'collected for kit');
      await collect(collected);
      const kit = await kitFor(collected, ['proxy-auth-ntlm', 'lmcompat-3']);
      kitDir = join(SCRATCH, 'kit for XP & co (1)');
      writeFiles(kitDir, kit.files);

      const run = await runScript(join(kitDir, 'fix.cmd'), ['/quiet']);
      assertExit(run, 0, 'fix.cmd /quiet');
      assert.match(run.out, /Restart Windows/);

      const profiles = (await exportKey(PROFILES))!;
      assert.deepEqual(profiles.tree.getValue(SECTION, AUTH), {
        type: 'REG_BINARY',
        data: new Uint8Array([2, 0, 0, 0]),
      });
      assertSameSubtree(profiles.tree, treeOf(seededProfiles), PROFILES, [`${SECTION}\\${AUTH}`]);
      const lsa = (await exportKey(LSA_KEY))!;
      assert.ok(lsa.text.includes('"LmCompatibilityLevel"=dword:00000003'));
      assert.equal(
        lsa.text.replace('"LmCompatibilityLevel"=dword:00000003\r\n', ''),
        seededLsa.subarray(2).toString('utf16le'),
        'nothing else in the LSA key changed',
      );
      assert.equal(await keyExists(CHECK_SCRATCH), false, 'the check scratch key is gone');
      const backups = readdirSync(join(kitDir, 'backup'));
      assert.equal(backups.length, 1);
      assert.deepEqual(readdirSync(join(kitDir, 'backup', backups[0]!)).sort(), [
        'lsa.reg',
        'profiles-wms.reg',
      ]);
      assert.ok(
        readFileSync(join(kitDir, 'backup', backups[0]!, 'profiles-wms.reg')).equals(seededProfiles),
        'the backup is the profiles as they were',
      );

      const { report } = await diagnoseFolder(join(kitDir, 'after'));
      assert.deepEqual(actionable(report.findings), []);
      assert.equal(report.lsa.lmCompatibilityLevel, 3);

      const again = await runScript(join(kitDir, 'fix.cmd'), ['/quiet']);
      assertExit(again, 0, 'fix.cmd a second time');
      assert.match(again.out, /Nothing to do: the fix is already in place/);
      const log = readFileSync(join(kitDir, 'kit-log.txt'), 'latin1').trim().split(/\r\n/);
      assert.equal(log.length, 2);
      for (const line of log) assert.match(line, /fix\.cmd exit 0 part "" user "[^"]+" computer "[^"]+"$/);
    },
  );

  test(
    'undo.cmd /quiet puts back the exact prior state: level absent, profiles byte-identical',
    TIMEOUT,
    async () => {
      assert.ok(kitDir, 'the fix test ran');
      const run = await runScript(join(kitDir, 'undo.cmd'), ['/quiet']);
      assertExit(run, 0, 'undo.cmd /quiet');
      assert.equal(
        (await valueQuery(LSA_KEY, 'LmCompatibilityLevel')).code,
        1,
        'LmCompatibilityLevel absent',
      );
      assert.ok((await exportKey(PROFILES))!.bytes.equals(seededProfiles), 'profiles as seeded');
      assert.ok((await exportKey(LSA_KEY))!.bytes.equals(seededLsa), 'LSA as seeded');
      const { report } = await diagnoseFolder(join(kitDir, 'after-undo'));
      assert.deepEqual(
        report.findings.map((f) => f.id),
        ['proxy-auth-basic', 'lm-response-sent'],
      );
    },
  );

  test(
    'Outlook running: collect.cmd says so, fix.cmd stops with exit 5 and changes nothing',
    TIMEOUT,
    async () => {
      assert.ok(kitDir, 'the fix test ran');
      await wine.seed(xp);
      const outlookExe = join(SCRATCH, 'OUTLOOK.EXE');
      copyFileSync(CMD, outlookExe);
      const outlook: ChildProcess = spawn(outlookExe, ['/d', '/k'], { stdio: ['pipe', 'ignore', 'ignore'] });
      try {
        await new Promise((r) => setTimeout(r, 1000));
        const out = join(SCRATCH, 'collected outlook open');
        await collect(out);
        assert.equal((await diagnoseFolder(out)).pc.facts?.outlook, 'running');
        const run = await runScript(join(kitDir, 'fix.cmd'), ['/quiet']);
        assertExit(run, 5, 'fix.cmd with Outlook open');
        assert.match(run.out, /Outlook is running/);
      } finally {
        outlook.kill();
      }
      assert.ok((await exportKey(PROFILES))!.bytes.equals(seededProfiles), 'profiles unchanged');
      assert.equal((await valueQuery(LSA_KEY, 'LmCompatibilityLevel')).code, 1, 'level still absent');
      // The machine part alone does not wait for Outlook (a GPO startup script runs before anyone logs on).
    },
  );

  test(
    'no way to list programs: fix.cmd asks, stops on no; /quiet goes on and says so',
    TIMEOUT,
    async () => {
      await wine.seed(xp);
      const wmic = join(process.env.SystemRoot ?? 'C:\\windows', 'System32', 'wbem', 'wmic.exe');
      renameSync(wmic, `${wmic}.hidden`);
      try {
        const asked = await runScript(join(kitDir, 'fix.cmd'), [], { input: 'n\r\n' });
        assertExit(asked, 5, 'fix.cmd answered no');
        assert.match(asked.out, /Cannot tell whether Outlook is running/);
        assert.equal((await valueQuery(LSA_KEY, 'LmCompatibilityLevel')).code, 1, 'nothing changed');
        const quiet = await runScript(join(kitDir, 'fix.cmd'), ['/quiet', '/machine']);
        assertExit(quiet, 0, 'fix.cmd /quiet /machine');
        assert.doesNotMatch(quiet.out, /Outlook is running|Cannot tell whether Outlook/, 'no Outlook check');
        const user = await runScript(join(kitDir, 'fix.cmd'), ['/user', '/quiet']);
        assertExit(user, 0, 'fix.cmd /user /quiet');
        assert.match(user.out, /\/quiet was given/);
      } finally {
        renameSync(`${wmic}.hidden`, wmic);
      }
      assert.equal((await exportKey(LSA_KEY))!.text.includes('"LmCompatibilityLevel"=dword:00000003'), true);
      const undo = await runScript(join(kitDir, 'undo.cmd'), ['/quiet']);
      assertExit(undo, 0, 'undo.cmd');
      assert.ok((await exportKey(PROFILES))!.bytes.equals(seededProfiles), 'profiles as seeded');
    },
  );

  test('a failing check: the undo files are imported and fix.cmd exits 6', TIMEOUT, async () => {
    await wine.seed(xp);
    const collected = join(SCRATCH, 'collected failing');
    await collect(collected);
    const dir = join(SCRATCH, 'kit failing check');
    writeFiles(dir, (await kitFor(collected, ['proxy-auth-ntlm', 'lmcompat-3'])).files);
    // The expected profile value no longer matches what fix-user.reg writes.
    const checkFile = join(dir, 'check', 'user-after.reg');
    const expected = parseRegFile(new Uint8Array(readFileSync(checkFile)));
    expected.keys[0]!.values[0] = {
      ...expected.keys[0]!.values[0]!,
      value: { type: 'REG_BINARY', data: new Uint8Array([3, 0, 0, 0]) },
    };
    writeFileSync(checkFile, writeRegFile(expected));

    const run = await runScript(join(dir, 'fix.cmd'), ['/quiet']);
    assertExit(run, 6, 'fix.cmd with a failing check');
    assert.match(run.out, /The previous values are back/);
    assert.ok((await exportKey(PROFILES))!.bytes.equals(seededProfiles), 'profiles as seeded');
    assert.ok(
      (await exportKey(LSA_KEY))!.bytes.equals(seededLsa),
      'LSA as seeded (the computer part was undone too)',
    );
    assert.equal(await keyExists(CHECK_SCRATCH), false);
  });

  test(
    'a kit on a read-only share (SYSVOL): backups, work files and after\\ go to %TEMP%',
    TIMEOUT,
    async (t) => {
      const medium = readOnlyMedium();
      if (!medium) return t.skip(NO_READ_ONLY);
      await wine.seed(xp);
      const collected = join(SCRATCH, 'collected for the share');
      await collect(collected);
      const kit = await kitFor(collected, ['proxy-auth-ntlm', 'lmcompat-3']);
      writeFiles(
        `${medium}.src`,
        kit.files.filter((f) => f.path.endsWith('.cmd') || f.path.endsWith('.reg')),
      );
      const data = join(process.env.TEMP!, 'ExchangeProxyWizardKit');
      rmSync(data, { recursive: true, force: true });

      const machine = await runScript(`${medium}\\fix.cmd`, ['/machine', '/quiet']);
      assertExit(machine, 0, 'fix.cmd /machine /quiet from a read-only folder');
      assert.match(machine.out, new RegExp(`Backup: "${data.replace(/\\/g, '\\\\')}\\\\backup\\\\`, 'i'));
      const user = await runScript(`${medium}\\fix.cmd`, ['/user', '/quiet']);
      assertExit(user, 0, 'fix.cmd /user /quiet from a read-only folder');
      for (const e of readdirSync(medium))
        assert.ok(READ_ONLY_ENTRIES.includes(e), `${e} added to the share`);
      assert.equal(readdirSync(join(data, 'backup')).length, 2);
      assert.deepEqual(actionable((await diagnoseFolder(join(data, 'after'))).report.findings), []);
      assert.match(
        readFileSync(join(data, 'kit-log.txt'), 'latin1'),
        /fix\.cmd exit 0 part "machine"[\s\S]*fix\.cmd exit 0 part "user"/,
      );

      assertExit(await runScript(`${medium}\\undo.cmd`, ['/quiet']), 0, 'undo.cmd from a read-only folder');
      assert.ok((await exportKey(PROFILES))!.bytes.equals(seededProfiles), 'profiles as seeded');
      assert.equal((await valueQuery(LSA_KEY, 'LmCompatibilityLevel')).code, 1);
      rmSync(data, { recursive: true, force: true });
    },
  );

  test('hostile profile names: collected, fixed and undone, never in a command line', TIMEOUT, async () => {
    const win10 = sampleFile('win10-outlook2016-two-accounts');
    const root = `${OFFICE16_USER}\\Outlook\\Profiles`;
    await wine.seed(win10, profileCopies(win10, root, 'Outlook', HOSTILE));
    const seeded = (await exportKey(root))!;
    const collected = join(SCRATCH, 'collected win10');
    await collect(collected);
    const { report } = await diagnoseFolder(collected);
    for (const name of HOSTILE)
      assert.ok(
        report.profiles.some((p) => p.name === name),
        `${name} was read`,
      );

    const kit = await kitFor(collected, ['proxy-auth-ntlm']);
    const dir = join(SCRATCH, 'kit win10 & hostile');
    writeFiles(dir, kit.files);
    for (const script of ['fix.cmd', 'undo.cmd'])
      for (const name of HOSTILE)
        assert.ok(!readFileSync(join(dir, script), 'latin1').includes(name), `${script} ${name}`);
    const changed = kit.manifest.values.map((v) => `${v.path}\\${v.name}`);
    assert.ok(changed.length >= HOSTILE.length + 1, `${changed.length} values`);

    assertExit(await runScript(join(dir, 'fix.cmd'), ['/quiet']), 0, 'fix.cmd /quiet');
    const fixed = (await exportKey(root))!;
    for (const v of kit.manifest.values) {
      const got = fixed.tree.getValue(v.path, v.name);
      assert.ok(got?.type === 'REG_BINARY' && got.data[0] === 2, `${v.path} is NTLM`);
    }
    assertSameSubtree(fixed.tree, seeded.tree, root, changed);
    const { report: afterReport } = await diagnoseFolder(join(dir, 'after'));
    assert.deepEqual(
      afterReport.findings.filter((f) => f.id === 'proxy-auth-basic'),
      [],
    );

    assertExit(await runScript(join(dir, 'undo.cmd'), ['/quiet']), 0, 'undo.cmd /quiet');
    assert.ok((await exportKey(root))!.bytes.equals(seeded.bytes), 'profiles as seeded');
  });
});
