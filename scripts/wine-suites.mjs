// Runs the bundled Wine suites (dist/wine-tests/*.js) one file at a time in the Windows node.exe,
// each with its own time limit inside one budget for the whole run. scripts/test-wine.sh sets up
// Wine, node.exe and koffi, then hands over here with the suite files as arguments.
//
// A file that fails or hangs is reported with what it was doing (the test that had started, the
// first failed assertion, the Wine processes still alive), then run once more on a new Wine
// prefix: Wine itself now and then fails to start a process or its server crashes (seen here; see
// electron/adapters/windows/wine-detect.ts), and a half-run suite can leave the prefix seeded. A file that fails twice fails the run; one that
// passes the second time is counted as passed and named as flaky in every summary.
//
// Writes artifacts/wine-tests.log (every attempt's TAP, in order) and artifacts/wine-summary.json
// (totals and the lines scripts/test.mjs prints at the end of `npm test`).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';

const LOG = 'artifacts/wine-tests.log';
const SUMMARY = 'artifacts/wine-summary.json';
const ATTEMPTS_DIR = 'artifacts/wine';
const { WINE, WINESERVER, NODE_EXE, WINEPREFIX } = process.env;
const PREFIX_READY = `${WINEPREFIX}/.exproxy-prefix-ready`;
const FILE_LIMIT_S = Number(process.env.WINE_FILE_TIMEOUT_S ?? 300);
const BUDGET_S = Number(process.env.WINE_BUDGET_S ?? 600);
const CI = process.env.CI === 'true' || process.env.CI === '1';
const files = process.argv.slice(2);
// node.exe takes a reporter module by URL; Wine shows the Linux root as drive Z:.
const PROGRESS_REPORTER = `file:///Z:${resolve('scripts/wine-progress-reporter.mjs')}`;

const started = Date.now();
const secondsSince = (t) => (Date.now() - t) / 1000;
const budgetLeft = () => BUDGET_S - secondsSince(started);

mkdirSync(ATTEMPTS_DIR, { recursive: true });
const log = (text) => writeFileSync(LOG, `${text}\n`, { flag: 'a' });

/** Runs a Wine tool to completion with its output in the log (a file, never a pipe: see test-wine.sh). */
function wineTool(cmd, args) {
  const fd = openSync(LOG, 'a');
  try {
    return spawnSync(cmd, args, { stdio: ['ignore', fd, fd], timeout: 180_000 }).status === 0;
  } finally {
    closeSync(fd);
  }
}

/** Creates the prefix when it is new: node.exe refuses Windows before 8.1, so Wine reports Windows 10. */
function ensurePrefix() {
  // The folder first: `wineserver -p` for a folder that is not there fails, and the run would go
  // on with a server that quits whenever nothing runs.
  mkdirSync(WINEPREFIX, { recursive: true });
  wineTool(WINESERVER, ['-p']);
  if (existsSync(PREFIX_READY)) return 'warm';
  log(`creating the Wine prefix in ${WINEPREFIX}`);
  if (!wineTool(WINE, ['wineboot', '-i'])) return null;
  // The suites seed an XP `CurrentVersion`; HKCU\Software\Wine\Version takes precedence over it.
  const version = ['add', 'HKCU\\Software\\Wine', '/v', 'Version', '/t', 'REG_SZ', '/d', 'win10', '/f'];
  if (!wineTool(WINE, ['reg', ...version])) return null;
  // Wine finishes a new prefix on its second start (seen: 1.3 KB more under Windows NT\CurrentVersion):
  // start it once more now, so that does not happen in the middle of a test.
  wineTool(WINESERVER, ['-k']);
  wineTool(WINESERVER, ['-w']);
  wineTool(WINESERVER, ['-p']);
  if (!wineTool(WINE, ['reg', 'query', 'HKCU\\Software\\Wine', '/v', 'Version'])) return null;
  writeFileSync(PREFIX_READY, '');
  return 'fresh';
}

/** Stops every Wine process of the prefix and starts over on a new one. */
function renewPrefix() {
  wineTool(WINESERVER, ['-k']);
  wineTool(WINESERVER, ['-w']);
  rmSync(WINEPREFIX, { recursive: true, force: true });
  return ensurePrefix();
}

/** Wine's own background processes, started with every prefix: not what a suite left behind. */
const WINE_SERVICES =
  /\\system32\\(services|winedevice|explorer|plugplay|svchost|rpcss|conhost|tabtip|wineboot)\.exe/i;

/** This prefix's Wine processes still alive (for a report on a hang), as `pid seconds program args`. */
function wineProcesses() {
  const ps = spawnSync('ps', ['-eo', 'pid=,etimes=,args='], { encoding: 'utf8' });
  return (ps.stdout ?? '')
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m) => m && /\.exe\b/i.test(m[3]) && !WINE_SERVICES.test(m[3]) && !/<defunct>/.test(m[3]))
    .filter((m) => !/\bnode\.exe\b/i.test(m[3]) && inThisPrefix(m[1]))
    .map(([, pid, secs, args]) => `${pid} ${secs}s ${args.replace(/^\S*[\\/]/, '').slice(0, 90)}`);
}

/** Other Wine runs on the machine (another checkout's suite) are not ours to report. */
function inThisPrefix(pid) {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`WINEPREFIX=${WINEPREFIX}`);
  } catch {
    return false;
  }
}

/** Totals and the first trouble in one attempt's TAP. */
function readTap(tap) {
  const total = (name) => {
    const m = new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap);
    return m ? Number(m[1]) : null;
  };
  const notOk = [...tap.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((m) => m[1].trim());
  const errorAt = tap.search(/^\s*error: /m);
  const firstError =
    errorAt < 0
      ? null
      : tap
          .slice(errorAt)
          .split('\n')
          .slice(0, 3)
          .map((l) => l.trim().replace(/^error: \|-?$/, ''))
          .filter(Boolean)
          .join(' ')
          .slice(0, 200);
  const running = [...tap.matchAll(/^# running: (.*)$/gm)].map((m) => m[1].trim());
  return {
    pass: total('pass'),
    fail: total('fail'),
    cancelled: total('cancelled'),
    skipped: total('skipped'),
    notOk,
    firstError,
    lastStarted: running.at(-1) ?? null,
  };
}

/** One run of one suite file, killed with the whole prefix's processes when it overstays. */
function runOnce(file, attempt, limitS) {
  const tapPath = `${ATTEMPTS_DIR}/${basename(file, '.js')}.${attempt}.tap`;
  const fd = openSync(tapPath, 'w');
  const t0 = Date.now();
  return new Promise((done) => {
    const child = spawn(
      WINE,
      [
        NODE_EXE,
        '--enable-source-maps',
        '--test',
        '--test-force-exit',
        '--test-reporter=tap',
        '--test-reporter-destination=stdout',
        `--test-reporter=${PROGRESS_REPORTER}`,
        '--test-reporter-destination=stdout',
        file,
      ],
      { stdio: ['ignore', fd, fd] },
    );
    let timedOut = false;
    let processesAtTimeout = [];
    const timer = setTimeout(() => {
      timedOut = true;
      processesAtTimeout = wineProcesses();
      wineTool(WINESERVER, ['-k']);
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, limitS * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      closeSync(fd);
      const tap = readFileSync(tapPath, 'utf8');
      log(`\n# ── ${basename(file)}, attempt ${attempt} (limit ${Math.round(limitS)} s) ──\n${tap}`);
      const r = readTap(tap);
      const ok = !timedOut && code === 0 && r.pass !== null && r.fail === 0 && !r.cancelled;
      let reason = null;
      if (timedOut) {
        reason = `did not finish within ${Math.round(limitS)} s; last test started: ${r.lastStarted ?? 'none'}`;
      } else if (!ok) {
        reason = r.notOk.length
          ? `failed: ${r.notOk.slice(0, 3).join(' | ')}${r.firstError ? ` — ${r.firstError}` : ''}`
          : `node.exe ended with ${code ?? signal} before its totals (last test started: ${r.lastStarted ?? 'none'})`;
      }
      done({
        ok,
        reason,
        seconds: secondsSince(t0),
        ...r,
        processes: processesAtTimeout,
      });
    });
  });
}

const rows = [];
const details = [];
let prefixState = ensurePrefix();
if (!prefixState) {
  const why = `wineboot could not create a Wine prefix in ${WINEPREFIX}`;
  log(`${CI ? 'FAIL' : 'SKIP'}: ${why}`);
  console.log(`wine: ${CI ? 'FAIL' : 'SKIP'} — ${why}${CI ? ' (required in CI)' : ''}`);
  process.exit(CI ? 1 : 0);
}
log(`prefix (${prefixState}) ready`);
const firstPrefix = prefixState;

for (const file of files) {
  const name = basename(file, '.wine.js');
  const first = await runOnce(file, 1, Math.min(FILE_LIMIT_S, Math.max(budgetLeft(), 30)));
  let final = first;
  if (!first.ok) {
    details.push(`${name}: ${first.reason}`);
    if (first.processes.length) details.push(`  still running: ${first.processes.slice(0, 3).join(' ; ')}`);
    if (budgetLeft() >= 60 && (prefixState = renewPrefix())) {
      final = await runOnce(file, 2, Math.min(FILE_LIMIT_S, budgetLeft()));
      details.push(`  on a new prefix: ${final.ok ? 'passed (counted as flaky)' : final.reason}`);
    } else {
      details.push(
        `  not run again: ${prefixState ? 'no time left' : 'a new Wine prefix could not be made'}`,
      );
    }
  }
  rows.push({ name, first, final });
  // A failed file may have left the prefix seeded or its server gone: the next file starts clean.
  if (!final.ok && files.at(-1) !== file) prefixState = renewPrefix() ?? prefixState;
}

const sum = (key) => rows.reduce((n, r) => n + (r.final[key] ?? 0), 0);
const failedFiles = rows.filter((r) => !r.final.ok);
const passed = sum('pass');
const failed = Math.max(sum('fail') + sum('cancelled'), failedFiles.length);
const skipped = sum('skipped');
const perFile = rows
  .map(
    (r) => `${r.name} ${r.final.seconds.toFixed(0)}s ${!r.final.ok ? 'FAIL' : r.first.ok ? 'ok' : 'flaky'}`,
  )
  .join(' · ');
const lines = [
  `${passed} passed, ${failed} failed, ${skipped} skipped in ${secondsSince(started).toFixed(0)} s (${firstPrefix} prefix): ${perFile}`,
];
lines.push(...details);
writeFileSync(
  SUMMARY,
  `${JSON.stringify({ passed, failed, skipped, flaky: rows.filter((r) => r.final.ok && !r.first.ok).map((r) => r.name), lines }, null, 2)}\n`,
);
log(`# wine total: pass ${passed} fail ${failed} skipped ${skipped}`);

console.log(`wine: ${failedFiles.length ? 'FAIL — ' : ''}${lines[0]}`);
for (const l of lines.slice(1)) console.log(`  ${l}`);
process.exit(failedFiles.length ? 1 : 0);
