/**
 * The regedit adapter (the npm `regedit` package's .wsf scripts, run by the System32
 * cscript.exe, reading through WMI) against a real Windows registry. Wine has no .wsf engine
 * and no WMI registry provider, so only the Windows release workflow runs this
 * (.github/workflows/windows-release.yml, bundled by `node scripts/build-wine-tests.mjs --windows`).
 *
 * reg.exe is the reference: the suite seeds the HKCU part of the sample XP + Outlook 2003
 * machine and a key with every value type regedit reports, then checks that regedit reads what
 * reg.exe exports, that a diagnosis through regedit equals one through reg.exe, and that a
 * profile write through regedit is what reg.exe reads back. Everything it seeds is removed.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { execFileRunner } from '../electron/adapters/windows/process-runner';
import { RegExeRegistry } from '../electron/adapters/windows/reg-exe-registry';
import { RegeditRegistry } from '../electron/adapters/windows/regedit-registry';
import { CscriptRegeditApi, findRegeditScripts } from '../electron/adapters/windows/regedit-scripts';
import { system32Path, windowsRoot } from '../electron/adapters/windows/system-root';
import type { DiagnosisReport } from '../electron/core/diagnosis/diagnosis-report';
import { scanMachine } from '../electron/core/diagnosis/scan';
import { shortKeyPath } from '../electron/core/registry/key-path';
import { parseRegFile, type RegValueEntry } from '../electron/core/registry/reg-file';
import type { RegValue } from '../electron/core/registry/reg-value';
import {
  assertSameSubtree,
  exportKey,
  highestMissingAncestor,
  importRegFile,
  keysUnder,
  reg,
  regFile,
  regOk,
  removeScratch,
  REG_EXE,
  SAMPLE_DIR,
  SCRATCH,
  seededSystem,
} from './wine-harness';

const WMS = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem';
const PROFILES = `${WMS}\\Profiles`;
const SECTION = `${PROFILES}\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a`;
const AUTH = '00036627';
const TEST_ROOT = `HKEY_CURRENT_USER\\Software\\Exproxy Windows Test\\${randomUUID().slice(0, 8)}`;
const TIMEOUT = { timeout: 300_000 };

const root = windowsRoot();
const scriptsDir = findRegeditScripts(undefined);
const regedit = new RegeditRegistry(
  new CscriptRegeditApi(execFileRunner, {
    cscript: root === undefined ? undefined : system32Path(root, 'cscript.exe'),
    scriptsDir,
  }),
);
const regExe = new RegExeRegistry(execFileRunner, { tempDir: SCRATCH, regExe: REG_EXE });

const sampleFile = parseRegFile(
  new Uint8Array(readFileSync(join(SAMPLE_DIR, 'registry.reg'))),
  'registry.reg',
);

const bytes = (...b: number[]): RegValue => ({ type: 'REG_BINARY', data: new Uint8Array(b) });
/** Every value type the product reads through regedit, with awkward cases (all bits set, empty, non-ASCII). */
const VALUES: RegValueEntry[] = [
  ['text', { type: 'REG_SZ', data: 'mail.contoso.com' }],
  ['empty', { type: 'REG_SZ', data: '' }],
  ['wide', { type: 'REG_SZ', data: 'Zoë – 日本' }],
  // No %variables%: WMI may expand them, reg.exe does not.
  ['expand', { type: 'REG_EXPAND_SZ', data: 'C:\\Exproxy\\plain' }],
  ['multi', { type: 'REG_MULTI_SZ', data: ['mail.contoso.com', 'owa.contoso.com'] }],
  ['dword', { type: 'REG_DWORD', data: 3 }],
  ['dword-max', { type: 'REG_DWORD', data: 0xffffffff }],
  ['qword', { type: 'REG_QWORD', data: 1234567890123n }],
  ['binary', bytes(0x23, 0, 0, 0)],
].map(([name, value]) => ({ name: name as string, value: value as RegValue, line: 0 }));

/** Set once the original state is recorded: only then may `after` delete and restore anything. */
let recorded = false;
let createdWms: string | null = null;
let wmsBefore: Buffer | null = null;
let seededProfiles: Buffer;

function machineFacts(report: DiagnosisReport) {
  const { machine, profiles, lsa, findings } = report;
  return { machine, profiles, lsa, findings };
}

describe('regedit adapter on a real Windows registry (cscript + WMI)', () => {
  before(async () => {
    assert.ok(root, 'SystemRoot is set');
    assert.ok(scriptsDir, 'the regedit scripts are in node_modules/regedit/vbs');
    wmsBefore = (await exportKey(WMS))?.bytes ?? null;
    createdWms = await highestMissingAncestor(WMS);
    recorded = true;
    await importRegFile(
      regFile([
        { path: WMS, deleteKey: true, line: 0, values: [] },
        ...keysUnder(sampleFile, WMS),
        { path: TEST_ROOT, deleteKey: false, line: 0, values: VALUES },
        {
          path: `${TEST_ROOT}\\Büro "Alt" & <Test>\\Level 2`,
          deleteKey: false,
          line: 0,
          values: VALUES.slice(0, 2),
        },
      ]),
    );
    seededProfiles = (await exportKey(PROFILES))!.bytes;
  });

  after(async () => {
    try {
      if (!recorded) return;
      await reg(['delete', shortKeyPath(TEST_ROOT.slice(0, TEST_ROOT.lastIndexOf('\\'))), '/f']);
      await reg(['delete', shortKeyPath(createdWms ?? WMS), '/f']);
      if (wmsBefore) {
        const file = join(SCRATCH, 'wms-before.reg');
        writeFileSync(file, wmsBefore);
        await regOk(['import', file]);
      }
    } finally {
      removeScratch();
    }
  });

  test('probe: cscript runs the scripts and reads HKCU\\Software', TIMEOUT, async () => {
    await regedit.probe();
  });

  test('reads every key and value type exactly as reg.exe exports them', TIMEOUT, async () => {
    const tree = await regedit.readSubtrees([{ path: TEST_ROOT }]);
    assertSameSubtree(tree, (await exportKey(TEST_ROOT))!.tree, TEST_ROOT);
  });

  test('reads the seeded Outlook profiles exactly as reg.exe does', TIMEOUT, async () => {
    const viaRegedit = await regedit.readSubtrees([{ path: PROFILES }]);
    const viaRegExe = await regExe.readSubtrees([{ path: PROFILES }]);
    assertSameSubtree(viaRegedit, viaRegExe, PROFILES);
  });

  test('a diagnosis through regedit equals one through reg.exe', TIMEOUT, async () => {
    const a = await scanMachine(regedit, seededSystem);
    const b = await scanMachine(regExe, seededSystem);
    assert.equal(a.report.adapter, 'regedit');
    assert.deepEqual(machineFacts(a.report), machineFacts(b.report));
    assert.ok(a.report.findings.some((f) => f.id === 'proxy-auth-basic'));
  });

  test('missing keys read as absent', TIMEOUT, async () => {
    const tree = await regedit.readSubtrees([
      { path: `${TEST_ROOT}\\No such key` },
      { path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\99.0', view: '32' },
    ]);
    assert.equal(tree.hasKey(`${TEST_ROOT}\\No such key`), false);
    assert.equal(tree.hasKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\99.0'), false);
  });

  test(
    'a profile write through regedit is what reg.exe reads back, and back again byte for byte',
    TIMEOUT,
    async () => {
      await regedit.setValue(SECTION, AUTH, bytes(2, 0, 0, 0));
      const changed = (await exportKey(PROFILES))!;
      assert.deepEqual(changed.tree.getValue(SECTION, AUTH), bytes(2, 0, 0, 0));
      assertSameSubtree(changed.tree, await regExe.readSubtrees([{ path: PROFILES }]), PROFILES);
      await regedit.setValue(SECTION, AUTH, bytes(1, 0, 0, 0));
      assert.ok((await exportKey(PROFILES))!.bytes.equals(seededProfiles), 'profiles export unchanged');
    },
  );
});
