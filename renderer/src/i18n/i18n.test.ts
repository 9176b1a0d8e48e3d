// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { EXCHANGE_GENERATIONS } from '../../../electron/core/autodiscover/admin-commands';
import { COVERAGE_PARTS } from '../../../electron/core/diagnosis/coverage';
import { FIX_IDS, SERVER_FIX_IDS } from '../../../electron/core/diagnosis/finding';
import { LOCALES } from '../../../electron/core/locale';
import type { ChangeState, FindingId, Severity, StepName } from '../contract';
import { RAIL_STEPS } from '../store/model';
import type { Handed } from '../store/kit-slice';
import type { UploadProblem } from '../store/upload-files';
import type { Busy } from '../store/wizard-store';
import en from './en.json';
import zhCN from './zh-CN.json';
import { createI18n, detectLocale } from './index';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const EN = flatten(en as Tree);
const ZH = flatten(zhCN as Tree);
// The renderer's own sources as text (Vite reads them; the test needs no Node APIs).
const SOURCES: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => [path.replace(/^\.\.\//, ''), text]),
);
const MACHINES = Object.keys(
  import.meta.glob('../../../assets/machines/*/machine.json', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
).map((p) => p.split('/').at(-2)!);

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

describe('translations', () => {
  it('every key exists in both English and Simplified Chinese', () => {
    const onlyEn = [...EN.keys()].filter((k) => !ZH.has(k));
    const onlyZh = [...ZH.keys()].filter((k) => !EN.has(k));
    expect(onlyEn, 'keys missing in zh-CN.json').toEqual([]);
    expect(onlyZh, 'keys missing in en.json').toEqual([]);
    expect(EN.size).toBeGreaterThan(300);
  });

  it('no translation is empty, and both languages use the same placeholders', () => {
    for (const [k, v] of EN) {
      expect(v.trim(), `en ${k}`).not.toBe('');
      expect(ZH.get(k)!.trim(), `zh-CN ${k}`).not.toBe('');
      expect(placeholders(ZH.get(k)!), `placeholders of ${k}`).toEqual(placeholders(v));
    }
  });

  it('the Chinese texts are really Chinese (not copied English)', () => {
    const same = [...EN.keys()].filter(
      (k) => EN.get(k) === ZH.get(k) && /[a-z]{4,} [a-z]{4,}/i.test(EN.get(k)!),
    );
    // Only names that stay the same in both languages (the language list itself).
    expect(same).toEqual([]);
  });

  it('every static t("…") key used by the components exists in en.json', () => {
    const files = Object.entries(SOURCES);
    expect(files.length).toBeGreaterThan(15);
    const used = new Set<string>();
    for (const [, text] of files) {
      for (const m of text.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) used.add(m[2]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !EN.has(k));
    expect(missing).toEqual([]);
  });

  it('components hold no hard-coded UI text (only technical identifiers)', () => {
    const allowed = new Set(['PR_ROH_FLAGS', 'PR_ROH_PROXY_AUTH_SCHEME']);
    const found: string[] = [];
    for (const [f, text] of Object.entries(SOURCES).filter(([p]) => p.endsWith('.tsx'))) {
      // Text between JSX tags, e.g. `<p>Hello</p>`; code inside braces is not text.
      for (const m of text.matchAll(/>([^<>{}]*[A-Za-z\u4e00-\u9fff]{2,}[^<>{}]*)</g)) {
        const chunk = m[1]!.trim();
        // Skip TypeScript that the pattern also catches (arrows, generics, ternaries).
        if (/[;=()?:'"&|]/.test(chunk) || m.index === undefined || text[m.index - 1] === '=') continue;
        if (chunk && !allowed.has(chunk)) found.push(`${f}: ${chunk}`);
      }
      // Text right after an expression, e.g. `<p>{n} items</p>`, which the pattern above skips.
      for (const m of text.matchAll(/\}([^<>{}]*[A-Za-z\u4e00-\u9fff]{2,}[^<>{}]*)(?=<\/?[A-Za-z]|\{)/g)) {
        const chunk = m[1]!.trim();
        if (/[;=()?:'"&|,]/.test(chunk) || /^(else|return|catch|finally)\b/.test(chunk)) continue;
        found.push(`${f}: ${chunk}`);
      }
      for (const m of text.matchAll(/\b(?:aria-label|title|placeholder|alt)="([^"]+)"/g))
        found.push(`${f}: ${m[1]}`);
    }
    expect(found).toEqual([]);
  });

  it('every dynamic key family is complete', () => {
    const findingIds: FindingId[] = [
      'proxy-auth-basic',
      'lm-response-sent',
      'lm-policy-managed',
      'basic-without-ssl',
      'principal-name-mismatch',
      'outlook-running',
      'profile-unreadable',
      'no-outlook-profiles',
      'proxy-offers-no-ntlm',
      'proxy-unreachable',
      'proxy-certificate-name-mismatch',
      'proxy-certificate-untrusted',
      'lm-level-invalid',
      'autodiscover-reverted',
    ];
    const severities: Severity[] = ['error', 'warning', 'info'];
    const fixes = [...FIX_IDS, ...SERVER_FIX_IDS];
    const states: ChangeState[] = [
      'pending',
      'applied',
      'rolling-back',
      'rolled-back',
      'failed-rolled-back',
      'needs-attention',
    ];
    const applySteps: StepName[] = ['backup', 'write', 'verify', 'remove'];
    const busy: Busy[] = [
      'init',
      'scan',
      'plan',
      'apply',
      'verify',
      'save',
      'copy',
      'restart-outlook',
      'restart-windows',
      'history',
      'undo',
      'demo',
      'proxy',
      'prf',
      'guides',
      'events',
      'backconnection',
      'recovery',
      'collect-script',
      'open-collected',
      'kit',
      'kit-download',
    ];
    const uploadProblems: UploadProblem[] = ['kit', 'empty', 'too-many', 'too-large'];
    const handed: Handed['kind'][] = ['saved', 'downloaded', 'cancelled'];
    const keys = [
      ...[...findingIds, 'no-live-profiles'].flatMap((id) =>
        ['title', 'what', 'why', 'change'].map((p) => `findings.items.${id}.${p}`),
      ),
      ...['changeNotNeeded', 'changeByHand'].map((p) => `findings.items.lm-level-invalid.${p}`),
      ...COVERAGE_PARTS.map((p) => `coverage.part.${p}`),
      ...['wms', 'o15', 'o16'].map((s) => `leftover.from.${s}`),
      ...['msi', 'click-to-run', 'unknown'].map((k) => `machine.type.${k}`),
      ...EXCHANGE_GENERATIONS.map((g) => `autodiscover.generation.${g}`),
      ...['text', 'number', 'other'].map((k) => `findings.lmType.${k}`),
      ...['policy', 'cloud', 'server', 'unreadable'].map((k) => `causes.notOffered.${k}`),
      ...['prompt', 'modern', 'windows', 'unknown'].map((k) => `guidance.verdict.${k}`),
      ...['negotiate', 'ntlm'].map((k) => `manual.causes.logon.${k}`),
      ...['none', 'negotiate', 'ntlm', 'kerberos', 'anonymous', 'other'].map(
        (k) => `causes.value.logon.${k}`,
      ),
      ...['absent', 'promptOn', 'promptOff'].map((k) => `causes.value.${k}`),
      ...['heading', 'prompt', 'value', 'delete', 'credential', 'start'].map((k) => `manual.causes.${k}`),
      ...['r3Text'].map((k) => `manual.registry.${k}`),
      ...severities.map((s) => `findings.severity.${s}`),
      ...fixes.map((f) => `history.fix.${f}`),
      ...states.map((s) => `history.state.${s}`),
      ...['rolled-back', 'blocked', 'elevation-declined', 'failed'].map((s) => `history.result.${s}`),
      ...applySteps.map((s) => `apply.steps.${s}`),
      ...['done', 'failed', 'pending', 'running'].map((s) => `apply.state.${s}`),
      ...[
        'elevation-declined',
        'blocked',
        'failed-rolled-back',
        'apply-failed',
        'network',
        'locked',
        'other',
      ].flatMap((k) => ['title', 'text', 'next'].map((p) => `apply.error.${k}.${p}`)),
      ...busy.map((b) => `errors.action.${b}`),
      ...[
        'usage',
        'unreadable-input',
        'elevation-declined',
        'blocked',
        'apply-failed',
        'not-allowed',
        'locked',
        'unexpected',
      ].map((k) => `errors.kind.${k}`),
      ...RAIL_STEPS.map((s) => `steps.${s}`),
      ...[0, 1, 2, 3, 4, 5].flatMap((l) => ['title', 'desc', 'tech'].map((p) => `lm.level.${l}.${p}`)),
      ...['basic', 'ntlm', 'negotiate', 'other', 'none'].map((s) => `proxy.scheme.${s}`),
      ...['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'].map((k) => `manual.outlook.${k}`),
      ...['r1', 'r2', 'r3', 'r4', 'r5'].map((k) => `manual.registry.${k}`),
      ...['dns', 'tcp', 'tls', 'timeout', 'http', 'cancelled', 'other'].map(
        (s) => `findings.proxyStage.${s}`,
      ),
      ...['applied', 'nothing-to-do', 'blocked', 'elevation-declined', 'failed-rolled-back', 'error'].map(
        (s) => `server.fix.result.${s}`,
      ),
      ...['cmd', 'powershell'].map((s) => `server.shell.${s}`),
      ...['cancelled', 'failed'].map((s) => `proxyCheck.${s}`),
      ...LOCALES.map((l) => `language.${l}`),
      ...uploadProblems.map((p) => `another.open.problem.${p}`),
      ...handed.map((h) => `handed.${h}`),
      ...['auth', 'lm', 'backConnection'].map((c) => `kit.change.${c}`),
    ];
    expect(keys.filter((k) => !EN.has(k))).toEqual([]);
  });

  it('names every sample machine of the demo in both languages', () => {
    const machines = MACHINES;
    expect(machines.length).toBeGreaterThan(5);
    expect(machines.filter((m) => !EN.has(`demo.scenarios.${m}`))).toEqual([]);
  });

  it('follows the OS language unless a choice was saved', () => {
    expect(detectLocale(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLocale(null, ['zh-TW'])).toBe('zh-CN');
    expect(detectLocale(null, ['de-DE', 'en-US'])).toBe('en');
    expect(detectLocale(null, ['fr'])).toBe('en');
    expect(detectLocale('en', ['zh-CN'])).toBe('en');
    expect(detectLocale('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('renders interpolated Chinese text', () => {
    const i18n = createI18n('zh-CN');
    expect(i18n.t('rail.progress', { current: 3, total: 10 })).toBe('第 3 步，共 10 步');
  });
});
