/**
 * Windows PowerShell treats these four characters alike as single quotes; inside a
 * single-quoted string each is written twice to stand for itself.
 */
const SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/** A PowerShell single-quoted string literal: nothing inside it is expanded or run. */
export function psQuote(text: string): string {
  return `'${text.replace(SINGLE_QUOTES, '$&$&')}'`;
}

/**
 * powershell.exe arguments that run `script` and nothing else: no profile (profiles live in
 * the user's Documents), no prompt, and the script as Base64 UTF-16LE so no quoting rule of
 * the command line or of PowerShell can change it.
 */
export function encodedCommandArgs(script: string): string[] {
  const encoded = Buffer.from(script, 'utf16le').toString('base64');
  return [
    '-NoLogo',
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-EncodedCommand',
    encoded,
  ];
}

/** The script back from `encodedCommandArgs` (tests decode what would run). */
export function decodeEncodedCommand(args: readonly string[]): string {
  const i = args.indexOf('-EncodedCommand');
  const encoded = i >= 0 ? args[i + 1] : undefined;
  if (encoded === undefined) throw new Error('no -EncodedCommand argument');
  return Buffer.from(encoded, 'base64').toString('utf16le');
}
