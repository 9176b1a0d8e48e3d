/**
 * Malformed and hostile inputs through the real CLI: each gives the documented exit code and a
 * message naming the problem (file and line where there is one), and nothing is written.
 */
import {
  cpSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
  mkdirSync,
  existsSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalFileStore } from '../adapters/node/journal-file-store';
import { MAX_REG_FILE_BYTES } from '../adapters/simulated/simulated-machine';
import type { ChangeRecord } from '../core/fixes/change-plan';
import { exproxy } from '../test-support/cli-runner';
import { copySample, tempDir } from '../test-support/sample-machines';
import { recordCount } from '../test-support/test-counts';

const CORPUS = resolve(__dirname, '..', 'test-support', 'malformed');

/** What each corpus file's message must say (after the file name). */
const EXPECTED: Record<string, RegExp> = {
  'bad-dword.reg': /line 4: expected dword:XXXXXXXX/,
  'bad-hex-digit.reg': /line 4: expected a hex byte \(two hex digits\), found "0g"/,
  'bad-hex-three-digits.reg': /line 4: expected a hex byte/,
  'bad-hex-type.reg': /line 4: expected hex: or hex\(n\):/,
  'bad-utf8-after-bom.reg': /line 4: found bytes that are not valid UTF-8/,
  'binary-garbage-with-bom.reg': /line 1: expected the header/,
  'binary-garbage.bin': /line 1: expected the header .*NUL characters/,
  'bom-only.reg': /line 1: expected the header .* found an empty file/,
  'broken-continuation-then-key.reg': /line 5: expected hex bytes continuing the value from line 4/,
  'continuation-at-eof.reg': /line 4: the hex data ends with "\\" .* but the file ends/,
  'delete-whole-hive.reg': /line 3: cannot delete a whole hive/,
  'dword-too-long.reg': /line 4: the dword value "100000000" is out of range/,
  'empty.reg': /line 1: expected the header .* found an empty file/,
  'missing-equals.reg': /line 4: expected "=" after the value name/,
  'nul-bytes.reg': /line 1: expected the header/,
  'pe-executable.reg': /line 1: expected the header .* found "MZ/,
  'truncated-header.reg': /line 1: expected the header .* found "Windows Registry Edi"/,
  'truncated-mid-continuation.reg': /line 5: the hex data ends with "\\" .* but the file ends/,
  'truncated-odd-utf16.reg': /line 7: .*odd number of bytes.*truncated/,
  'unknown-hive.reg': /line 3: expected a key path starting with HKEY_LOCAL_MACHINE/,
  'unterminated-key.reg': /line 3: expected a key line like .* ending in "\]"/,
  'unterminated-string.reg': /line 4: expected a closing " for the string/,
  'utf16-big-endian.reg': /line 1: found a UTF-16 big-endian byte order mark/,
  'utf16-without-bom.reg': /line 1: found NUL bytes: this looks like UTF-16 text without its byte order mark/,
  'value-before-key.reg': /line 3: found a value before any key/,
  'wrong-header-regedit5.reg': /line 1: expected the header .* found "REGEDIT5"/,
  'wrong-header.reg': /line 1: expected the header .* found "Windows Registry Editor Version 4.00"/,
  'zip-archive.reg': /line 1: expected the header .* found "PK/,
};

let tried = 0;

/** Runs diagnose and apply on `args`; both must refuse with `code`, and nothing may change. */
function refuses(
  where: string[],
  watched: string,
  code: number,
  message: RegExp,
  commands: string[][] = [['diagnose'], ['apply', 'proxy-auth-ntlm', 'lmcompat-3', '--yes']],
) {
  const before = readFileSync(watched);
  const state = tempDir();
  for (const cmd of commands) {
    const started = Date.now();
    const r = exproxy([...cmd, ...where, '--state', state]);
    expect({ code: r.code, err: r.err }, `${cmd[0]} ${where.join(' ')}`).toMatchObject({
      code,
      err: expect.stringMatching(message),
    });
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace without --debug
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readFileSync(watched).equals(before), 'input file unchanged').toBe(true);
    tried++;
  }
  expect(existsSync(join(state, 'journal')) ? readdirSync(join(state, 'journal')) : []).toEqual([]);
}

describe('malformed .reg files (corpus)', () => {
  const files = readdirSync(CORPUS).filter((f) => f !== 'README.md');

  it('every corpus file has an expected message', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s: exit 3, names file and line, writes nothing', (name) => {
    const dir = tempDir();
    const hive = join(dir, 'registry.reg');
    cpSync(join(CORPUS, name), hive);
    const msg = new RegExp(`${hive.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${EXPECTED[name]!.source}`);
    refuses(['--hive', hive], hive, 3, msg);
    // The same file as a --machine folder's registry.
    refuses(['--machine', dir], hive, 3, EXPECTED[name]!, [['diagnose']]);
  });
});

describe('huge and damaged machines', () => {
  it(`a 200 MB file is refused fast, naming the ${MAX_REG_FILE_BYTES / 1024 / 1024} MiB limit`, () => {
    const dir = tempDir();
    const hive = join(dir, 'huge.reg');
    writeFileSync(hive, Buffer.from('\ufeffWindows Registry Editor Version 5.00\r\n', 'utf16le'));
    truncateSync(hive, 200 * 1024 * 1024); // sparse: no 200 MB written to disk
    refuses(['--hive', hive], hive, 3, /huge\.reg: 209715200 bytes is over the 128 MiB size limit/);
  });

  it('damaged machine.json facts: exit 3 naming the file and the field', () => {
    const s = copySample('xp-outlook2003-basic');
    writeFileSync(join(s.dir, 'machine.json'), '{"outlookRunning": "yes"}');
    refuses(['--machine', s.dir], s.registryFile, 3, /machine\.json: outlookRunning: /);
    writeFileSync(join(s.dir, 'machine.json'), '{"outlookRunning": tru');
    refuses(['--machine', s.dir], s.registryFile, 3, /machine\.json: not valid JSON/);
  });
});

describe('a tampered journal cannot make the product write outside the allowlist', () => {
  const RUN = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';
  const LSA = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';

  function tampered(
    change: Partial<ChangeRecord['changes'][number]>,
    state: ChangeRecord['state'] = 'applied',
  ) {
    const s = copySample('xp-outlook2003-basic');
    const stateDir = tempDir();
    const record: ChangeRecord = {
      id: '20260101-000000-bad001',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      fixes: ['lmcompat-3'],
      changes: [
        {
          fix: 'lmcompat-3',
          kind: 'lm-compatibility-level',
          profile: null,
          account: null,
          path: LSA,
          name: 'LmCompatibilityLevel',
          view: 'default',
          before: null,
          after: { type: 'REG_DWORD', data: 3 },
          elevated: true,
          ...change,
        },
      ],
      written: 1,
      state,
      restartOutlook: false,
      restartWindows: true,
    };
    mkdirSync(join(stateDir, 'journal'), { recursive: true });
    writeFileSync(join(stateDir, 'journal', `${record.id}.json`), JSON.stringify(record));
    return { s, stateDir, record };
  }

  const cases: [string, Partial<ChangeRecord['changes'][number]>][] = [
    [
      'a Run key entry',
      { path: RUN, name: 'evil', before: { type: 'REG_SZ', data: 'calc.exe' }, after: null },
    ],
    ['an LSA value that is not ours', { name: 'RunAsPPL', before: { type: 'REG_DWORD', data: 0 } }],
    // An invalid old level (text, a DWORD above 5) is what an undo must put back after lmcompat-3,
    // so it passes as `before` of a change to REG_DWORD 3 only (allowlist.ts, record-check.ts).
    ['a new level out of range', { after: { type: 'REG_DWORD', data: 9 } }],
    ['a new level as a string', { after: { type: 'REG_SZ', data: '3' } }],
    [
      'an invalid old level replaced by 2',
      { before: { type: 'REG_SZ', data: '0' }, after: { type: 'REG_DWORD', data: 2 } },
    ],
    ['an old level as a long string', { before: { type: 'REG_SZ', data: 'x'.repeat(40) } }],
    ['an old level as binary', { before: { type: 'REG_BINARY', hex: '00000000' } }],
    ['an HKLM value claimed as a per-user write', { elevated: false }],
    ['a kind that does not match the value', { kind: 'roh-auth-scheme' }],
  ];

  it.each(cases)('rollback of %s: exit 5, nothing written', (_label, change) => {
    const { s, stateDir, record } = tampered(change);
    const before = readFileSync(s.registryFile);
    const r = exproxy(['rollback', record.id, '--machine', s.dir, '--state', stateDir]);
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/Refusing to write|does not match what this product writes/);
    expect(readFileSync(s.registryFile).equals(before)).toBe(true);
    tried++;
  });

  /** Set aside: out of the journal, kept under set-aside/ with the reason beside it. */
  function expectSetAside(stateDir: string, id: string) {
    const aside = readdirSync(join(stateDir, 'set-aside'));
    expect(aside.some((f) => f.startsWith(`${id}.`) && f.endsWith('.json'))).toBe(true);
    expect(aside.some((f) => f.startsWith(`${id}.`) && f.endsWith('.why.txt'))).toBe(true);
    expect(existsSync(join(stateDir, 'journal', `${id}.json`))).toBe(false);
  }

  it.each(cases)(
    'recovery of a pending %s: set aside and reported (exit 3), nothing written; the next run goes on',
    async (_l, change) => {
      const { s, stateDir, record } = tampered(change, 'pending');
      const r = exproxy(['rollback', '--last', '--machine', s.dir, '--state', stateDir]);
      expect(r.code, r.err).toBe(3);
      expect(r.err).toContain(record.id);
      expect(r.err).toMatch(/could not be trusted/);
      expect(readFileSync(s.registryFile).equals(s.originalBytes)).toBe(true);
      expect(await new JournalFileStore(stateDir).load(record.id)).toBeNull();
      expectSetAside(stateDir, record.id);
      // Never blocks later runs: the next one finds nothing to undo.
      expect(exproxy(['rollback', '--last', '--machine', s.dir, '--state', stateDir]).code).toBe(0);
      tried++;
    },
  );

  it('a damaged journal record: set aside, exit 3 naming it; nothing written; the next run goes on', () => {
    const { s, stateDir, record } = tampered({});
    writeFileSync(join(stateDir, 'journal', `${record.id}.json`), '{"id": "20260101-000000-bad001", "chan');
    const r = exproxy(['rollback', '--last', '--machine', s.dir, '--state', stateDir]);
    expect(r.code).toBe(3);
    expect(r.err).toContain(join(stateDir, 'set-aside', `${record.id}.`));
    expect(r.err).toMatch(/damaged/);
    expect(readFileSync(s.registryFile).equals(s.originalBytes)).toBe(true);
    expectSetAside(stateDir, record.id);
    expect(exproxy(['rollback', '--last', '--machine', s.dir, '--state', stateDir]).code).toBe(0);
    tried++;
  });
});

describe('malformed inputs', () => {
  it('reports how many were tried', () => {
    recordCount('malformed-inputs', 'malformed inputs tried', tried);
    expect(tried).toBeGreaterThanOrEqual(80);
  });
});
