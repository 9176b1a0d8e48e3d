import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TFunction } from 'i18next';
import {
  CollectedPc,
  collectScriptOptions,
  isCollectedFolder,
  writeKitFolder,
} from '../../adapters/collected';
import { writeFileAtomic } from '../../adapters/node';
import { FIX_IDS, type ClientFixId } from '../../core/diagnosis/finding';
import { ExproxyError, UnreadableInputError } from '../../core/errors';
import type { ChangePlan } from '../../core/fixes/change-plan';
import { makeCollectScript } from '../../core/legacy-kit/collect-script';
import { KIT_NO_REMOVALS, makeFixKit } from '../../core/legacy-kit/fix-kit';
import { KIT_LANGUAGES, type KitLanguage } from '../../core/legacy-kit/steps-html';
import { proposeChange } from '../change-service';
import { cliLanguage } from './cli-i18n';
import type { CliIo } from './cli-io';
import type { CommandContext } from './command-context';
import { EXIT } from './exit-codes';
import { formatPlan } from './format-report';

const KIT_USAGE = `  exproxy kit collect --out DIR
  exproxy kit fix FIX... --machine COLLECTED_DIR --out KIT_DIR [--profile NAME] [--host FQDN] [--lang en|zh-CN] [--json]`;

export interface KitArgv {
  readonly sub: string;
  readonly positionals: string[];
  readonly values: Record<string, unknown>;
}

/** Every client fix and the server fix (the credential removal is named, then refused with why). */
const KIT_FIXES: readonly string[] = [...FIX_IDS, 'backconnection-host'];

function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') throw new ExproxyError('usage', `--${name} needs a value.`);
  return v;
}

/** `exproxy kit collect`: writes collect.cmd for a PC the app cannot run on. */
function collect(io: CliIo, t: TFunction, argv: KitArgv): number {
  if (argv.positionals.length > 0)
    throw new ExproxyError('usage', `kit collect takes no arguments (got "${argv.positionals[0]}").`);
  const out = stringOption(argv.values, 'out');
  if (!out) throw new ExproxyError('usage', t('kit.needsOut', { command: 'kit collect' }));
  mkdirSync(out, { recursive: true });
  const file = join(resolve(out), 'collect.cmd');
  writeFileAtomic(file, makeCollectScript(collectScriptOptions()));
  if (argv.values.json) io.out(JSON.stringify({ file }, null, 2));
  else {
    io.out(t('kit.collectWritten', { file }));
    io.out(t('kit.collectHowTo'));
  }
  return EXIT.ok;
}

/** Plans on the collected PC exactly as an in-app apply plans on a live one (same refusals). */
async function plan(
  pc: CollectedPc,
  fixes: readonly string[],
  values: Record<string, unknown>,
): Promise<ChangePlan> {
  if (fixes.includes('backconnection-host')) {
    if (fixes.length > 1)
      throw new ExproxyError('usage', 'backconnection-host is a server fix: make its kit on its own.');
    const host = stringOption(values, 'host');
    if (!host) throw new ExproxyError('usage', 'backconnection-host needs --host FQDN.');
    return (await proposeChange(pc, { kind: 'backconnection', host })).plan;
  }
  const request = {
    kind: 'fixes' as const,
    fixes: fixes as ClientFixId[],
    profile: stringOption(values, 'profile'),
  };
  return (await proposeChange(pc, request)).plan;
}

/** `exproxy kit fix`: plans on a collected PC and writes the kit folder for it. */
async function fix(io: CliIo, t: TFunction, argv: KitArgv): Promise<number> {
  const fixes = argv.positionals;
  if (fixes.length === 0) throw new ExproxyError('usage', `Name at least one fix: ${KIT_FIXES.join(', ')}.`);
  const unknown = fixes.find((f) => !KIT_FIXES.includes(f));
  if (unknown)
    throw new ExproxyError('usage', `Unknown fix "${unknown}". Known fixes: ${KIT_FIXES.join(', ')}.`);
  if (fixes.includes('remove-saved-credentials')) throw new ExproxyError('usage', KIT_NO_REMOVALS);
  const machine = stringOption(argv.values, 'machine');
  const out = stringOption(argv.values, 'out');
  if (!machine) throw new ExproxyError('usage', t('kit.needsMachine'));
  if (!out) throw new ExproxyError('usage', t('kit.needsOut', { command: 'kit fix' }));
  const lang = stringOption(argv.values, 'lang') ?? cliLanguage(io.env);
  if (!(KIT_LANGUAGES as readonly string[]).includes(lang))
    throw new ExproxyError('usage', t('kit.badLang', { lang, languages: KIT_LANGUAGES.join(', ') }));

  if (!isCollectedFolder(machine))
    throw new UnreadableInputError(t('kit.notCollected', { dir: machine }), machine);
  const pc = CollectedPc.load(machine);
  const missing = pc.coverage.filter((c) => c.state === 'missing');
  if (missing.length > 0) {
    throw new UnreadableInputError(
      t('kit.missingParts', { dir: machine, parts: missing.map((m) => m.request.path).join(', ') }),
      machine,
    );
  }
  const computer = pc.collectedFrom.computer ?? '?';
  const planned = await plan(pc, fixes, argv.values);
  if (planned.changes.length === 0) {
    if (argv.values.json) io.out(JSON.stringify({ kitDir: null, plan: planned }, null, 2));
    else io.out(t('kit.nothingToDo', { computer, fixes: planned.alreadyDone.join(', ') }));
    return EXIT.ok;
  }
  const kit = await makeFixKit({
    plan: planned,
    source: { ...pc.collectedFrom, folder: resolve(machine) },
    language: lang as KitLanguage,
    collect: collectScriptOptions(),
    keyExists: (path) => pc.tree.hasKey(path),
  });
  const kitDir = writeKitFolder(out, kit.files);
  if (argv.values.json) {
    io.out(JSON.stringify({ kitDir, files: kit.manifest.files, manifest: kit.manifest }, null, 2));
    return EXIT.ok;
  }
  io.out(formatPlan(t, planned, cliLanguage(io.env)));
  io.out('');
  io.out(t('kit.written', { computer, dir: kitDir }));
  for (const f of kit.files) io.out(`  ${f.path}`);
  const user = pc.collectedFrom.account ?? '?';
  io.out('');
  io.out(t(kit.manifest.parts.user ? 'kit.howToUser' : 'kit.howToMachine', { computer, user }));
  if (kit.manifest.parts.user && kit.manifest.parts.machine) io.out(t('kit.howToBoth', { user }));
  io.out(t('kit.howToUndo'));
  return EXIT.ok;
}

/** `exproxy kit collect|fix` as one of the CLI's commands. */
export function kitCommand(c: CommandContext, rest: readonly string[]): Promise<number> {
  return runKit(c.io, c.t, { sub: rest[0] ?? '', positionals: rest.slice(1), values: { ...c.v } });
}

/** `exproxy kit collect|fix`: reach the PCs the app cannot run on (Windows XP to 8.1). */
export async function runKit(io: CliIo, t: TFunction, argv: KitArgv): Promise<number> {
  switch (argv.sub) {
    case 'collect':
      return collect(io, t, argv);
    case 'fix':
      return fix(io, t, argv);
    default:
      throw new ExproxyError('usage', `${t('kit.unknownSub', { sub: argv.sub })}\n${KIT_USAGE}`);
  }
}
