import { ExproxyError } from '../errors';
import type { CollectedOrigin } from '../machine/machine-context';
import { sha256Hex } from '../sha256';
import type { ChangePlan, PlannedChange } from '../fixes/change-plan';
import { checkWriteAllowed } from '../registry/allowlist';
import { deserializeRegValue } from '../registry/reg-value';
import { isCmdLiteral } from './cmd-text';
import type { CollectScriptOptions } from './collect-script';
import { partRegFiles } from './kit-reg-files';
import { rootChecks, rootOf, type KitPart } from './kit-roots';
import { makeKitScript } from './kit-scripts';
import { makeStepsHtml, type KitLanguage } from './steps-html';
import { checkXpScript } from './xp-compat';

/** The collected folder a kit was planned on. */
export type KitSource = Omit<CollectedOrigin, 'windowsVer'>;

export interface FixKitInput {
  /** Planned on the collected PC with the same planner as an in-app apply. */
  readonly plan: ChangePlan;
  readonly source: KitSource;
  readonly language: KitLanguage;
  /** What fix.cmd collects into after\ (the same as collect.cmd). */
  readonly collect: CollectScriptOptions;
  /**
   * Whether a key exists on the collected PC. The kit's checks copy each root key, so it never
   * creates one: a value whose own key (`Common\Identity`, `Software\Microsoft\Exchange`) the
   * PC lacks is refused here, with what to do, rather than stopping on the PC with a wrong reason.
   */
  readonly keyExists: (path: string) => boolean;
  readonly now?: Date;
}

/** One file of the kit; `path` uses `/` (`check/user-after.reg`). */
export interface KitFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface KitManifest {
  readonly format: 'exchange-proxy-wizard-fix-kit';
  readonly version: 1;
  readonly createdAt: string;
  readonly language: KitLanguage;
  readonly source: KitSource;
  readonly plan: ChangePlan;
  readonly parts: { readonly user: boolean; readonly machine: boolean };
  readonly values: ReadonlyArray<{
    readonly part: KitPart;
    readonly fix: string;
    readonly profile: string | null;
    readonly account: string | null;
    readonly path: string;
    readonly name: string;
    readonly before: PlannedChange['before'];
    readonly after: PlannedChange['after'];
  }>;
  /** Every other file with its SHA-256 (kit.json cannot hold its own). */
  readonly files: ReadonlyArray<{ readonly path: string; readonly sha256: string; readonly bytes: number }>;
}

export interface FixKit {
  readonly files: readonly KitFile[];
  readonly manifest: KitManifest;
}

const KIT_KINDS = new Set([
  'roh-auth-scheme',
  'lm-compatibility-level',
  'back-connection-host-names',
  // The causes beyond KB820281 that are registry values (core/causes).
  'profile-config-flags',
  'profile-auth-package',
  'office-identity',
  'exchange-client-option',
]);

/** Said wherever a kit is asked to remove saved sign-ins. */
export const KIT_NO_REMOVALS =
  'A fix kit cannot remove saved sign-ins: collect.cmd does not list them, and a removal cannot be undone. ' +
  "Remove them by hand on that PC in Credential Manager (Windows Credentials); the kit's steps.html says where.";

/** The same checks an in-app apply makes, plus what a kit cannot carry. */
function checkChange(c: PlannedChange): void {
  for (const v of [c.before, c.after]) {
    const kind = checkWriteAllowed(c.path, c.name, v ? deserializeRegValue(v) : null);
    if (kind !== c.kind)
      throw new ExproxyError('not-allowed', `${c.path}\\${c.name} is not a ${c.kind} value.`);
  }
  if (!KIT_KINDS.has(c.kind) || c.view !== 'default') {
    throw new ExproxyError('not-allowed', `A fix kit cannot carry ${c.path}\\${c.name}.`);
  }
  rootOf(c);
}

const ascii = (s: string) => new TextEncoder().encode(s);

function script(text: string, name: string): KitFile {
  const problems = checkXpScript(text);
  if (problems.length > 0) {
    throw new ExproxyError('unexpected', `${name} would not run on Windows XP: ${problems[0]!.message}`);
  }
  return { path: name, bytes: ascii(text) };
}

/**
 * The fix kit for a collected PC: fix-*.reg and undo-*.reg (UTF-16LE REGEDIT5, values only
 * there), check\*.reg (the expected values for the read-back checks), fix.cmd and undo.cmd
 * (orchestration only), steps.html and kit.json (plan, values, source folder, file hashes).
 */
export async function makeFixKit(input: FixKitInput): Promise<FixKit> {
  const { plan } = input;
  if ((plan.removals ?? []).length > 0) throw new ExproxyError('not-allowed', KIT_NO_REMOVALS);
  if (plan.changes.length === 0) {
    throw new ExproxyError('usage', 'The plan changes nothing on that PC: there is no kit to make.');
  }
  plan.changes.forEach(checkChange);
  for (const c of plan.changes) {
    const root = rootOf(c);
    if (!root.subtree && !input.keyExists(root.path))
      throw new ExproxyError(
        'not-allowed',
        `A fix kit cannot create ${root.path}, which ${input.source.computer ?? 'that PC'} does not have (${c.fix} sets ${c.name} there). ` +
          'Set that value on the PC by hand (steps.html of another kit, or the wizard on a PC it runs on), or leave this fix out of the kit.',
      );
  }
  let user: ReturnType<typeof partRegFiles>;
  let machine: ReturnType<typeof partRegFiles>;
  try {
    user = partRegFiles(plan.changes, 'user');
    machine = partRegFiles(plan.changes, 'machine');
  } catch (e) {
    if (e instanceof ExproxyError) throw e;
    throw new ExproxyError(
      'not-allowed',
      `A value cannot be written into a .reg file: ${(e as Error).message}`,
    );
  }
  const computer =
    input.source.computer && isCmdLiteral('computer', input.source.computer) ? input.source.computer : null;
  const scriptInput = {
    user: rootChecks(plan.changes, 'user'),
    machine: rootChecks(plan.changes, 'machine'),
    restartOutlook: plan.restartOutlook,
    restartWindows: plan.restartWindows,
    restartIisAdmin: plan.changes.some((c) => c.kind === 'back-connection-host-names'),
    computer,
    collect: input.collect,
  };
  const files: KitFile[] = [
    script(makeKitScript({ ...scriptInput, direction: 'fix' }), 'fix.cmd'),
    script(makeKitScript({ ...scriptInput, direction: 'undo' }), 'undo.cmd'),
  ];
  for (const [part, reg] of [
    ['user', user],
    ['machine', machine],
  ] as const) {
    if (!reg) continue;
    files.push(
      { path: `fix-${part}.reg`, bytes: reg.fix },
      { path: `undo-${part}.reg`, bytes: reg.undo },
      { path: `check/${part}-after.reg`, bytes: reg.checkAfter },
      { path: `check/${part}-before.reg`, bytes: reg.checkBefore },
    );
  }
  const createdAt = (input.now ?? new Date()).toISOString();
  const listed = [...files.map((f) => f.path), 'steps.html', 'kit.json'];
  files.push({
    path: 'steps.html',
    bytes: new TextEncoder().encode(
      makeStepsHtml({
        language: input.language,
        plan,
        computer: input.source.computer,
        account: input.source.account,
        collectedAt: input.source.collectedAt ?? input.source.collectedAtText,
        madeAt: createdAt.slice(0, 16).replace('T', ' '),
        hasUserPart: user !== null,
        hasMachinePart: machine !== null,
        files: listed.map((p) => p.replace(/\//g, '\\')),
      }),
    ),
  });
  const manifest: KitManifest = {
    format: 'exchange-proxy-wizard-fix-kit',
    version: 1,
    createdAt,
    language: input.language,
    source: input.source,
    plan,
    parts: { user: user !== null, machine: machine !== null },
    values: plan.changes.map((c) => ({
      part: rootOf(c).part,
      fix: c.fix,
      profile: c.profile,
      account: c.account,
      path: c.path,
      name: c.name,
      before: c.before,
      after: c.after,
    })),
    files: await Promise.all(
      files.map(async (f) => ({ path: f.path, sha256: await sha256Hex(f.bytes), bytes: f.bytes.length })),
    ),
  };
  files.push({ path: 'kit.json', bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) });
  return { files, manifest };
}
