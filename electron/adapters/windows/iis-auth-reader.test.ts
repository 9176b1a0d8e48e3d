import { describe, expect, it } from 'vitest';
import { ProgramNotFoundError } from './process-runner';
import { adsutilArgs, appcmdArgs, WindowsIisAuthReader } from './iis-auth-reader';
import { RecordingRunner, result } from '../../test-support/windows-fakes';

const ENV = { SystemRoot: 'D:\\Windows', SystemDrive: 'E:' };
const APPCMD = 'D:\\Windows\\System32\\inetsrv\\appcmd.exe';

describe('IIS authentication reader', () => {
  it('IIS 7+: appcmd for the Exchange and owa directories, argument arrays only', async () => {
    const runner = new RecordingRunner((c) =>
      result(
        0,
        c.args[2] === 'Default Web Site/owa'
          ? '<providers><add value="NTLM" /></providers>'
          : '<providers><add value="Negotiate" /><add value="NTLM" /></providers>',
      ),
    );
    const readings = await new WindowsIisAuthReader(runner, ENV).read();
    expect(runner.calls.map((c) => [c.file, c.args])).toEqual([
      [APPCMD, appcmdArgs('Default Web Site/Exchange')],
      [APPCMD, appcmdArgs('Default Web Site/owa')],
    ]);
    expect(readings.map((r) => [r.site, r.kerberosPossible, r.source])).toEqual([
      ['Default Web Site/Exchange', true, 'appcmd'],
      ['Default Web Site/owa', false, 'appcmd'],
    ]);
  });

  it('IIS 6: falls back to adsutil.vbs through cscript when appcmd does not exist', async () => {
    const runner = new RecordingRunner((c) => {
      if (c.file === APPCMD) throw new ProgramNotFoundError(c.file);
      return result(0, 'NTAuthenticationProviders       : (STRING) "NTLM"');
    });
    const readings = await new WindowsIisAuthReader(runner, ENV).read();
    expect(runner.calls[1]).toMatchObject({
      file: 'D:\\Windows\\System32\\cscript.exe',
      // The drive of the checked Windows folder, not a separately settable SystemDrive.
      args: adsutilArgs('D:\\Inetpub\\AdminScripts\\adsutil.vbs', 'W3SVC/1/ROOT/Exchange'),
    });
    expect(readings).toEqual([
      { providers: ['NTLM'], kerberosPossible: false, site: 'W3SVC/1/ROOT/Exchange', source: 'adsutil' },
    ]);
  });

  it('a client PC without IIS: nothing read, no error', async () => {
    const runner = new RecordingRunner((c) => {
      throw new ProgramNotFoundError(c.file);
    });
    expect(await new WindowsIisAuthReader(runner, ENV).read()).toEqual([]);
  });

  it.each([
    ['missing', {}],
    ['relative', { SystemRoot: 'Windows' }],
    ['a UNC share', { SystemRoot: '\\\\evil\\share' }],
    ['with ..', { SystemRoot: 'C:\\Users\\me\\..\\..\\Windows' }],
    ['with a quote', { SystemRoot: 'C:\\Win"dows' }],
  ])('SystemRoot %s: nothing runs, nothing is read', async (_label, env) => {
    const runner = new RecordingRunner(() => result(0, '<providers><add value="NTLM" /></providers>'));
    expect(await new WindowsIisAuthReader(runner, env).read()).toEqual([]);
    expect(runner.calls).toEqual([]);
  });
});
