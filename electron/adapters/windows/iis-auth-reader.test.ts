import { describe, expect, it } from 'vitest';
import { ProgramNotFoundError } from './process-runner';
import { adsutilArgs, appcmdArgs, WindowsIisAuthReader } from './iis-auth-reader';
import { RecordingRunner, result } from './test-fakes';

const ENV = { windir: 'C:\\Windows', SystemDrive: 'C:' };
const APPCMD = 'C:\\Windows\\system32\\inetsrv\\appcmd.exe';

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
      file: 'C:\\Windows\\system32\\cscript.exe',
      args: adsutilArgs('C:\\Inetpub\\AdminScripts\\adsutil.vbs', 'W3SVC/1/ROOT/Exchange'),
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
});
