/**
 * Static check of a generated batch file against what Windows XP SP2 has (the kit cannot be
 * run on XP here): plain ASCII with CRLF, only cmd.exe built-ins and switches that exist
 * there, reg.exe sub-commands with XP's switches (no `/y` on export, no `/reg:32|64`, no
 * `query /f`), no PowerShell, where, choice or timeout, no `||` or `&&`. Also the constructs
 * Wine's cmd.exe runs differently (see cmd-routines.ts), and every goto/call target exists.
 */
export interface XpProblem {
  readonly line: number;
  readonly message: string;
}

const BUILTINS = new Set([
  'echo',
  'set',
  'setlocal',
  'endlocal',
  'if',
  'for',
  'goto',
  'call',
  'exit',
  'shift',
  'rem',
  'md',
  'del',
  'rd',
  'copy',
  'ver',
]);

/** Built-in switches the scripts may use (all present in XP's cmd.exe). */
const BUILTIN_SWITCHES: Record<string, readonly string[]> = {
  set: ['/a', '/p'],
  del: ['/f', '/q'],
  rd: ['/s', '/q'],
  exit: ['/b'],
};

/** Programs the scripts may start, by file name, with the sub-commands and switches XP's versions have. */
const TOOLS: Record<
  string,
  { readonly sub?: Record<string, readonly string[]>; readonly switches?: readonly string[] }
> = {
  'reg.exe': {
    sub: {
      query: ['/v', '/ve', '/s', '/se'],
      export: [],
      import: [],
      copy: ['/s', '/f'],
      delete: ['/v', '/ve', '/va', '/f'],
    },
  },
  'tasklist.exe': { switches: ['/nh', '/fo', '/fi'] },
  'wmic.exe': { switches: [] },
  'cmd.exe': { switches: ['/d', '/u', '/c'] },
  'cscript.exe': { switches: ['//nologo', '/l', '/fi', '/fo', '/v', '/r'] },
  'appcmd.exe': { switches: [] },
  'wevtutil.exe': { switches: ['/f', '/rd', '/c'] },
};

const FORBIDDEN: Record<string, string> = {
  powershell: 'PowerShell is not part of Windows XP',
  'powershell.exe': 'PowerShell is not part of Windows XP',
  where: 'where.exe does not exist on Windows XP',
  choice: 'choice.exe does not exist on Windows XP',
  timeout: 'timeout.exe does not exist on Windows XP',
  icacls: 'icacls.exe does not exist on Windows XP',
  certutil: 'certutil.exe does not exist on Windows XP',
  setx: 'setx.exe does not exist on Windows XP',
  robocopy: 'robocopy.exe does not exist on Windows XP',
  forfiles: 'forfiles.exe does not exist on Windows XP',
  whoami: 'whoami.exe does not exist on Windows XP',
  fc: "fc.exe is a stub in Wine's tests; compare with reg query instead",
};

/** Variables the scripts point at a program (`set "REG=%SystemRoot%\System32\reg.exe"`). */
const TOOL_VARIABLES: Record<string, string> = { '%reg%': 'reg.exe' };

/** `%NAME:~0,1%` and `%NAME:a=b%` read as `%NAME%`: their text is expanded before cmd parses. */
function simplifyPercents(line: string): string {
  return line.replace(/%([A-Za-z_][A-Za-z0-9_]*):[^%]*%/g, '%$1%');
}

/** Splits a line into tokens: quoted strings stay whole; `&`, `(` and `)` are tokens of their own. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let cur = '';
  let quoted = false;
  const push = () => {
    if (cur) tokens.push(cur);
    cur = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '^' && !quoted && i + 1 < line.length) {
      cur += c + line[++i]!;
      continue;
    }
    if (c === '"') {
      quoted = !quoted;
      cur += c;
      continue;
    }
    if (!quoted && (c === ' ' || c === '\t')) {
      push();
      continue;
    }
    if (!quoted && c === '&' && cur.endsWith('>')) {
      cur += c; // 2>&1
      continue;
    }
    if (!quoted && (c === '&' || c === '(' || c === ')' || c === '|')) {
      push();
      tokens.push(c);
      continue;
    }
    cur += c;
  }
  push();
  return tokens;
}

function isRedirect(t: string): boolean {
  return /^[12]?>>?/.test(t) || t.startsWith('<');
}

const unquote = (t: string) => t.replace(/^"|"$/g, '');

interface Ctx {
  readonly line: number;
  readonly problems: XpProblem[];
  readonly labels: Set<string>;
  readonly jumps: Array<{ line: number; label: string }>;
}

function problem(ctx: Ctx, message: string): void {
  ctx.problems.push({ line: ctx.line, message });
}

function toolName(word: string): string | null {
  const w = unquote(word).toLowerCase();
  if (TOOL_VARIABLES[w]) return TOOL_VARIABLES[w]!;
  const m = /\\([a-z0-9]+\.exe)$/.exec(w);
  if (m && TOOLS[m[1]!]) {
    if (!/^%systemroot%\\(system32|sysnative)\\/.test(w))
      return `!${m[1]} must be started by its full %SystemRoot%\\System32 path`;
    return m[1]!;
  }
  return null;
}

function checkTool(ctx: Ctx, tool: string, args: readonly string[]): void {
  const spec = TOOLS[tool]!;
  let allowed = spec.switches ?? [];
  if (spec.sub) {
    const sub = (args[0] ?? '').toLowerCase();
    if (!spec.sub[sub]) {
      problem(ctx, `${tool} ${sub || '(nothing)'}: not a sub-command used with XP's ${tool}`);
      return;
    }
    allowed = spec.sub[sub]!;
  }
  for (const a of args) {
    const lower = unquote(a).toLowerCase();
    if (/^\/reg:/.test(lower)) problem(ctx, `${tool}: ${a} does not exist in XP's reg.exe`);
    else if (/^\/\/?[a-z]/.test(lower) && !a.startsWith('"') && !allowed.includes(lower.replace(/:.*$/, '')))
      problem(ctx, `${tool} ${spec.sub ? `${args[0]} ` : ''}${a}: switch not available on Windows XP`);
  }
  if (tool === 'cmd.exe') {
    const c = args.findIndex((a) => a.toLowerCase() === '/c');
    if (c >= 0 && args[c + 1]) checkCommandText(ctx, unquote(args.slice(c + 1).join(' ')));
  }
}

function checkSimpleCommand(ctx: Ctx, tokens: readonly string[]): void {
  if (tokens.length === 0) return;
  const [first, ...rest] = tokens;
  const word = first!.replace(/^@/, '');
  const lower = word.toLowerCase();
  if (lower === 'echo' || lower.startsWith('echo.')) return;
  const tool = toolName(word);
  if (tool?.startsWith('!')) {
    problem(ctx, tool.slice(1));
    return;
  }
  if (tool) {
    checkTool(ctx, tool, rest);
    return;
  }
  if (FORBIDDEN[lower]) {
    problem(ctx, FORBIDDEN[lower]!);
    return;
  }
  if (!BUILTINS.has(lower)) {
    problem(ctx, `"${word}" is not a command every Windows from XP has (or not on this script's list)`);
    return;
  }
  if (lower === 'setlocal' && rest.some((r) => /enabledelayedexpansion/i.test(r)))
    problem(ctx, "delayed expansion: Wine's cmd.exe expands ! inside values again");
  if (lower === 'goto' || lower === 'call') {
    const target = rest[0] ?? '';
    if (target.startsWith(':') && target.toLowerCase() !== ':eof')
      ctx.jumps.push({ line: ctx.line, label: target.slice(1).toLowerCase() });
    else if (lower === 'goto' && target.toLowerCase() !== ':eof')
      problem(ctx, `goto ${target}: write goto :label`);
    else if (lower === 'call' && !target.startsWith(':'))
      problem(ctx, 'call of a file path: its text is expanded twice; call a :label');
  }
  const switches = BUILTIN_SWITCHES[lower] ?? [];
  if (lower !== 'if' && lower !== 'for' && lower !== 'copy' && lower !== 'md')
    for (const r of rest)
      if (/^\/[a-z]/i.test(r) && !switches.includes(r.toLowerCase()))
        problem(ctx, `${lower} ${r}: not a switch this script may use`);
}

/** Checks one line's commands (after the line was split off and simplified). */
function checkCommandText(ctx: Ctx, text: string): void {
  const tokens = tokenize(text);
  if (tokens.includes('|')) problem(ctx, 'a pipe: not used by these scripts');
  if (/(^|[\s&(])@?echo\(/i.test(text))
    problem(ctx, "echo( prints the parenthesis in Wine's cmd.exe; use echo.");
  if (
    tokens.some((t, k) => t === ')' && isRedirect(tokens[k + 1] ?? '')) ||
    /\)\s*[12]?>/.test(text.replace(/"[^"]*"/g, ''))
  )
    problem(ctx, "') 2>nul' after a block: Wine's cmd.exe misreads it");
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t === '&' || t === '(' || t === ')' || t === '|') {
      i++;
      continue;
    }
    if (isRedirect(t)) {
      i += /^[12]?>>?$|^<$/.test(t) ? 2 : 1;
      continue;
    }
    const lower = t.replace(/^@/, '').toLowerCase();
    if (lower === 'rem') return;
    if (lower === 'if') {
      i++;
      if (tokens[i]?.toLowerCase() === '/i') i++;
      if (tokens[i]?.toLowerCase() === 'not') i++;
      const cond = tokens[i]?.toLowerCase();
      i +=
        cond === 'defined' || cond === 'exist' || cond === 'errorlevel' ? 2 : tokens[i + 1] === '==' ? 3 : 1;
      continue;
    }
    if (lower === 'for') {
      const doAt = tokens.findIndex((x, k) => k > i && x.toLowerCase() === 'do');
      if (doAt < 0) {
        problem(ctx, 'for without do');
        return;
      }
      const set = tokens.slice(i, doAt).join(' ');
      const inner = /\(\s*'(.*)'\s*\)/.exec(set);
      if (inner) checkCommandText(ctx, inner[1]!.replace(/\^([<>|&])/g, '$1'));
      for (const sw of tokens.slice(i + 1, doAt).filter((x) => /^\/[a-z]$/i.test(x)))
        if (!['/f', '/l'].includes(sw.toLowerCase())) problem(ctx, `for ${sw}: not used by these scripts`);
      if (tokens[doAt + 1]?.toLowerCase() === 'if' && tokens[tokens.length - 1] === '(')
        problem(ctx, "a multi-line if block inside a for body: Wine's cmd.exe reports a syntax error");
      i = doAt + 1;
      continue;
    }
    // One command: to the next & or ) (echo text runs to the end of the line or the next &).
    const start = i;
    const isEcho = lower === 'echo' || lower.startsWith('echo');
    while (i < tokens.length && tokens[i] !== '&' && (isEcho || tokens[i] !== ')')) i++;
    const cmd = tokens.slice(start, i).filter((x, k) => k === 0 || !isRedirect(x));
    checkSimpleCommand(ctx, cmd);
  }
}

export function checkXpScript(text: string): XpProblem[] {
  const problems: XpProblem[] = [];
  const labels = new Set<string>();
  const jumps: Array<{ line: number; label: string }> = [];
  if (!text.endsWith('\r\n')) problems.push({ line: 0, message: 'the file does not end with CRLF' });
  const lines = text.split('\r\n');
  lines.forEach((line, idx) => {
    const ctx: Ctx = { line: idx + 1, problems, labels, jumps };
    if (/[\r\n]/.test(line)) problem(ctx, 'a line break that is not CRLF');
    if (!/^[\x20-\x7e]*$/.test(line.replace(/[\r\n]/g, ''))) problem(ctx, 'not plain ASCII');
    const trimmed = line.trim();
    if (trimmed === '' || /^@?rem(\s|$)/i.test(trimmed)) return;
    if (trimmed.startsWith(':')) {
      labels.add(trimmed.slice(1).split(/\s/)[0]!.toLowerCase());
      return;
    }
    if (line.includes('||')) problem(ctx, "'||' behaves differently in Wine's cmd.exe; use if errorlevel");
    if (line.includes('&&')) problem(ctx, "'&&' is avoided with '||'; use if errorlevel");
    if (/\/v:on/i.test(line)) problem(ctx, "delayed expansion: Wine's cmd.exe expands ! inside values again");
    if (/\bfind(\.exe)?\s+\/i\b/i.test(line)) problem(ctx, "find /i does not exist in Wine's find.exe");
    if (/\bexist\s+"[^"]*\\"/i.test(line)) problem(ctx, 'if exist "name\\" is true for a file too in Wine');
    checkCommandText(ctx, simplifyPercents(line));
  });
  for (const j of jumps)
    if (!labels.has(j.label)) problems.push({ line: j.line, message: `no label :${j.label}` });
  return problems.sort((a, b) => a.line - b.line);
}
