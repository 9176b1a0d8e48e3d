/**
 * The renderer as an attacker: a compromised renderer sends every channel schema-fuzzed
 * payloads (random JSON, near-valid objects, huge strings, prototype-pollution keys) through
 * the same `dispatch` the IPC handler uses, against a WizardService on a simulated machine
 * whose ports record every write and every elevated call. Whatever it sends:
 * no write outside the allowlist, no elevated write but LmCompatibilityLevel /
 * BackConnectionHostNames, LmCompatibilityLevel never lowered (except an undo restoring
 * exactly what the journal recorded), and no restart without `{ confirmed: true }`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import type { ChangeRecord } from '../core/fixes/change-plan';
import { checkWriteAllowed, LSA_KEY } from '../core/registry/allowlist';
import type { RegValue } from '../core/registry/reg-value';
import { CHANNELS } from '../shared/ipc-contract';
import { propertyParams } from '../test-support/property-runs';
import { copySample, tempDir } from '../test-support/sample-machines';
import { recordCount } from '../test-support/test-counts';
import { dispatch } from './dispatch';
import { simulatedContext } from './machine-context';
import { wizardServiceFor } from '../test-support/wizard-service-builder';

interface Write {
  elevated: boolean;
  path: string;
  name: string;
  value: RegValue | null;
}

function victim(sample: string) {
  const { dir } = copySample(sample);
  const machine = SimulatedMachine.load({ machine: dir });
  const state = tempDir();
  const writes: Write[] = [];
  const restarts: unknown[] = [];
  const ctx = simulatedContext(machine);
  const { service, journal } = wizardServiceFor(
    {
      ...ctx,
      registry: {
        name: ctx.registry.name,
        readSubtrees: (r) => ctx.registry.readSubtrees(r),
        setValue: (path, name, value, view) => {
          writes.push({ elevated: false, path, name, value });
          return ctx.registry.setValue(path, name, value, view);
        },
        deleteValue: (path, name, view) => {
          writes.push({ elevated: false, path, name, value: null });
          return ctx.registry.deleteValue(path, name, view);
        },
      },
      elevated: {
        setValue: (path, name, value, view) => {
          writes.push({ elevated: true, path, name, value });
          return ctx.elevated.setValue(path, name, value, view);
        },
        deleteValue: (path, name, view) => {
          writes.push({ elevated: true, path, name, value: null });
          return ctx.elevated.deleteValue(path, name, view);
        },
      },
      system: {
        ...ctx.system,
        restartWindows: async () => {
          restarts.push(true);
          return ctx.system.restartWindows();
        },
      },
    },
    state,
  );
  const level = () => {
    const v = machine.tree.getValue(LSA_KEY, 'LmCompatibilityLevel');
    return v?.type === 'REG_DWORD' ? v.data : undefined;
  };
  return { service, writes, restarts, journal, level };
}

const HUGE = 'A'.repeat(1_000_000);
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"confirmed": true, "fixes": ["lmcompat-2"]}}'),
  JSON.parse('{"constructor": {"prototype": {"confirmed": true}}}'),
  JSON.parse('{"fixes": ["proxy-auth-ntlm"], "__proto__": {"profile": "x"}}'),
  JSON.parse('[{"__proto__": {"confirmed": true}}]'),
  Object.create({ confirmed: true }),
);
const text = fc.oneof(
  fc.string(),
  fc.constantFrom(
    HUGE,
    '__proto__',
    'constructor',
    '..\\..\\evil',
    'Outlook',
    '"&|^%!<>\'`\r\n',
    '\u0000',
    'toString',
  ),
);
const nearValid = fc.oneof(
  fc.record(
    {
      fixes: fc.oneof(
        fc.array(
          fc.oneof(
            fc.constantFrom('proxy-auth-ntlm', 'lmcompat-3', 'lmcompat-2', 'backconnection-host'),
            text,
          ),
          {
            maxLength: 5,
          },
        ),
        text,
      ),
      profile: text,
      confirmed: fc.oneof(fc.boolean(), fc.constant('true'), fc.constant(1)),
      changeId: fc.oneof(text, fc.stringMatching(/^[A-Za-z0-9-]{8,64}$/)),
      fingerprint: fc.oneof(text, fc.stringMatching(/^[0-9a-f]{64}$/)),
      locale: fc.oneof(fc.constantFrom('en', 'zh-CN'), text),
      scenario: text,
      running: fc.oneof(fc.boolean(), text),
      level: fc.integer(),
      path: text,
      name: text,
      value: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
  pollution,
);
const payload = fc.oneof(
  { weight: 3, arbitrary: fc.array(nearValid, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.array(fc.jsonValue(), { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      [{ confirmed: true }],
      [{ fixes: ['lmcompat-2'] }],
      [{ fixes: ['proxy-auth-ntlm', 'lmcompat-3'] }],
      [],
      undefined,
      null,
    ),
  },
);
const channel = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...CHANNELS) },
  { weight: 1, arbitrary: text },
);

/** Valid requests too, so the sequences reach apply, undo and restart (and the checks matter). */
const fixes = fc.subarray(['proxy-auth-ntlm', 'lmcompat-3', 'lmcompat-2'], { minLength: 1 });
const validCall = fc.oneof(
  // Apply what a (compromised) renderer first asked to plan: it holds a real fingerprint.
  fixes.map((f) => ['fix:apply', { planned: f }] as const),
  fixes.map((f) => ['fix:plan', [{ fixes: f, profile: 'Outlook' }]] as const),
  fc.constant(['fix:rollback', 'newest'] as const),
  fc.constant(['windows:restart', [{ confirmed: true }]] as const),
  fc.boolean().map((running) => ['demo:set-outlook', [{ running }]] as const),
  fc.constantFrom(
    ['outlook:start', []] as const,
    ['resume:register', []] as const,
    ['history:list', []] as const,
  ),
);

/** A call: a channel and a fuzzed payload, or a valid request ("newest" = undo the newest change). */
const call = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(channel, payload) },
  { weight: 2, arbitrary: validCall },
);

let cases = 0;
const reached = { applied: 0, undone: 0, restarted: 0 };

async function play(sample: string, calls: (readonly [unknown, unknown])[]) {
  const v = victim(sample);
  for (const [ch, raw] of calls) {
    let args = raw;
    let undone: ChangeRecord | null = null;
    if (raw === 'newest') {
      undone = (await v.journal.list()).find((r) => r.state === 'applied') ?? null;
      args = [{ changeId: undone?.id ?? 'x' }];
    }
    if (raw && typeof raw === 'object' && 'planned' in raw) {
      const fixesToPlan = (raw as { planned: string[] }).planned;
      const planned = await dispatch(v.service, 'fix:plan', [{ fixes: fixesToPlan }]);
      const fingerprint = planned.ok ? (planned.result as { fingerprint: string }).fingerprint : 'x';
      args = [{ fixes: fixesToPlan, fingerprint }];
    }
    const levelBefore = v.level();
    const writesBefore = v.writes.length;
    const restartsBefore = v.restarts.length;
    const result = await dispatch(v.service, ch, args);
    cases++;
    const status = result.ok ? (result.result as { status?: string; scheduled?: boolean }) : null;
    if (ch === 'fix:apply' && status?.status === 'applied') reached.applied++;
    if (ch === 'fix:rollback' && status?.status === 'rolled-back') reached.undone++;
    if (ch === 'windows:restart' && status?.scheduled) reached.restarted++;
    for (const w of v.writes.slice(writesBefore)) {
      // Nothing even tries a write off the allowlist; elevated ones are the two LSA values only.
      expect(() => checkWriteAllowed(w.path, w.name, w.value)).not.toThrow();
      if (w.elevated) expect(['LmCompatibilityLevel', 'BackConnectionHostNames']).toContain(w.name);
    }
    const levelAfter = v.level();
    if (levelBefore !== undefined && (levelAfter === undefined || levelAfter < levelBefore)) {
      // Only an undo, restoring exactly what our journal recorded.
      expect(ch).toBe('fix:rollback');
      expect(result.ok).toBe(true);
      const rec = (await v.journal.list()).find(
        (r) => r.id === (args as { changeId: string }[])[0]!.changeId,
      )!;
      const lm = rec.changes.find((c) => c.name === 'LmCompatibilityLevel')!;
      expect(lm.before === null ? undefined : (lm.before as { data: number }).data).toBe(levelAfter);
    }
    if (v.restarts.length > restartsBefore) {
      expect(ch).toBe('windows:restart');
      expect(args).toEqual([{ confirmed: true }]);
    }
    expect(({} as Record<string, unknown>).confirmed).toBeUndefined();
  }
}

describe('a compromised renderer', () => {
  it.each(['xp-outlook2003-basic', 'xp-outlook2003-fixed', 'win10-outlook2016-two-accounts'])(
    'cannot write off the allowlist, elevate anything else, lower the LM level or restart unconfirmed (%s)',
    async (sample) => {
      await fc.assert(
        fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 8 }), (calls) => play(sample, calls)),
        { ...propertyParams(0xbad5eed), numRuns: 150 },
      );
    },
  );

  it('single calls on every channel with arbitrary payloads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.anything({ withObjectString: true, withNullPrototype: true }),
        (ch, args) => play('xp-outlook2003-basic', [[ch, args]]),
      ),
      { ...propertyParams(0xfee1), numRuns: 400 },
    );
  });

  it('reports the cases', () => {
    recordCount('renderer-fuzz', 'renderer attack calls', cases, reached);
    console.log(
      `of which applied ${reached.applied}, undone ${reached.undone}, confirmed restarts ${reached.restarted}`,
    );
    // The fuzzer does reach the dangerous paths, so the invariants above were exercised.
    expect(reached.applied).toBeGreaterThan(0);
    expect(reached.undone).toBeGreaterThan(0);
    expect(reached.restarted).toBeGreaterThan(0);
    expect(cases).toBeGreaterThan(1000);
  });
});
