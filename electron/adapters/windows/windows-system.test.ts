import { describe, expect, it, vi } from 'vitest';
import {
  WindowsSystem,
  decodeText,
  outlookExecutable,
  parseLmPolicyFromGpresult,
  RESTART_COMMENT,
} from './windows-system';
import { MemoryFiles, RecordingRunner, result } from '../../test-support/windows-fakes';

function utf16(text: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
}

const GPRESULT = `<?xml version="1.0" encoding="utf-16"?>
<Rsop xmlns="http://www.microsoft.com/GroupPolicy/Rsop">
  <ComputerResults>
    <ExtensionData><Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Security" xsi:type="q1:SecuritySettings">
      <q1:SecurityOptions>
        <q1:GPO><GUID>{x}</GUID></q1:GPO>
        <q1:Precedence>1</q1:Precedence>
        <q1:KeyName>MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\NoLMHash</q1:KeyName>
        <q1:SettingNumber>1</q1:SettingNumber>
      </q1:SecurityOptions>
      <q1:SecurityOptions>
        <q1:GPO><GUID>{y}</GUID></q1:GPO>
        <q1:Precedence>2</q1:Precedence>
        <q1:KeyName>MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\LmCompatibilityLevel</q1:KeyName>
        <q1:SettingNumber>1</q1:SettingNumber>
      </q1:SecurityOptions>
      <q1:SecurityOptions>
        <q1:GPO><GUID>{z}</GUID></q1:GPO>
        <q1:Precedence>1</q1:Precedence>
        <q1:KeyName>MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\LmCompatibilityLevel</q1:KeyName>
        <q1:SettingNumber>5</q1:SettingNumber>
        <q1:Display><q1:Name>Send NTLMv2 response only. Refuse LM &amp; NTLM</q1:Name></q1:Display>
      </q1:SecurityOptions>
    </Extension></ExtensionData>
  </ComputerResults>
</Rsop>`;

function system(
  respond: ConstructorParameters<typeof RecordingRunner>[0],
  extra: Partial<ConstructorParameters<typeof WindowsSystem>[1]> = {},
) {
  const runner = new RecordingRunner(respond);
  const files = new MemoryFiles();
  const launch = vi.fn(async () => undefined);
  const sys = new WindowsSystem(runner, {
    tempDir: 'C:\\tmp',
    files,
    launch,
    env: {},
    tempPath: () => 'C:\\tmp\\gp.xml',
    ...extra,
  });
  return { runner, files, launch, sys };
}

describe('WindowsSystem', () => {
  it('isOutlookRunning: tasklist with an argument array, CSV parsed by image name', async () => {
    const running = system(() => result(0, '"OUTLOOK.EXE","4242","Console","1","250,000 K"\r\n'));
    expect(await running.sys.isOutlookRunning()).toBe(true);
    expect(running.runner.calls[0]).toMatchObject({
      file: 'tasklist.exe',
      args: ['/FI', 'IMAGENAME eq OUTLOOK.EXE', '/FO', 'CSV', '/NH'],
    });
    // "No tasks" is localized and has no quoted image name.
    expect(
      await system(() =>
        result(0, 'INFORMATION: Es werden keine Aufgaben mit den angegebenen Kriterien ausgeführt.\r\n'),
      ).sys.isOutlookRunning(),
    ).toBe(false);
    expect(
      await system(() => result(0, '"outlook.exe","1","Console","1","1 K"\r\n')).sys.isOutlookRunning(),
    ).toBe(true);
    expect(await system(() => result(0, '"OUTLOOK.EXE.bak.exe","1"\r\n')).sys.isOutlookRunning()).toBe(false);
    await expect(system(() => result(1)).sys.isOutlookRunning()).rejects.toMatchObject({
      kind: 'unexpected',
    });
  });

  it('lmCompatibilityPolicy: gpresult /x to a temp file, winning SecurityOptions entry', async () => {
    const { sys, runner, files } = system((c) => {
      files.files.set(c.args[3]!, utf16(GPRESULT));
      return result(0);
    });
    expect(await sys.lmCompatibilityPolicy()).toEqual({ managed: true, level: 5 });
    expect(runner.calls[0]).toMatchObject({
      file: 'gpresult.exe',
      args: ['/scope', 'computer', '/x', 'C:\\tmp\\gp.xml', '/f'],
    });
    expect(files.unlinked).toEqual(['C:\\tmp\\gp.xml']);
  });

  it('lmCompatibilityPolicy: not set, gpresult failing or missing → not managed', async () => {
    const unset = system((c) => {
      unset.files.files.set(c.args[3]!, utf16(GPRESULT.replace(/LmCompatibilityLevel/g, 'Other')));
      return result(0);
    });
    expect(await unset.sys.lmCompatibilityPolicy()).toEqual({ managed: false });
    expect(await system(() => result(1, 'ERROR: Access denied.')).sys.lmCompatibilityPolicy()).toEqual({
      managed: false,
    });
    const missing = system(() => {
      throw Object.assign(new Error('not found'), { code: 'ENOENT' });
    });
    expect(await missing.sys.lmCompatibilityPolicy()).toEqual({ managed: false });
  });

  it('parses gpresult XML without prefixes, and entries without a number', () => {
    expect(
      parseLmPolicyFromGpresult(
        '<SecurityOptions><KeyName>machine\\system\\currentcontrolset\\control\\lsa\\lmcompatibilitylevel</KeyName><SettingNumber>3</SettingNumber></SecurityOptions>',
      ),
    ).toEqual({ managed: true, level: 3 });
    expect(
      parseLmPolicyFromGpresult(
        '<a:SecurityOptions><a:KeyName>MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\LmCompatibilityLevel</a:KeyName></a:SecurityOptions>',
      ),
    ).toEqual({ managed: true });
    expect(parseLmPolicyFromGpresult('')).toEqual({ managed: false });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decodeText(Uint8Array.from([0x41, 0x00]))).toBe('A');
  });

  it('isElevated: net session exit 0, else the High/System integrity SID from whoami', async () => {
    expect(await system(() => result(0)).sys.isElevated()).toBe(true);
    const high = system((c) =>
      c.file === 'net.exe'
        ? result(2)
        : result(0, '"Mandatory Label\\High Mandatory Level","Label","S-1-16-12288",""\r\n'),
    );
    expect(await high.sys.isElevated()).toBe(true);
    expect(high.runner.calls.map((c) => [c.file, c.args])).toEqual([
      ['net.exe', ['session']],
      ['whoami.exe', ['/groups', '/fo', 'csv', '/nh']],
    ]);
    expect(
      await system((c) =>
        c.file === 'net.exe'
          ? result(2)
          : result(0, '"Mandatory Label\\Medium Mandatory Level","Label","S-1-16-8192",""'),
      ).sys.isElevated(),
    ).toBe(false);
  });

  it('isSystemAccount: USERNAME ending in $ or whoami /user showing S-1-5-18', async () => {
    const machineAccount = system(() => result(0), { env: { USERNAME: 'PC01$' } });
    expect(await machineAccount.sys.isSystemAccount()).toBe(true);
    expect(machineAccount.runner.calls).toEqual([]);
    expect(
      await system(() => result(0, '"nt authority\\system","S-1-5-18"\r\n'), {
        env: { USERNAME: 'SYSTEM' },
      }).sys.isSystemAccount(),
    ).toBe(true);
    expect(
      await system(() => result(0, '"pc\\alice","S-1-5-21-1-2-3-1001"\r\n'), {
        env: { USERNAME: 'alice' },
      }).sys.isSystemAccount(),
    ).toBe(false);
  });

  it('startOutlook launches OUTLOOK.EXE from the install folder, detached, without a shell', async () => {
    const { sys, launch } = system(() => result(0), {
      outlookExePath: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\',
    });
    await sys.startOutlook();
    expect(launch).toHaveBeenCalledWith(
      'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE',
      [],
    );
    await sys.startOutlook("D:\\Office & 'Co' %x%\\OUTLOOK.EXE");
    expect(launch).toHaveBeenLastCalledWith("D:\\Office & 'Co' %x%\\OUTLOOK.EXE", []);
    await expect(system(() => result(0)).sys.startOutlook()).rejects.toMatchObject({ kind: 'unexpected' });
  });

  it('outlookExecutable only accepts absolute paths to OUTLOOK.EXE', () => {
    expect(outlookExecutable('C:\\Office\\OUTLOOK.EXE')).toBe('C:\\Office\\OUTLOOK.EXE');
    expect(outlookExecutable('"C:\\Office 16\\"')).toBe('C:\\Office 16\\OUTLOOK.EXE');
    expect(outlookExecutable('C:\\Windows\\System32\\calc.exe')).toBeUndefined();
    expect(outlookExecutable('Office16')).toBeUndefined();
    expect(outlookExecutable('C:\\a\r\nb')).toBeUndefined();
    expect(outlookExecutable(undefined)).toBeUndefined();
  });

  it('restartWindows: shutdown /r /t 30 with a constant comment', async () => {
    const { sys, runner } = system(() => result(0));
    await sys.restartWindows();
    expect(runner.calls[0]).toMatchObject({
      file: 'shutdown.exe',
      args: ['/r', '/t', '30', '/c', RESTART_COMMENT],
    });
    expect(RESTART_COMMENT.length).toBeLessThan(512);
    await expect(system(() => result(1190)).sys.restartWindows()).rejects.toMatchObject({
      kind: 'apply-failed',
    });
  });

  it('uses configured absolute tool paths', async () => {
    const { sys, runner } = system(() => result(0), {
      tools: { tasklist: 'C:\\Windows\\System32\\tasklist.exe' },
    });
    await sys.isOutlookRunning();
    expect(runner.calls[0]!.file).toBe('C:\\Windows\\System32\\tasklist.exe');
  });
});
