import { describe, expect, it } from 'vitest';
import { decodeEncodedCommand, encodedCommandArgs, psQuote } from './powershell-command';

/** Reads a PowerShell single-quoted literal the way PowerShell's tokenizer does. */
function readLiteral(source: string): { text: string; rest: string } {
  const QUOTES = "'\u2018\u2019\u201a\u201b";
  if (!QUOTES.includes(source[0]!)) throw new Error('not a single-quoted literal');
  let text = '';
  for (let i = 1; i < source.length; i++) {
    const c = source[i]!;
    if (QUOTES.includes(c)) {
      const next = source[i + 1];
      if (next !== undefined && QUOTES.includes(next)) {
        text += c;
        i++;
        continue;
      }
      return { text, rest: source.slice(i + 1) };
    }
    text += c;
  }
  throw new Error('unterminated literal');
}

describe('psQuote', () => {
  const hostile = [
    'C:\\Windows\\System32\\reg.exe',
    "it's",
    "'; Start-Process calc; '",
    '\u2018; calc; \u2019',
    '\u201a\u201b\u2019\u2018',
    '$(calc) `n $env:TEMP @(1) ${x}',
    'line\r\nnext',
    '"double" "quotes"',
    '',
  ];

  it.each(hostile)('%j is one literal that reads back exactly, with nothing after it', (text) => {
    const quoted = psQuote(text);
    expect(readLiteral(quoted)).toEqual({ text, rest: '' });
  });

  it('doubles every kind of single quote PowerShell accepts', () => {
    expect(psQuote("a'b\u2019c")).toBe("'a''b\u2019\u2019c'");
  });
});

describe('encodedCommandArgs', () => {
  it('fixed switches, then the script as Base64 UTF-16LE that decodes back exactly', () => {
    const script = '\'ünïcødé 张三\' "x" & | ^ %PATH%';
    const args = encodedCommandArgs(script);
    expect(args.slice(0, 6)).toEqual([
      '-NoLogo',
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
    expect(args[6]).toBe(Buffer.from(script, 'utf16le').toString('base64'));
    expect(decodeEncodedCommand(args)).toBe(script);
  });
});
