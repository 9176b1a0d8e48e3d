import { describe, expect, it, vi } from 'vitest';
import type { RegValue } from '../../core/registry/reg-value';
import {
  buildElevatedCommand,
  ELEVATION_APP_NAME,
  SudoPromptElevatedWriter,
  type SudoExec,
} from './elevated-writer';

const LSA = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
const MSV = `${LSA}\\MSV1_0`;
const REG = '"%SystemRoot%\\System32\\reg.exe"';

function recording(fail?: Error) {
  const exec = vi.fn<SudoExec>(async () => {
    if (fail) throw fail;
    return { stdout: '', stderr: '' };
  });
  return { exec, writer: new SudoPromptElevatedWriter(exec) };
}

describe('SudoPromptElevatedWriter', () => {
  it('sets LmCompatibilityLevel with one constant command and the app name', async () => {
    const { exec, writer } = recording();
    await writer.setValue(LSA, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 });
    expect(exec).toHaveBeenCalledTimes(1);
    expect(exec).toHaveBeenCalledWith(
      `${REG} add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa" /v LmCompatibilityLevel /t REG_DWORD /d 3 /f`,
      { name: 'Exchange Proxy Wizard' },
    );
    expect(ELEVATION_APP_NAME).toMatch(/^[A-Za-z0-9 ]{1,70}$/);
  });

  it('uses the canonical names whatever case the caller used', () => {
    expect(
      buildElevatedCommand('hklm\\system\\currentcontrolset\\control\\lsa', 'lmcompatibilitylevel', {
        type: 'REG_DWORD',
        data: 5,
      }),
    ).toBe(
      `${REG} add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa" /v LmCompatibilityLevel /t REG_DWORD /d 5 /f`,
    );
  });

  it('sets BackConnectionHostNames joined with \\0', async () => {
    const { exec, writer } = recording();
    await writer.setValue(MSV, 'BackConnectionHostNames', {
      type: 'REG_MULTI_SZ',
      data: ['mail.example.com', 'autodiscover.example.com'],
    });
    expect(exec.mock.calls[0]![0]).toBe(
      `${REG} add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0" /v BackConnectionHostNames /t REG_MULTI_SZ /d "mail.example.com\\0autodiscover.example.com" /f`,
    );
  });

  it('deletes (restore "was absent") only when the value exists, so absent is success', async () => {
    const { exec, writer } = recording();
    await writer.deleteValue(LSA, 'LmCompatibilityLevel');
    await writer.deleteValue(MSV, 'BackConnectionHostNames');
    expect(exec.mock.calls.map((c) => c[0])).toEqual([
      `(${REG} query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa" /v LmCompatibilityLevel >nul 2>&1 || exit /b 0) && ${REG} delete "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa" /v LmCompatibilityLevel /f`,
      `(${REG} query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0" /v BackConnectionHostNames >nul 2>&1 || exit /b 0) && ${REG} delete "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0" /v BackConnectionHostNames /f`,
    ]);
  });

  const hostile: [string, string, string, RegValue][] = [
    [
      'host with a command',
      MSV,
      'BackConnectionHostNames',
      { type: 'REG_MULTI_SZ', data: ['mail.example.com & calc'] },
    ],
    ['host with a quote', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ['a\\"b'] }],
    ['host with %', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ['%COMSPEC%'] }],
    ['host with \\0', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ['a\\0b'] }],
    ['host with newline', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ['a\r\ncalc'] }],
    ['hosts as REG_SZ', MSV, 'BackConnectionHostNames', { type: 'REG_SZ', data: 'mail.example.com' }],
    ['level 6', LSA, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 6 }],
    ['level -1', LSA, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: -1 }],
    ['level 2.5', LSA, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 2.5 }],
    [
      'level "3; calc"',
      LSA,
      'LmCompatibilityLevel',
      { type: 'REG_DWORD', data: '3; calc' as unknown as number },
    ],
    ['level as REG_SZ', LSA, 'LmCompatibilityLevel', { type: 'REG_SZ', data: '3' }],
    ['level as REG_QWORD', LSA, 'LmCompatibilityLevel', { type: 'REG_QWORD', data: 3n }],
    ['another LSA value', LSA, 'RunAsPPL', { type: 'REG_DWORD', data: 0 }],
    [
      'another key',
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run',
      'x',
      { type: 'REG_SZ', data: 'calc' },
    ],
    ['a hostile key', `${LSA}" & calc & "`, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }],
    [
      'a per-user value',
      'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\p\\13dbb0c8aa05101a9bb000aa002fc45a',
      '00036627',
      { type: 'REG_BINARY', data: Uint8Array.of(1, 0, 0, 0) },
    ],
  ];

  it.each(hostile)('refuses %s before any prompt', async (_label, path, name, value) => {
    const { exec, writer } = recording();
    await expect(writer.setValue(path, name, value)).rejects.toMatchObject({ kind: 'not-allowed' });
    expect(exec).not.toHaveBeenCalled();
  });

  it('refuses deletes of anything else and the 32-bit view', async () => {
    const { exec, writer } = recording();
    await expect(writer.deleteValue(LSA, 'RunAsPPL')).rejects.toMatchObject({ kind: 'not-allowed' });
    await expect(
      writer.setValue(LSA, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }, '32'),
    ).rejects.toMatchObject({
      kind: 'not-allowed',
    });
    expect(exec).not.toHaveBeenCalled();
  });

  it('declined UAC → elevation-declined; other failures → apply-failed', async () => {
    const declined = recording(new Error('User did not grant permission.'));
    await expect(
      declined.writer.setValue(LSA, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }),
    ).rejects.toMatchObject({
      kind: 'elevation-declined',
    });
    const failed = recording(Object.assign(new Error('Command failed: reg.exe ...'), { code: 1 }));
    await expect(
      failed.writer.setValue(LSA, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }),
    ).rejects.toMatchObject({
      kind: 'apply-failed',
      details: { code: 1 },
    });
  });
});
