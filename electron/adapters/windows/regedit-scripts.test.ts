/**
 * regedit's scripts through our own cscript call, as captured process calls: cscript cannot
 * run under Wine, so a fake script host answers by regedit's line protocol from an in-memory
 * registry (FakeRegedit), after undoing the escaping exactly as VBScript's `unescape` would.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegTree } from '../../core/registry/reg-tree';
import type { RegistryPort } from '../../core/registry/registry-port';
import type { ProcessResult } from './process-runner';
import { RegeditRegistry, type RegeditArch, type RegeditValue } from './regedit-registry';
import { CscriptRegeditApi, findRegeditScripts, scriptInput, vbsEscape } from './regedit-scripts';
import { FakeRegedit, RecordingRunner, result, type RecordedCall } from '../../test-support/windows-fakes';

const CSCRIPT = 'C:\\Windows\\System32\\cscript.exe';
const SCRIPTS = 'C:\\Program Files\\Exchange Proxy Wizard\\resources\\regedit\\vbs';
const HOSTILE = 'Pro"file & |^%!<>\'`x 张三 \u{1f600}';
const SECTION = '13dbb0c8aa05101a9bb000aa002fc45a';
const PROFILES =
  'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';

/** The lines a script would read from stdin, as VBScript's ReadLine + unescape give them. */
function inputLines(call: RecordedCall): string[] {
  const lines = (call.stdin ?? '').split('\r\n');
  const end = lines.indexOf('');
  expect(end).toBe(lines.length - 2); // the blank line that ends input, then nothing
  return lines.slice(0, end).map((l) => unescape(l));
}

/** JSON with every non-ASCII character as \\uXXXX, as the scripts' JsonU writes it. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A script host that runs regedit's three scripts against `regedit` (a FakeRegedit). */
class FakeScriptHost extends RecordingRunner {
  constructor(regedit: FakeRegedit) {
    super(async (call) => {
      const [nologo, script, arch] = call.args as [string, string, RegeditArch];
      expect(nologo).toBe('//Nologo');
      const lines = inputLines(call);
      try {
        if (script.endsWith('regListStream.wsf')) {
          const listed = await regedit.list(lines, arch);
          const out = lines.map((key) => `${asciiJson({ key, data: listed[key] })}\r\n`).join('');
          return result(0, out);
        }
        if (script.endsWith('regPutValue.wsf')) {
          const map: Record<string, Record<string, RegeditValue>> = {};
          for (let i = 0; i < lines.length; i += 4) {
            const [key, name, value, type] = lines.slice(i, i + 4) as [string, string, string, string];
            const parsed =
              type === 'REG_BINARY'
                ? value.split(',').map(Number)
                : type === 'REG_DWORD'
                  ? Number(value)
                  : value;
            (map[key] ??= {})[name] = { type, value: parsed };
          }
          await regedit.putValue(map, arch);
          return result(0);
        }
        if (script.endsWith('regDeleteValue.wsf')) {
          await regedit.deleteValue(lines, arch);
          return result(0);
        }
      } catch (e) {
        return result((e as { code?: number }).code ?? 1, '', String(e));
      }
      return result(1, '', `unexpected script ${script}`);
    });
  }
}

function setup(tree = new RegTree()) {
  const host = new FakeScriptHost(new FakeRegedit(tree));
  const api = new CscriptRegeditApi(host, { cscript: CSCRIPT, scriptsDir: SCRIPTS });
  return { tree, host, api, registry: new RegeditRegistry(api) as RegistryPort };
}

describe('CscriptRegeditApi', () => {
  it('lists any number of keys with one System32 cscript, keys on stdin, answers in order', async () => {
    const tree = new RegTree();
    tree.setValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627', { type: 'REG_DWORD', data: 1 });
    const { host, api } = setup(tree);
    const keys = [`${PROFILES}\\${HOSTILE}\\${SECTION}`, `${PROFILES}\\missing`, `${PROFILES}\\${HOSTILE}`];
    const listed = await api.list(keys, '64');
    expect(host.calls).toHaveLength(1);
    expect(host.calls[0]).toMatchObject({
      file: CSCRIPT,
      args: ['//Nologo', join(SCRIPTS, 'regListStream.wsf'), '64'],
      stdin: scriptInput(keys),
      timeoutMs: 600_000,
    });
    // Nothing but ASCII letters, digits and escapes on stdin: no quote, space or line break.
    expect(host.calls[0]!.stdin).toMatch(/^[A-Za-z0-9@*_+\-./%\r\n]+$/);
    expect(listed[keys[0]!]!.values['00036627']).toEqual({ type: 'REG_DWORD', value: 1 });
    expect(listed[keys[1]!]!.exists).toBe(false);
    expect(listed[keys[2]!]!.keys).toEqual([SECTION]);
  });

  it('a whole read, write and delete through RegeditRegistry never runs a bare cscript or `where`', async () => {
    const tree = new RegTree();
    tree.setValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627', {
      type: 'REG_BINARY',
      data: Uint8Array.of(1, 0, 0, 0),
    });
    const { host, registry } = setup(tree);
    await (registry as RegeditRegistry).probe();
    const read = await registry.readSubtrees([{ path: PROFILES }]);
    expect(read.getValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: Uint8Array.of(1, 0, 0, 0),
    });
    await registry.setValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627', {
      type: 'REG_BINARY',
      data: Uint8Array.of(2, 0, 0, 0),
    });
    expect(tree.getValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: Uint8Array.of(2, 0, 0, 0),
    });
    await registry.deleteValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627');
    await registry.deleteValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627'); // absent: exit 2 is success
    expect(tree.getValue(`${PROFILES}\\${HOSTILE}\\${SECTION}`, '00036627')).toBeUndefined();
    expect(host.calls.length).toBeGreaterThanOrEqual(6);
    expect(new Set(host.calls.map((c) => c.file))).toEqual(new Set([CSCRIPT]));
    expect(host.calls.map((c) => c.args[1])).not.toContainEqual(expect.stringMatching(/where/i));
    expect(inputLines(host.calls.find((c) => c.args[1]!.endsWith('regPutValue.wsf'))!)).toEqual([
      `${PROFILES}\\${HOSTILE}\\${SECTION}`,
      '00036627',
      '2,0,0,0',
      'REG_BINARY',
    ]);
  });

  it('no Windows folder or no scripts: nothing runs, and the adapter reports the script host as unavailable', async () => {
    for (const opts of [
      { cscript: undefined, scriptsDir: SCRIPTS },
      { cscript: CSCRIPT, scriptsDir: undefined },
    ]) {
      const host = new RecordingRunner();
      const registry = new RegeditRegistry(new CscriptRegeditApi(host, opts));
      await expect(registry.probe()).rejects.toMatchObject({ kind: 'blocked' });
      expect(host.calls).toEqual([]);
    }
  });

  it('Windows Script Host disabled or silent → blocked; a script error keeps its exit code', async () => {
    const answers: ProcessResult[] = [
      result(
        1,
        '',
        'Windows Script Host access is disabled on this machine. Contact your administrator for details.\r\n',
      ),
      result(1),
      result(0),
    ];
    for (const answer of answers) {
      const registry = new RegeditRegistry(
        new CscriptRegeditApi(new RecordingRunner(() => answer), { cscript: CSCRIPT, scriptsDir: SCRIPTS }),
      );
      await expect(registry.probe()).rejects.toMatchObject({ kind: 'blocked' });
    }
    const denied = new CscriptRegeditApi(new RecordingRunner(() => result(5)), {
      cscript: CSCRIPT,
      scriptsDir: SCRIPTS,
    });
    await expect(
      denied.putValue({ 'HKCU\\X': { v: { type: 'REG_DWORD', value: 1 } } }, 'A'),
    ).rejects.toMatchObject({
      code: 5,
      message: 'putValue: access is denied',
    });
    const partial = new CscriptRegeditApi(
      new RecordingRunner(() =>
        result(0, '{"key":"HKCU\\\\A","data":{"exists":false,"keys":[],"values":{}}}\r\n'),
      ),
      { cscript: CSCRIPT, scriptsDir: SCRIPTS },
    );
    await expect(partial.list(['HKCU\\A', 'HKCU\\B'], 'A')).rejects.toThrow(/cscript listed 1 of 2 keys/);
  });
});

describe('regedit script protocol', () => {
  it('vbsEscape is JavaScript escape(), which VBScript unescape() undoes', () => {
    const samples = [HOSTILE, 'HKCU\\Software', 'a,b;c\r\n\t\0', '\u00ff\u0100\ud83d', 'ÄÖÜ äöü ß €'];
    for (const s of samples) {
      expect(vbsEscape(s)).toBe(escape(s));
      expect(unescape(vbsEscape(s))).toBe(s);
    }
    let all = '';
    for (let c = 0; c < 0x3000; c++) all += String.fromCharCode(c);
    expect(vbsEscape(all)).toBe(escape(all));
  });

  it('scriptInput ends with the blank line that stops the script', () => {
    expect(scriptInput(['HKCU\\A b', 'x'])).toBe('HKCU%5CA%20b\r\nx\r\n\r\n');
    expect(scriptInput([])).toBe('\r\n');
  });
});

describe('findRegeditScripts', () => {
  const has = (dirs: string[]) => (p: string) => dirs.some((d) => p === join(d, 'regListStream.wsf'));

  it('prefers the packaged copy, then the regedit package; undefined when neither exists', () => {
    const packaged = join('/opt/app/resources', 'regedit', 'vbs');
    const module = join('/src/node_modules/regedit', 'vbs');
    expect(
      findRegeditScripts('/opt/app/resources', '/src/node_modules/regedit', has([packaged, module])),
    ).toBe(packaged);
    expect(findRegeditScripts('/opt/app/resources', '/src/node_modules/regedit', has([module]))).toBe(module);
    expect(findRegeditScripts(undefined, '/src/node_modules/regedit', has([module]))).toBe(module);
    expect(findRegeditScripts('/opt/app/resources', undefined, has([]))).toBeUndefined();
  });

  it('finds the scripts of the installed regedit package', () => {
    expect(findRegeditScripts(undefined)).toMatch(/regedit[\\/]vbs$/);
  });
});
