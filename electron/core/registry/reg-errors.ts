/** How the `.reg` codec words what it found where. */
import { UnreadableInputError } from '../errors';

export function quoteFound(s: string): string {
  if (s.length === 0) return 'nothing';
  const shown = JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
  return s.includes('\0')
    ? `${shown} (NUL characters: binary data, or UTF-16 without its byte order mark?)`
    : shown;
}

/** 1-based line of `index` in `text`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** `file line N: what`, the form every codec message takes. */
export function whereText(fileName: string | undefined, line: number, what: string): string {
  return `${fileName ? `${fileName} ` : ''}line ${line}: ${what}`;
}

export function unreadable(fileName: string | undefined, line: number, what: string): UnreadableInputError {
  return new UnreadableInputError(whereText(fileName, line, what), fileName, line);
}

export function asUnreadable(e: unknown, fileName: string | undefined): UnreadableInputError {
  if (e instanceof UnreadableInputError) return e;
  const why = e instanceof Error ? e.message : String(e);
  return new UnreadableInputError(
    `${fileName ? `${fileName}: ` : ''}could not be read as a .reg file (${why})`,
    fileName,
  );
}
