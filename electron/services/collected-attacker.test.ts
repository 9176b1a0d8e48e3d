/**
 * A compromised page against the collected-PC and kit channels: uploads with hostile names,
 * broken base64 and odd shapes, kit requests and downloads with hostile ids, in any order,
 * through the same dispatch and routing as IPC and HTTP. Whatever it sends, files appear only
 * where they belong (an upload in a folder of its own under uploads/, a kit under kits/ by
 * its id, the kit log and journal under state/), no half-written folder is left, and the PC
 * the wizard started on is never written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { KIT_ID, type Channel } from '../shared/ipc-contract';
import { isKitFileName, uploadNameProblem } from '../shared/upload-limits';
import {
  asUpload,
  cleanCollected,
  COLLECTED_DIR,
  collectedSessions,
  SERVER_SAMPLE,
  XP_SAMPLE,
} from '../test-support/collected-sessions';
import { recordCount } from '../test-support/test-counts';

afterEach(cleanCollected);

const HOSTILE_NAMES = [
  '../escape.reg',
  '..\\escape.reg',
  'a/b.reg',
  'CON.reg',
  'facts.txt ',
  'fix-user.reg',
  'kit.json',
  '.reg',
  'x.exe',
  '\u0000.reg',
  'a'.repeat(300),
  '__proto__',
  'constructor.reg',
];

const samples = [XP_SAMPLE, SERVER_SAMPLE].map((s) => asUpload(join(COLLECTED_DIR, s)));

const uploadFile = fc.record({
  name: fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 40 }), fc.constant('facts.txt')),
  base64: fc.oneof(
    fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('base64')),
    fc.string({ maxLength: 20 }),
  ),
});
const upload = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(...samples).map((files) => ['collected:upload', [{ files }]] as const),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(uploadFile, { maxLength: 4 })
      .map((files) => ['collected:upload', [{ files }]] as const),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...samples)
      .chain((files) =>
        uploadFile.map((extra) => ['collected:upload', [{ files: [...files, extra] }]] as const),
      ),
  },
);
const kitId = fc.oneof(
  { weight: 3, arbitrary: fc.constant('made') },
  { weight: 1, arbitrary: fc.constantFrom('../../etc', 'a/b', 'XP-ACCT-07-20261202-100000', 'C:\\x') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const call = fc.oneof(
  { weight: 4, arbitrary: upload },
  { weight: 1, arbitrary: fc.constant(['collected:close', []] as const) },
  { weight: 3, arbitrary: fc.constant(['kit:make', 'planned'] as const) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('mail.contoso.com', 'a..b', 'x & calc')
      .map((host) => ['kit:make', [{ host, language: 'en' }]] as const),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ fixes: fc.constant(['proxy-auth-ntlm']), fingerprint: fc.string(), language: fc.string() })
      .map((r) => ['kit:make', [r]] as const),
  },
  { weight: 2, arbitrary: kitId.map((id) => ['kit:download', { id }] as const) },
  { weight: 1, arbitrary: fc.constant(['kit:log', []] as const) },
);

/** Every file under `root`, relative, with `/`. */
function files(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}

/** Where a file of this session may be, and nowhere else. */
function allowed(path: string): boolean {
  const [top, second, ...rest] = path.split('/');
  if (top === 'state' || top === 'reports') return true;
  if (top === 'uploads')
    return (
      /^upload-[0-9a-f]{12}$/.test(second ?? '') &&
      rest.length === 1 &&
      !uploadNameProblem(rest[0]!) &&
      !isKitFileName(rest[0]!)
    );
  if (top === 'kits') {
    if (rest.length === 0)
      return /^fix-kit-.*\.zip$/.test(second ?? '') || KIT_ID.test((second ?? '').replace(/\.zip$/, ''));
    return KIT_ID.test(second ?? '');
  }
  return false;
}

let cases = 0;
const reached = { opened: 0, kits: 0, downloads: 0, refused: 0 };

describe('a compromised page on the collected-PC and kit channels', () => {
  it('cannot put a file anywhere but its own folders, leave a partial kit, or write the PC it started on', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 6 }), async (calls) => {
        const s = await collectedSessions();
        const root = dirname(s.env.stateDir);
        const homeBytes = readFileSync(s.homeRegistry);
        let lastKit: string | null = null;
        for (const [channel, raw] of calls) {
          let args: unknown = raw;
          // A download of the kit made last, or of a name the page made up.
          if (channel === 'kit:download') {
            const id = (raw as { id: string }).id;
            args = [{ id: id === 'made' ? (lastKit ?? 'none-made-yet') : id, locale: 'en' }];
          }
          if (raw === 'planned') {
            const plan = await s.send('fix:plan', [{ fixes: ['proxy-auth-ntlm', 'lmcompat-3'] }]);
            const fingerprint = plan.ok ? (plan.result as { fingerprint: string }).fingerprint : 'x';
            args = [{ fixes: ['proxy-auth-ntlm', 'lmcompat-3'], fingerprint, language: 'zh-CN' }];
          }
          const r = await s.send(channel as Channel, args as unknown[]);
          cases++;
          if (!r.ok) reached.refused++;
          else if (channel === 'collected:upload') reached.opened++;
          else if (channel === 'kit:make') {
            reached.kits++;
            lastKit = (r.result as { id: string }).id;
          } else if (channel === 'kit:download') reached.downloads++;
          const stray = files(root).filter((f) => !allowed(f));
          expect(stray, `after ${channel}`).toEqual([]);
          expect(files(root).filter((f) => f.includes('.partial'))).toEqual([]);
        }
        // The simulated PC the wizard started on: not one byte written.
        expect(readFileSync(s.homeRegistry)).toEqual(homeBytes);
      }),
      { seed: 0xc011ec7, numRuns: 100 },
    );
  }, 120_000);

  it('reports the cases', () => {
    recordCount('collected-fuzz', 'collected-PC and kit attack calls', cases, reached);
    expect(cases).toBeGreaterThan(100);
    // The fuzzer reaches the paths that write files, so the checks above were exercised.
    expect(reached.opened).toBeGreaterThan(0);
    expect(reached.kits).toBeGreaterThan(0);
    expect(reached.downloads).toBeGreaterThan(0);
    expect(reached.refused).toBeGreaterThan(0);
  });
});
