/**
 * Writes the renderer's sample-report fixtures: the real diagnosis of sample machines, as
 * `exproxy diagnose --json --no-network` prints it, so the wizard's tests see exactly what the
 * core says about those PCs. Run after a core change that alters a report:
 *
 *   node scripts/build.mjs --only cli --quiet
 *   node renderer/src/test/sample-reports/make-sample-reports.mjs
 *   npx prettier --write renderer/src/test/sample-reports
 *
 * Each machine is diagnosed on a throwaway copy; `after-lmcompat-3` is the same PC diagnosed again
 * after `exproxy apply lmcompat-3` there. The time of the scan is fixed so the files only change
 * when the diagnosis does; `autodiscover` (the CLI's extra) is left out: the wizard derives it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'exproxy.js');
const SCANNED_AT = '2026-01-01T00:00:00.000Z';

const MACHINES = [
  'win10-m365-c2r-leftover-wms',
  'win10-outlook2016-two-accounts',
  'xp-lsa-only-export',
  'xp-outlook2003-hkcu-only',
  'xp-outlook2003-hku-export',
  'xp-outlook2003-lm-string',
  'xp-outlook2003-always-prompt',
  'xp-outlook2003-causes',
  'win10-outlook2016-cloud',
  'win7-outlook2013-policies',
  'win10-outlook2016-saved-credentials',
  'xp-outlook2003-fixed',
];
/** Diagnosed again after these fixes were applied. */
const AFTER = {
  'xp-outlook2003-lm-string': ['lmcompat-3'],
  'xp-outlook2003-always-prompt': ['prompt-always-off'],
};

function exproxy(args) {
  try {
    return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  } catch (e) {
    // diagnose exits 10 (findings) or 11 (incomplete) with a good report on stdout.
    if (e.status === 10 || e.status === 11) return e.stdout;
    throw e;
  }
}

function diagnose(machine) {
  const { autodiscover: _unused, ...report } = JSON.parse(
    exproxy(['diagnose', '--machine', machine, '--json', '--no-network']),
  );
  return { ...report, scannedAt: SCANNED_AT };
}

function save(name, report) {
  writeFileSync(join(HERE, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
}

for (const id of MACHINES) {
  const tmp = mkdtempSync(join(tmpdir(), 'exproxy-sample-report-'));
  try {
    const machine = join(tmp, 'machine');
    cpSync(join(ROOT, 'assets', 'machines', id), machine, { recursive: true });
    save(id, diagnose(machine));
    const fixes = AFTER[id];
    if (fixes) {
      exproxy(['apply', ...fixes, '--machine', machine, '--yes', '--state', join(tmp, 'state')]);
      save(`${id}.after-${fixes.join('-')}`, diagnose(machine));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
