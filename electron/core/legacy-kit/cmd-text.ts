/**
 * Building blocks for the generated batch files. Every script is plain ASCII with CRLF line
 * ends (cmd.exe on every Windows from XP reads that the same in any code page), and every
 * value put into a script is fixed text or checked against a pattern first: registry data
 * (profile names, servers, values) never reaches a command line.
 */
import { ExproxyError } from '../errors';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Joins script lines with CRLF; refuses anything but printable ASCII. */
export function cmdFile(lines: readonly string[]): string {
  lines.forEach((line, i) => {
    if (!PRINTABLE_ASCII.test(line)) {
      throw new ExproxyError('unexpected', `generated script line ${i + 1} is not plain ASCII: ${line}`);
    }
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** Registry key paths the scripts name: from the product's own constants, checked anyway. */
const KEY_LITERAL = /^(?:HKCU|HKLM)(?:\\[A-Za-z0-9 ._-]+)+$/;
/** Export and listing file names. */
const FILE_LITERAL = /^[a-z0-9][a-z0-9._-]*$/;
/** Registry value names the checks look for (the allowlisted ones are plain words or hex). */
const VALUE_NAME_LITERAL = /^[A-Za-z0-9_]+$/;
/** IIS site paths and metabase paths (`Default Web Site/Exchange`, `W3SVC/1/ROOT`). */
const IIS_LITERAL = /^[A-Za-z0-9 ._/-]+$/;
/** A wevtutil XPath filter: brackets, quotes and operators, but nothing cmd.exe acts on. */
const XPATH_LITERAL = /^[A-Za-z0-9 *[\]()@='_./:-]+$/;
/** A Windows computer (NetBIOS) name. */
const COMPUTER_LITERAL = /^[A-Za-z0-9][A-Za-z0-9-]{0,14}$/;

export type LiteralKind = 'key' | 'file' | 'value-name' | 'iis' | 'xpath' | 'computer';

const PATTERNS: Record<LiteralKind, RegExp> = {
  key: KEY_LITERAL,
  file: FILE_LITERAL,
  'value-name': VALUE_NAME_LITERAL,
  iis: IIS_LITERAL,
  xpath: XPATH_LITERAL,
  computer: COMPUTER_LITERAL,
};

/** Returns `value` when it is safe to write into a script as `kind`; throws otherwise. */
export function cmdLiteral(kind: LiteralKind, value: string): string {
  if (!PATTERNS[kind].test(value)) {
    throw new ExproxyError('unexpected', `refusing to put ${JSON.stringify(value)} into a script (${kind})`);
  }
  return value;
}

export function isCmdLiteral(kind: LiteralKind, value: string): boolean {
  return PATTERNS[kind].test(value);
}
