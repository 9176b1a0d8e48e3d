import { describe, expect, it } from 'vitest';
import { elevationScript, EXIT_DECLINED, EXIT_NOT_STARTED, parseElevationResult } from './elevation-script';

describe('elevation script', () => {
  it('quotes the program, parameters and folder as literals, even if they held quotes', () => {
    const script = elevationScript("C:\\Win'dows", "C:\\Win'dows\\System32\\reg.exe", "add x'y");
    expect(script).toContain("$program = 'C:\\Win''dows\\System32\\reg.exe'\r\n");
    expect(script).toContain("$parameters = 'add x''y'\r\n");
    expect(script).toContain("$folder = 'C:\\Win''dows\\System32'\r\n");
  });

  it('the decline code is Windows ERROR_CANCELLED and differs from every reg.exe exit code', () => {
    expect(EXIT_DECLINED).toBe(1223);
    expect([0, 1, 2]).not.toContain(EXIT_NOT_STARTED);
    expect(EXIT_NOT_STARTED).not.toBe(EXIT_DECLINED);
  });
});

describe('parseElevationResult', () => {
  it('reads the last result line', () => {
    expect(parseElevationResult('exproxy-elevation: exit 0\r\n')).toEqual({ status: 'exited', code: 0 });
    expect(parseElevationResult('noise\r\nexproxy-elevation: exit 5\r\n')).toEqual({
      status: 'exited',
      code: 5,
    });
    expect(parseElevationResult('exproxy-elevation: declined\r\n')).toEqual({ status: 'declined' });
    expect(parseElevationResult('Access is denied.\r\nexproxy-elevation: not-started\r\n')).toEqual({
      status: 'not-started',
    });
  });

  it('no result line, or a garbled one: undefined (PowerShell failed before reporting)', () => {
    expect(parseElevationResult('')).toBeUndefined();
    expect(parseElevationResult('At line:1 char:1')).toBeUndefined();
    expect(parseElevationResult('exproxy-elevation: exit lots')).toBeUndefined();
    expect(parseElevationResult('exproxy-elevation: accepted')).toBeUndefined();
  });
});
