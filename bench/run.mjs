// `npm run bench`: builds the TypeScript measurements in bench/ with esbuild into dist/bench/,
// runs each in its own child process (so peak memory is that measurement's own), prints a
// table of figures against the goals of issue 7 and writes bench/results.json.
//
//   node bench/run.mjs           full sizes (about a minute); writes bench/results.json
//   node bench/run.mjs --smoke   tiny sizes for `npm test` (< 60 s); writes artifacts/bench-smoke.json
//
// Exits non-zero only when a measurement fails to run, never because a goal is missed.
// Expects the app bundles (dist/main, dist/demo, dist/renderer) built: `npm run bench` builds them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, arch, release, tmpdir, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const smoke = process.argv.includes('--smoke');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MB = 1024 * 1024;

const config = smoke
  ? {
      regMb: 1,
      sizes: [1, 10],
      applySizes: [10, 30],
      processSizes: [1, 10],
      c2rMb: [0, 2],
      parsePasses: 1,
      rounds: 3,
      samples: 2,
      stepTimeout: 10_000,
    }
  : {
      regMb: 64,
      sizes: [1, 10, 100, 1000],
      applySizes: [10, 100, 1000],
      processSizes: [1, 1000],
      c2rMb: [0, 50],
      parsePasses: 4,
      rounds: 15,
      samples: 10,
      stepTimeout: 15_000,
    };

const started = Date.now();
const errors = [];
const notes = [];
const log = (m) => console.log(`bench: ${m}`);
if (smoke)
  notes.push('smoke sizes: the figures only prove the measurements run; goals apply to the full run');

// ---------------------------------------------------------------------------------------------
// Build

const ENTRIES = ['gen-reg', 'reg-parse', 'diagnosis', 'apply', 'browser'];
await build({
  entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, `bench/${e}.ts`])),
  outdir: 'dist/bench',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // tinybench is bundled (it is ESM only); playwright-core loads its own files at run time.
  external: ['electron', 'regedit', 'electron-log', 'playwright-core'],
});

/** Runs dist/bench/<name>.cjs and returns the object it printed on its BENCH_RESULT line. */
function child(name, args, nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, `dist/bench/${name}.cjs`, ...args.map(String)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * MB,
  });
  const lines = (r.stdout ?? '').split('\n');
  for (const l of lines) if (l && !l.startsWith('BENCH_RESULT ')) console.log(`  ${name}: ${l}`);
  const line = lines.find((l) => l.startsWith('BENCH_RESULT '));
  if (r.status !== 0 || !line) {
    throw new Error(
      `${name} ${args.join(' ')} failed (exit ${r.status ?? r.signal}${r.error ? `, ${r.error.message}` : ''})`,
    );
  }
  return JSON.parse(line.slice('BENCH_RESULT '.length));
}

/** Runs one measurement; a throw is recorded (and fails the run) but the others still run. */
function measure(name, fn) {
  const t = Date.now();
  try {
    const v = fn();
    log(`${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return v;
  } catch (e) {
    errors.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    console.error(`bench: ${name} FAILED: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

const round = (n, d = 2) =>
  n === null || n === undefined || Number.isNaN(n) ? null : Math.round(n * 10 ** d) / 10 ** d;
const temp = mkdtempSync(join(tmpdir(), 'exproxy-bench-'));

// ---------------------------------------------------------------------------------------------
// .reg parsing: generate, then speed (parse vs floor side by side) and peak RSS (fresh process)

const regParse = measure('.reg parse', () => {
  const file = join(temp, 'export.reg');
  const gen = child('gen-reg', ['--out', file, '--mb', config.regMb]);
  const speed = child('reg-parse', ['--file', file, '--passes', config.parsePasses], ['--expose-gc']);
  const mem = child('reg-parse', ['--file', file, '--memory'], ['--expose-gc']);
  rmSync(file, { force: true });
  return {
    fileMb: speed.fileMb,
    mbPerSec: speed.mbPerSec,
    floorMbPerSec: speed.floorMbPerSec,
    ratio: speed.ratio,
    peakRssMb: mem.peakRssMb,
    parseMs: speed.parseMs,
    floorMs: speed.floorMs,
    peakToFile: round(mem.peakRssMb / mem.fileMb),
    baselineRssMb: mem.baselineRssMb,
    parseRssMb: mem.parseRssMb,
    keys: gen.keys,
    values: gen.values,
    valuesByType: gen.byType,
  };
});

// ---------------------------------------------------------------------------------------------
// Diagnosis scaling and Windows adapter process counts

const diag = measure('diagnosis + processes', () =>
  child(
    'diagnosis',
    [
      '--sizes',
      config.sizes.join(','),
      '--process-sizes',
      config.processSizes.join(','),
      '--c2r-mb',
      config.c2rMb.join(','),
      '--dir',
      temp,
      '--time',
      config.scanTime,
    ],
    ['--expose-gc'],
  ),
);

function growth(ms) {
  const ns = Object.keys(ms)
    .map(Number)
    .sort((a, b) => a - b);
  const factors = {};
  for (let i = 1; i < ns.length; i++) factors[`${ns[i]}/${ns[i - 1]}`] = round(ms[ns[i]] / ms[ns[i - 1]], 1);
  // Log-log slope (least squares) over the sizes past the fixed cost: 1 = linear.
  const pts = ns.filter((n) => n >= 10 || ns.length < 3).map((n) => [Math.log(n), Math.log(ms[n])]);
  const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  const slope =
    pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  return { factors, exponent: round(slope) };
}

const diagnosisMs = diag ? diag.scanMs : null;
const diagnosisGrowth = diag ? growth(diag.scanMs) : null;
let processes = null;
if (diag) {
  const worst = (n) => Math.max(diag.processes.regExe[n].total, diag.processes.regedit[n].total);
  const pick = (adapter) =>
    Object.fromEntries(Object.entries(diag.processes[adapter]).map(([n, c]) => [n, c.total]));
  processes = {
    ...Object.fromEntries(config.processSizes.map((n) => [String(n), worst(n)])),
    regExe: pick('regExe'),
    regExeRounds: Object.fromEntries(Object.entries(diag.processes.regExe).map(([n, c]) => [n, c.rounds])),
    regedit: pick('regedit'),
    commands: {
      regExe: diag.processes.regExe[config.processSizes.at(-1)].commands,
      regedit: diag.processes.regedit[config.processSizes.at(-1)].commands,
    },
  };
}

const clickToRun = diag ? diag.clickToRun : null;

// ---------------------------------------------------------------------------------------------
// Applying one fix to many profiles (one hive write and two journal writes, whatever N)

const apply = measure('apply to many profiles', () =>
  child('apply', ['--sizes', config.applySizes.join(','), '--dir', temp]),
);
const applyGrowth = apply ? growth(apply.applyMs) : null;

// ---------------------------------------------------------------------------------------------
// Bundle sizes

function filesUnder(dir, ext) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => f.endsWith(ext) && statSync(f).isFile());
}

const bundle = measure('bundle sizes', () => {
  const js = filesUnder('dist/renderer', '.js');
  const css = filesUnder('dist/renderer', '.css');
  const gz = (files) => files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0) / 1024;
  const raw = (files) => files.reduce((n, f) => n + statSync(f).size, 0) / 1024;
  if (js.length === 0)
    notes.push(
      'dist/renderer has no JavaScript: the renderer is not built (node scripts/build.mjs --only renderer)',
    );
  const main = 'dist/main/main.js';
  if (!existsSync(main)) notes.push(`${main} is missing: run node scripts/build.mjs`);
  return {
    rendererGzipKb: js.length > 0 ? round(gz(js), 1) : null,
    mainKb: existsSync(main) ? round(statSync(main).size / 1024, 1) : null,
    rendererRawKb: js.length > 0 ? round(raw(js), 1) : null,
    rendererCssGzipKb: css.length > 0 ? round(gz(css), 1) : null,
    mainGzipKb: existsSync(main) ? round(gzipSync(readFileSync(main)).length / 1024, 1) : null,
  };
});

// ---------------------------------------------------------------------------------------------
// Wizard start and renderer heap (Chromium)

let startup = null;
let rendererHeapMb = null;
let browserInfo = null;
const browserSkip = !existsSync(CHROMIUM)
  ? `${CHROMIUM} not found (apt-get install chromium, or set CHROMIUM_PATH)`
  : !existsSync('dist/renderer/index.html')
    ? 'the renderer is not built (dist/renderer/index.html missing)'
    : !existsSync('dist/demo/server.js')
      ? 'the demo host is not built (dist/demo/server.js missing)'
      : null;
if (browserSkip) {
  notes.push(`wizard start and renderer heap skipped: ${browserSkip}`);
  log(`wizard start and renderer heap SKIPPED — ${browserSkip}`);
} else {
  const b = measure('wizard start + renderer heap', () =>
    child('browser', [
      '--samples',
      config.samples,
      '--chromium',
      CHROMIUM,
      '--step-timeout',
      config.stepTimeout,
    ]),
  );
  if (b) {
    startup = b.startup;
    rendererHeapMb = b.heap.heapMb;
    browserInfo = { version: b.browserVersion, heap: b.heap, pageErrors: b.pageErrors };
    if (b.heap.walkthrough.stoppedAt) {
      notes.push(
        `walkthrough stopped at "${b.heap.walkthrough.stoppedAt}" (${b.heap.walkthrough.why}); heap measured there`,
      );
    }
    if (b.pageErrors.length > 0) notes.push(`page errors: ${b.pageErrors.join(' | ')}`);
  }
}

rmSync(temp, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// Table and results

const cpu = cpus();
const machine = {
  cpu: cpu[0]?.model.trim() ?? 'unknown',
  cores: cpu.length,
  memoryGb: round(totalmem() / 1024 ** 3, 1),
  node: process.version,
  os: `${type()} ${release()} ${arch()}`,
  chromium: browserInfo?.version ?? null,
};

const top = config.sizes.at(-1);
const [c2rLow, c2rHigh] = [config.c2rMb[0], config.c2rMb.at(-1)];
const kb = (b) => round(b / 1024, 1);
const [pLow, pHigh] = [config.processSizes[0], config.processSizes.at(-1)];
const fmt = (v, unit = '') => (v === null || v === undefined ? 'n/a' : `${v}${unit}`);
const rows = [
  {
    id: 'regParseRatio',
    name: `.reg parse speed (${fmt(regParse?.fileMb, ' MB')})`,
    value: regParse
      ? `${regParse.mbPerSec} MB/s vs floor ${regParse.floorMbPerSec} MB/s = ${regParse.ratio}`
      : 'n/a',
    goal: 'ratio ≥ 0.30',
    met: regParse ? regParse.ratio >= 0.3 : null,
  },
  {
    id: 'regParsePeak',
    name: '.reg parse peak RSS',
    value: regParse ? `${regParse.peakRssMb} MB = ${regParse.peakToFile}× file` : 'n/a',
    goal: '< 4× file',
    met: regParse ? regParse.peakRssMb < 4 * regParse.fileMb : null,
  },
  {
    id: 'diagnosis',
    name: `diagnosis ${config.sizes.join(' / ')} profiles`,
    value: diagnosisMs ? config.sizes.map((n) => `${diagnosisMs[n]}`).join(' / ') + ' ms' : 'n/a',
    goal: `${top} profiles < 1000 ms`,
    met: diagnosisMs ? diagnosisMs[top] < 1000 : null,
  },
  {
    id: 'diagnosisGrowth',
    name: 'diagnosis growth (log-log slope)',
    value: diagnosisGrowth
      ? `${diagnosisGrowth.exponent} (${Object.entries(diagnosisGrowth.factors)
          .map(([k, v]) => `${k}: ${v}×`)
          .join(', ')})`
      : 'n/a',
    goal: 'linear (slope ≤ 1.15)',
    met: diagnosisGrowth ? diagnosisGrowth.exponent <= 1.15 : null,
  },
  {
    id: 'apply',
    name: `apply proxy-auth-ntlm to ${config.applySizes.join(' / ')} profiles`,
    value: apply
      ? `${config.applySizes.map((n) => apply.applyMs[n]).join(' / ')} ms; hive writes ${config.applySizes
          .map((n) => apply.hiveWrites[n])
          .join(' / ')}, journal writes ${config.applySizes.map((n) => apply.journalWrites[n]).join(' / ')}`
      : 'n/a',
    goal: 'one hive write, two journal writes, linear',
    met: apply
      ? config.applySizes.every((n) => apply.hiveWrites[n] === 1 && apply.journalWrites[n] === 2) &&
        applyGrowth.exponent <= 1.15
      : null,
  },
  {
    id: 'applyGrowth',
    name: 'apply growth (log-log slope)',
    value: applyGrowth ? `${applyGrowth.exponent}` : 'n/a',
    goal: 'linear (slope ≤ 1.15)',
    met: applyGrowth ? applyGrowth.exponent <= 1.15 : null,
  },
  {
    id: 'processesRegExe',
    name: `reg.exe processes, ${pLow} / ${pHigh} profiles`,
    value: processes ? `${processes.regExe[pLow]} / ${processes.regExe[pHigh]}` : 'n/a',
    goal: '≤ 3',
    met: processes ? Math.max(processes.regExe[pLow], processes.regExe[pHigh]) <= 3 : null,
  },
  {
    id: 'roundsRegExe',
    name: `reg.exe processes end to end (each 25 ms), ${pLow} / ${pHigh} profiles`,
    value: processes ? `${processes.regExeRounds[pLow]} / ${processes.regExeRounds[pHigh]}` : 'n/a',
    goal: '—',
    met: null,
  },
  {
    id: 'processesRegedit',
    name: `cscript path (reg.exe blocked), ${pLow} / ${pHigh}`,
    value: processes ? `${processes.regedit[pLow]} / ${processes.regedit[pHigh]}` : 'n/a',
    goal: '≤ 3',
    met: processes ? Math.max(processes.regedit[pLow], processes.regedit[pHigh]) <= 3 : null,
  },
  {
    id: 'c2rBytesRead',
    name: `bytes read, reg.exe path, Click-to-Run Office ${clickToRun ? `${clickToRun.officeMb[c2rLow]} / ${clickToRun.officeMb[c2rHigh]} MB` : ''}`,
    value: clickToRun
      ? `${kb(clickToRun.bytesRead[c2rLow])} / ${kb(clickToRun.bytesRead[c2rHigh])} KB (whole Office: ${kb(clickToRun.wholeOfficeBytes[c2rLow])} / ${kb(clickToRun.wholeOfficeBytes[c2rHigh])} KB)`
      : 'n/a',
    goal: 'does not grow with Office',
    met: clickToRun ? clickToRun.bytesRead[c2rHigh] === clickToRun.bytesRead[c2rLow] : null,
  },
  {
    id: 'c2rDiagnosis',
    name: 'diagnosis time, same two machines, median (fastest): simulated; reg.exe path',
    value: clickToRun
      ? `${clickToRun.scanMs[c2rLow]} / ${clickToRun.scanMs[c2rHigh]} ms (${clickToRun.scanMinMs[c2rLow]} / ${clickToRun.scanMinMs[c2rHigh]}); ` +
        `${clickToRun.regExeScanMs[c2rLow]} / ${clickToRun.regExeScanMs[c2rHigh]} ms (${clickToRun.regExeScanMinMs[c2rLow]} / ${clickToRun.regExeScanMinMs[c2rHigh]})`
      : 'n/a',
    // The reg.exe path is what a real PC runs; the simulated machine holds the whole file in memory.
    goal: 'reg.exe path, fastest run ≤ 1.25×',
    met: clickToRun ? clickToRun.regExeScanMinMs[c2rHigh] <= 1.25 * clickToRun.regExeScanMinMs[c2rLow] : null,
  },
  {
    id: 'startup',
    name: `wizard start, median of ${config.samples}`,
    value: startup ? `${startup.medianMs} ms vs blank ${startup.floorMs} ms = ${startup.ratio}×` : 'n/a',
    goal: '< 2× blank page',
    met: startup ? startup.ratio < 2 : null,
  },
  {
    id: 'rendererGzip',
    name: 'renderer JS, gzipped',
    value: fmt(bundle?.rendererGzipKb, ' KB'),
    goal: '< 200 KB',
    met: bundle?.rendererGzipKb != null ? bundle.rendererGzipKb < 200 : null,
  },
  { id: 'main', name: 'main-process bundle', value: fmt(bundle?.mainKb, ' KB'), goal: '—', met: null },
  {
    id: 'rendererHeap',
    name: 'renderer JS heap after walkthrough',
    value: fmt(rendererHeapMb, ' MB'),
    goal: '< 30 MB',
    met: rendererHeapMb !== null ? rendererHeapMb < 30 : null,
  },
];

const widths = ['name', 'value', 'goal'].map((k) =>
  Math.max(k.length, ...rows.map((r) => String(r[k]).length)),
);
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ');
console.log(`\n${line(['measure', 'value', 'goal'])}  met?`);
console.log(`${line(widths.map((w) => '-'.repeat(w)))}  ----`);
for (const r of rows)
  console.log(`${line([r.name, r.value, r.goal])}  ${r.met === null ? '—' : r.met ? 'yes' : 'NO'}`);
for (const n of notes) console.log(`note: ${n}`);
console.log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}`);

const results = {
  regParse,
  diagnosisMs,
  processes,
  startup,
  bundle,
  rendererHeapMb,
  measuredAt: new Date().toISOString(),
  machine,
  smoke,
  diagnosisGrowth,
  apply,
  applyGrowth,
  loadAndScanMs: diag?.loadScanMs ?? null,
  clickToRun,
  diagnosisSamples: diag?.samples ?? null,
  machineFileKb: diag?.fileKb ?? null,
  rendererHeap: browserInfo?.heap ?? null,
  goals: Object.fromEntries(rows.map((r) => [r.id, { value: r.value, goal: r.goal, met: r.met }])),
  notes,
  errors,
  durationSec: round((Date.now() - started) / 1000, 1),
};
const out = smoke ? 'artifacts/bench-smoke.json' : 'bench/results.json';
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${out} (${results.durationSec} s)`);
if (errors.length > 0) {
  console.error(`bench: ${errors.length} measurement(s) failed:\n  ${errors.join('\n  ')}`);
  process.exit(1);
}
