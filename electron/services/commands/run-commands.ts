import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { FIX_IDS } from '../../core/diagnosis/finding';
import { ExproxyError, UnreadableInputError } from '../../core/errors';
import { writeFileAtomic } from '../../adapters/node';
import { applyCommand } from './apply-command';
import { cliLanguage, createCliT } from './cli-i18n';
import type { CliIo } from './cli-io';
import { CommandContext, type CommandValues } from './command-context';
import { diagnoseCommand } from './diagnose-command';
import { EXIT, exitCodeFor } from './exit-codes';
import { historyCommand } from './history-command';
import { kitCommand } from './kit-command';
import { prfCommand } from './prf-command';
import { probeCommand } from './probe-command';
import { rollbackCommand } from './rollback-command';
import { serverCommand } from './server-command';
import { parseScope } from './unattended';

const OPTIONS = {
  hive: { type: 'string' },
  machine: { type: 'string' },
  json: { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  profile: { type: 'string' },
  state: { type: 'string' },
  last: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  scope: { type: 'string' },
  report: { type: 'string' },
  silent: { type: 'boolean', default: false },
  out: { type: 'string' },
  url: { type: 'string' },
  ca: { type: 'string' },
  'connect-to': { type: 'string' },
  timeout: { type: 'string' },
  'no-network': { type: 'boolean', default: false },
  guide: { type: 'string' },
  server: { type: 'string' },
  fqdn: { type: 'string' },
  host: { type: 'string' },
  lang: { type: 'string' },
  credential: { type: 'string', multiple: true },
} as const;

type Command = (c: CommandContext, rest: readonly string[]) => Promise<number>;

/** One file per command; this table is the whole command set. */
const COMMANDS: Record<string, Command> = {
  diagnose: diagnoseCommand,
  apply: applyCommand,
  rollback: rollbackCommand,
  history: (c) => historyCommand(c),
  prf: (c) => prfCommand(c),
  probe: (c) => probeCommand(c),
  server: serverCommand,
  kit: kitCommand,
};

/** The usage text in the person's language. */
export function usage(env: NodeJS.ProcessEnv): string {
  return createCliT(cliLanguage(env))('usage', { fixes: FIX_IDS.join(', ') });
}

/**
 * `exproxy` and the packaged app's headless mode: parse, run one command, write `--report`,
 * and turn every failure into its exit code and a message that says what to do.
 */
export async function runCommands(argv: readonly string[], io: CliIo): Promise<number> {
  const t = createCliT(cliLanguage(io.env));
  let debug = argv.includes('--debug');
  try {
    let values: CommandValues & { debug?: boolean; help?: boolean; report?: string };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args: [...argv],
        options: OPTIONS,
        allowPositionals: true,
        strict: true,
      }));
    } catch (e) {
      throw new ExproxyError('usage', (e as Error).message);
    }
    debug = values.debug ?? false;
    const [command, ...rest] = positionals;
    if (values.help || command === 'help' || command === undefined) {
      io.out(usage(io.env));
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new ExproxyError('usage', `Unknown command "${command}".`);
    const c = new CommandContext(io, t, values, parseScope(values.scope));
    const startedAt = new Date().toISOString();
    let code: number = EXIT.unexpected;
    let failure: { kind: string; message: string } | null = null;
    try {
      code = await run(c, rest);
      return code;
    } catch (e) {
      failure = {
        kind: e instanceof ExproxyError ? e.kind : 'unexpected',
        message: e instanceof Error ? e.message : String(e),
      };
      code = failureCode(e);
      throw e;
    } finally {
      if (values.report) {
        mkdirSync(dirname(values.report), { recursive: true });
        const meta = {
          tool: 'exproxy',
          command,
          scope: c.scope,
          startedAt,
          finishedAt: new Date().toISOString(),
        };
        writeFileAtomic(
          values.report,
          JSON.stringify({ ...meta, exitCode: code, error: failure, ...c.record }, null, 2) + '\n',
        );
      }
    }
  } catch (e) {
    if (debug && e instanceof Error) io.err(e.stack ?? e.message);
    if (e instanceof UnreadableInputError) {
      io.err(t('error.unreadable', { message: e.message }));
      return EXIT.unreadable;
    }
    if (e instanceof ExproxyError) {
      if (e.kind === 'usage') io.err(`${t('error.usage', { message: e.message })}\n${t('error.seeHelp')}`);
      // The kind in the person's language; the detail as the core said it.
      else io.err(t(`error.kind.${e.kind}`, { message: e.message, defaultValue: e.message }));
      return exitCodeFor(e.kind);
    }
    io.err(t('error.unexpected', { message: e instanceof Error ? e.message : String(e) }));
    return EXIT.unexpected;
  }
}

function failureCode(e: unknown): number {
  if (e instanceof UnreadableInputError) return EXIT.unreadable;
  if (e instanceof ExproxyError) return exitCodeFor(e.kind);
  return EXIT.unexpected;
}
