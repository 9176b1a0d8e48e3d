import { describe, expect, it } from 'vitest';
import { execFileRunner, ProgramNotFoundError, ProgramTimeoutError, systemTool } from './process-runner';

const HOSTILE = ['Pro"file & |^%!<>\'`x', '张三', 'line1\nline2', '$(touch /tmp/x)', ''];

describe('execFileRunner', () => {
  it('passes every argument verbatim (no shell) and returns bytes', async () => {
    const r = await execFileRunner.run(process.execPath, [
      '-e',
      'process.stdout.write(JSON.stringify(process.argv.slice(1)))',
      ...HOSTILE,
    ]);
    expect(r.code).toBe(0);
    expect(Buffer.isBuffer(r.stdout)).toBe(true);
    expect(JSON.parse(r.stdout.toString('utf8'))).toEqual(HOSTILE);
  });

  it('a non-zero exit is a result, with stderr', async () => {
    const r = await execFileRunner.run(process.execPath, [
      '-e',
      'process.stderr.write("nope"); process.exit(3)',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr.toString()).toBe('nope');
  });

  it('writes stdin when asked and closes it either way', async () => {
    const echo = [
      '-e',
      'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => process.stdout.write(`[${s}]`))',
    ];
    const withInput = await execFileRunner.run(process.execPath, echo, { stdin: 'HKCU%5CSoftware\r\n\r\n' });
    expect(withInput.stdout.toString()).toBe('[HKCU%5CSoftware\r\n\r\n]');
    const without = await execFileRunner.run(process.execPath, echo, { timeoutMs: 5000 });
    expect(without.stdout.toString()).toBe('[]');
    // A program that never reads its input still ends normally.
    const ignoring = await execFileRunner.run(process.execPath, ['-e', 'process.exit(0)'], {
      stdin: 'x'.repeat(1 << 20),
    });
    expect(ignoring.code).toBe(0);
  });

  it('a missing program throws a clear error', async () => {
    const e = await execFileRunner.run('definitely-not-a-program-exproxy', []).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProgramNotFoundError);
    expect((e as Error).message).toMatch(/definitely-not-a-program-exproxy could not be started/);
  });

  it('stops a program that runs too long', async () => {
    const e = await execFileRunner
      .run(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { timeoutMs: 200 })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProgramTimeoutError);
  });

  it('systemTool gives the System32 path on Windows only', () => {
    const expected = process.platform === 'win32' ? /System32[\\/]reg\.exe$/ : /^reg\.exe$/;
    expect(systemTool('reg.exe', { SystemRoot: 'C:\\Windows' })).toMatch(expected);
    expect(systemTool('reg.exe', {})).toBe('reg.exe');
  });
});
