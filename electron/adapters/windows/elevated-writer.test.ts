/**
 * The elevated writer as captured process calls: Wine's powershell.exe is a stub and Linux has
 * no UAC, so the test decodes the exact script PowerShell would run and plays reg.exe's part
 * on an in-memory registry (FakeElevation + FakeRegExe).
 */
import { describe, expect, it } from 'vitest';
import { LSA_KEY, MSV1_0_KEY } from '../../core/registry/allowlist';
import { RegTree } from '../../core/registry/reg-tree';
import type { RegValue } from '../../core/registry/reg-value';
import { PowerShellElevatedWriter, PROMPT_TIMEOUT_MS } from './elevated-writer';
import { decodeEncodedCommand } from './powershell-command';
import { ProgramNotFoundError } from './process-runner';
import {
  elevatedCall,
  FakeElevation,
  FakeRegExe,
  MemoryFiles,
  RecordingRunner,
  result,
} from '../../test-support/windows-fakes';

const ROOT = 'C:\\Windows';
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
const REG = 'C:\\Windows\\System32\\reg.exe';
const LSA_SHORT = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
const LEVEL_3: RegValue = { type: 'REG_DWORD', data: 3 };

/** `root` null: the Windows folder is unknown. */
function setup(root: string | null = ROOT) {
  const tree = new RegTree();
  const reg = new FakeRegExe(tree, new MemoryFiles());
  const powershell = new FakeElevation(reg);
  // The unelevated reader sees the same registry (HKLM\...\Lsa is readable by every user).
  const reader = { name: 'fake', readSubtrees: async () => tree };
  return {
    tree,
    reg,
    powershell,
    writer: new PowerShellElevatedWriter(powershell, reader, root ?? undefined),
  };
}

describe('PowerShellElevatedWriter: the process it starts', () => {
  it('starts System32 powershell.exe by absolute path with fixed switches and an encoded script', async () => {
    const { powershell, reg, tree, writer } = setup();
    await writer.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3);
    expect(powershell.calls).toHaveLength(1);
    const call = powershell.calls[0]!;
    expect(call.file).toBe(POWERSHELL);
    expect(call.args.slice(0, 6)).toEqual([
      '-NoLogo',
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
    expect(call.args).toHaveLength(7);
    expect(call.args[6]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(call.timeoutMs).toBe(PROMPT_TIMEOUT_MS);
    // What runs elevated: reg.exe by absolute path, arguments from constants.
    expect(elevatedCall(call.args)).toEqual({
      program: REG,
      parameters: `add ${LSA_SHORT} /v LmCompatibilityLevel /t REG_DWORD /d 3 /f`,
    });
    expect(reg.calls.map((c) => [c.file, c.args])).toEqual([
      [REG, ['add', LSA_SHORT, '/v', 'LmCompatibilityLevel', '/t', 'REG_DWORD', '/d', '3', '/f']],
    ]);
    expect(tree.getValue(LSA_KEY, 'LmCompatibilityLevel')).toEqual(LEVEL_3);
  });

  it('the script elevates reg.exe itself: no cmd.exe, no batch or temp file, no command lookup', async () => {
    const { powershell, writer } = setup();
    await writer.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3);
    const script = decodeEncodedCommand(powershell.calls[0]!.args);
    const lines = script.split('\r\n').map((l) => l.trim());
    expect(lines).toContain(`$program = '${REG}'`);
    expect(lines).toContain("$folder = 'C:\\Windows\\System32'");
    expect(lines).toContain('$info.UseShellExecute = $true');
    expect(lines).toContain("$info.Verb = 'runas'");
    expect(lines).toContain('$process = [System.Diagnostics.Process]::Start($info)');
    expect(lines).toContain('$process.WaitForExit()');
    expect(lines).toContain("'exproxy-elevation: exit ' + $process.ExitCode");
    expect(lines).toContain('exit $process.ExitCode');
    // A declined prompt is recognised by Windows' error code, not by localized text.
    expect(script).toMatch(
      /\$cause\.NativeErrorCode -eq 1223\) \{ 'exproxy-elevation: declined'; exit 1223 \}/,
    );
    // Constrained language: Start-Process from the System32 module file only, module-qualified.
    expect(lines).toContain(
      "Import-Module -Name 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\Modules\\Microsoft.PowerShell.Management\\Microsoft.PowerShell.Management.psd1'",
    );
    expect(script).toContain(
      'Microsoft.PowerShell.Management\\Start-Process -FilePath $program -ArgumentList $parameters -WorkingDirectory $folder -Verb RunAs',
    );
    expect(script).not.toMatch(
      /cmd(\.exe)?\b|\.bat\b|\.cmd\b|%TEMP%|\$env:|TEMP|Invoke-Expression|iex\b|Out-File|Set-Content/i,
    );
    // Every command the script names is a .NET type, a keyword, or module-qualified.
    const cmdlets = script.match(/\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b/g) ?? [];
    expect(new Set(cmdlets)).toEqual(new Set(['Import-Module', 'Start-Process']));
  });

  it('uses the canonical names whatever case the caller used', async () => {
    const { powershell, writer } = setup();
    await writer.setValue('hklm\\system\\currentcontrolset\\control\\lsa', 'lmcompatibilitylevel', {
      type: 'REG_DWORD',
      data: 5,
    });
    expect(elevatedCall(powershell.calls[0]!.args).parameters).toBe(
      `add ${LSA_SHORT} /v LmCompatibilityLevel /t REG_DWORD /d 5 /f`,
    );
  });

  it('sets BackConnectionHostNames joined with \\0, and an empty list as ""', async () => {
    const { powershell, tree, writer } = setup();
    await writer.setValue(MSV1_0_KEY, 'BackConnectionHostNames', {
      type: 'REG_MULTI_SZ',
      data: ['mail.example.com', 'autodiscover.example.com'],
    });
    expect(elevatedCall(powershell.calls[0]!.args).parameters).toBe(
      `add ${LSA_SHORT}\\MSV1_0 /v BackConnectionHostNames /t REG_MULTI_SZ /d mail.example.com\\0autodiscover.example.com /f`,
    );
    expect(tree.getValue(MSV1_0_KEY, 'BackConnectionHostNames')).toEqual({
      type: 'REG_MULTI_SZ',
      data: ['mail.example.com', 'autodiscover.example.com'],
    });
    await writer.setValue(MSV1_0_KEY, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: [] });
    expect(elevatedCall(powershell.calls[1]!.args).parameters).toBe(
      `add ${LSA_SHORT}\\MSV1_0 /v BackConnectionHostNames /t REG_MULTI_SZ /d "" /f`,
    );
    expect(tree.getValue(MSV1_0_KEY, 'BackConnectionHostNames')).toEqual({ type: 'REG_MULTI_SZ', data: [] });
  });
});

describe('PowerShellElevatedWriter: deleting (restoring "was absent")', () => {
  it('deletes with reg.exe delete … /f', async () => {
    const { powershell, tree, writer } = setup();
    tree.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3);
    await writer.deleteValue(LSA_KEY, 'LmCompatibilityLevel');
    expect(elevatedCall(powershell.calls[0]!.args).parameters).toBe(
      `delete ${LSA_SHORT} /v LmCompatibilityLevel /f`,
    );
    expect(tree.getValue(LSA_KEY, 'LmCompatibilityLevel')).toBeUndefined();
  });

  it('reg.exe exit 1 is success only when the value is confirmed absent by reading it back', async () => {
    const { tree, writer } = setup();
    tree.ensureKey(LSA_KEY);
    await expect(writer.deleteValue(LSA_KEY, 'LmCompatibilityLevel')).resolves.toBeUndefined();

    // Exit 1 while the value is still there (e.g. access denied): a failure.
    const stuck = setup();
    stuck.tree.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3);
    const denied = new PowerShellElevatedWriter(
      new FakeElevation(new RecordingRunner(() => result(1, '', 'ERROR: Access is denied.'))),
      { name: 'fake', readSubtrees: async () => stuck.tree },
      ROOT,
    );
    await expect(denied.deleteValue(LSA_KEY, 'LmCompatibilityLevel')).rejects.toMatchObject({
      kind: 'apply-failed',
      message: expect.stringMatching(
        /reg\.exe, run as administrator, could not change .*LmCompatibilityLevel \(exit code 1\)/,
      ),
    });
  });

  it('does not read back after a successful delete or for a set', async () => {
    const { tree, powershell } = setup();
    tree.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3);
    let reads = 0;
    const writer = new PowerShellElevatedWriter(
      powershell,
      {
        name: 'counting',
        readSubtrees: async () => {
          reads += 1;
          return tree;
        },
      },
      ROOT,
    );
    await writer.deleteValue(LSA_KEY, 'LmCompatibilityLevel');
    await writer.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3);
    expect(reads).toBe(0);
  });
});

describe('PowerShellElevatedWriter: outcomes', () => {
  it('a declined UAC prompt → elevation-declined, nothing written', async () => {
    const { powershell, reg, tree, writer } = setup();
    powershell.answer = 'no';
    await expect(writer.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3)).rejects.toMatchObject({
      kind: 'elevation-declined',
    });
    expect(reg.calls).toEqual([]);
    expect(tree.getValue(LSA_KEY, 'LmCompatibilityLevel')).toBeUndefined();
  });

  it('reg.exe failing as administrator → apply-failed naming the value and the exit code', async () => {
    const failing = new FakeElevation(new RecordingRunner(() => result(5)));
    const writer = new PowerShellElevatedWriter(
      failing,
      { name: 'x', readSubtrees: async () => new RegTree() },
      ROOT,
    );
    await expect(writer.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3)).rejects.toMatchObject({
      kind: 'apply-failed',
      message:
        'reg.exe, run as administrator, could not change HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\LmCompatibilityLevel (exit code 5).',
      details: { code: 5 },
    });
  });

  it('Windows failing to start reg.exe, or PowerShell stopping early → apply-failed with its output', async () => {
    const { powershell, writer } = setup();
    powershell.answer = 'not-started';
    await expect(writer.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3)).rejects.toMatchObject({
      kind: 'apply-failed',
      message: expect.stringMatching(/Windows could not start it \(exit code 1224: The system cannot find/),
    });
    powershell.answer = 'crash';
    await expect(writer.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3)).rejects.toMatchObject({
      kind: 'apply-failed',
      message: expect.stringMatching(/PowerShell stopped early \(exit code 1: At line:1/),
    });
  });

  it('PowerShell missing, or the Windows folder unknown → blocked, with no process started without it', async () => {
    const missing = new RecordingRunner((c) => {
      throw new ProgramNotFoundError(c.file);
    });
    const writer = new PowerShellElevatedWriter(
      missing,
      { name: 'x', readSubtrees: async () => new RegTree() },
      ROOT,
    );
    await expect(writer.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3)).rejects.toMatchObject({
      kind: 'blocked',
      message: expect.stringContaining(POWERSHELL),
    });

    const { powershell, writer: noRoot } = setup(null);
    await expect(noRoot.setValue(LSA_KEY, 'LmCompatibilityLevel', LEVEL_3)).rejects.toMatchObject({
      kind: 'blocked',
      message: expect.stringMatching(/SystemRoot is missing or not a plain path like C:\\Windows\)/),
    });
    expect(powershell.calls).toEqual([]);
  });

  it('refuses a host list too long for one command line before starting anything', async () => {
    const { powershell, writer } = setup();
    const hosts = Array.from({ length: 400 }, (_, i) => `host${i}.${'a'.repeat(50)}.example.com`);
    await expect(
      writer.setValue(MSV1_0_KEY, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: hosts }),
    ).rejects.toMatchObject({ kind: 'not-allowed', message: expect.stringMatching(/too long/) });
    expect(powershell.calls).toEqual([]);
  });
});

describe('PowerShellElevatedWriter: refusals before any process', () => {
  const LSA = LSA_KEY;
  const MSV = MSV1_0_KEY;
  const hostile: [string, string, string, RegValue][] = [
    [
      'host with a command',
      MSV,
      'BackConnectionHostNames',
      { type: 'REG_MULTI_SZ', data: ['mail.example.com & calc'] },
    ],
    ['host with a quote', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ["a'b"] }],
    ['host with a curly quote', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ['a\u2019b'] }],
    ['host with %', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ['%COMSPEC%'] }],
    ['host with $()', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ['$(calc)'] }],
    ['host with \\0', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ['a\\0b'] }],
    ['host with newline', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ['a\r\ncalc'] }],
    ['host with a space', MSV, 'BackConnectionHostNames', { type: 'REG_MULTI_SZ', data: ['a /f b'] }],
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
      'a Kelvin sign in the value name',
      MSV,
      'Bac\u212AConnectionHostNames',
      { type: 'REG_MULTI_SZ', data: ['a.com'] },
    ],
    ['a dotless i in the value name', LSA, 'LmCompat\u0131bilityLevel', LEVEL_3],
    [
      'another key',
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run',
      'x',
      { type: 'REG_SZ', data: 'calc' },
    ],
    ['a hostile key', `${LSA}" & calc & "`, 'LmCompatibilityLevel', LEVEL_3],
    [
      'a per-user value',
      'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\p\\13dbb0c8aa05101a9bb000aa002fc45a',
      '00036627',
      { type: 'REG_BINARY', data: Uint8Array.of(1, 0, 0, 0) },
    ],
  ];

  it.each(hostile)('refuses %s before any process starts', async (_label, path, name, value) => {
    const { powershell, writer } = setup();
    await expect(writer.setValue(path, name, value)).rejects.toMatchObject({ kind: 'not-allowed' });
    expect(powershell.calls).toEqual([]);
  });

  it('refuses deletes of anything else and the 32-bit view', async () => {
    const { powershell, writer } = setup();
    await expect(writer.deleteValue(LSA, 'RunAsPPL')).rejects.toMatchObject({ kind: 'not-allowed' });
    await expect(writer.setValue(LSA, 'LmCompatibilityLevel', LEVEL_3, '32')).rejects.toMatchObject({
      kind: 'not-allowed',
    });
    expect(powershell.calls).toEqual([]);
  });
});
