/**
 * Hostile text in profile names, account data and host names never reaches a shell and never
 * breaks a command: a whole diagnose → apply → rollback on a machine whose profile is named
 * with every shell metacharacter runs through the reg.exe adapter and the elevated writer, and
 * every process call is asserted as an exact argument array (for the elevated write: the exact
 * reg.exe parameters inside the PowerShell script, built from constants).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../simulated/simulated-machine';
import { scanMachine } from '../../core/diagnosis/scan';
import { FixEngine } from '../../core/fixes/fix-engine';
import { planFixes } from '../../core/fixes/fix-planner';
import { MemoryJournalStore } from '../../core/fixes/journal-store';
import { isValidHostName } from '../../core/lsa/host-name';
import { checkWriteAllowed, MSV1_0_KEY } from '../../core/registry/allowlist';
import { applyRegFileToTree, parseRegFile } from '../../core/registry/reg-file';
import { RegTree } from '../../core/registry/reg-tree';
import { copySample, SAMPLES_DIR } from '../../test-support/sample-machines';
import { commandLineParameters, elevatedRegCommand } from './elevated-reg-args';
import { PowerShellElevatedWriter } from './elevated-writer';
import { decodeEncodedCommand } from './powershell-command';
import { RegExeRegistry } from './reg-exe-registry';
import { elevatedCall, FakeElevation, FakeRegExe, MemoryFiles } from '../../test-support/windows-fakes';

const HOSTILE_NAMES = [
  'Pro"file & |^%!<>\'`x',
  'two words',
  // (A line break cannot be in a key name — "printable characters" only; the reg.exe write
  // of such a name is still asserted verbatim in reg-exe-registry.test.ts.)
  '%USERPROFILE% & calc.exe',
  '$(calc) `calc` ;calc; ^& "quoted"',
  '张三的邮件配置 Ünïcødé ☃ \u{1f600}',
  '!VAR! %VAR% ^^ ^',
];
const WMS =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';
const WMS_SHORT = WMS.replace('HKEY_CURRENT_USER', 'HKCU');
const SECTION = '13dbb0c8aa05101a9bb000aa002fc45a';
const LSA_SHORT = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa';

function utf16z(text: string) {
  return { type: 'REG_BINARY', data: new Uint8Array(Buffer.from(`${text}\0`, 'utf16le')) } as const;
}

/** The XP Basic-auth sample with its profile renamed, and hostile text in the proxy server too. */
function hostileTree(profile: string): RegTree {
  const source = new RegTree();
  applyRegFileToTree(
    parseRegFile(new Uint8Array(readFileSync(join(SAMPLES_DIR, 'xp-outlook2003-basic', 'registry.reg')))),
    source,
  );
  const tree = new RegTree();
  const from = `${WMS}\\Outlook`;
  for (const { path, key } of source.walk()) {
    const to = path.toLowerCase().startsWith(from.toLowerCase())
      ? `${WMS}\\${profile}${path.slice(from.length)}`
      : path;
    tree.ensureKey(to);
    for (const { name, value } of key.values.values()) tree.setValue(to, name, value);
  }
  // Hostile account data: proxy server and principal name are only ever read.
  const section = `${WMS}\\${profile}\\${SECTION}`;
  tree.setValue(section, '001f6622', utf16z('mail.example.com & PWNED "x" | %PATH%'));
  tree.setValue(section, '001f6625', utf16z('msstd:mail.example.com ^& PWNED'));
  return tree;
}

describe.each(HOSTILE_NAMES)('profile named %j', (profile) => {
  it('diagnose → apply → rollback: exact argument arrays; the elevated command is constant text', async () => {
    const tree = hostileTree(profile);
    const files = new MemoryFiles();
    const reg = new FakeRegExe(tree, files);
    let n = 0;
    const registry = new RegExeRegistry(reg, {
      tempDir: 'C:\\T',
      files,
      tempPath: () => `C:\\T\\x${++n}.reg`,
    });
    // The elevated reg.exe plays on the same fake registry (Wine has no UAC and no PowerShell).
    const elevatedReg = new FakeRegExe(tree, files);
    const powershell = new FakeElevation(elevatedReg);
    const elevated = new PowerShellElevatedWriter(powershell, registry, 'C:\\Windows');
    const system = SimulatedMachine.load({ machine: copySample('xp-outlook2003-basic').dir }).system;

    const { report, tree: scanned } = await scanMachine(registry, system);
    expect(report.profiles.map((p) => p.name)).toEqual([profile]);
    expect(report.findings.map((f) => [f.id, f.profile])).toContainEqual(['proxy-auth-basic', profile]);
    const plan = planFixes(report, scanned, { fixes: ['proxy-auth-ntlm', 'lmcompat-3'], profile });
    reg.calls.length = 0;

    const journal = new MemoryJournalStore();
    const engine = new FixEngine({ registry, elevated, system, journal });
    const outcome = await engine.apply(plan);
    expect(outcome.status).toBe('applied');
    const writes = reg.calls.filter((c) => c.args[0] !== 'export');
    expect(writes.map((c) => [c.file, c.args])).toEqual([
      [
        'reg.exe',
        [
          'add',
          `${WMS_SHORT}\\${profile}\\${SECTION}`,
          '/v',
          '00036627',
          '/t',
          'REG_BINARY',
          '/d',
          '02000000',
          '/f',
        ],
      ],
    ]);
    // Reads are exports of whole keys, each path one argument.
    for (const c of reg.calls.filter((x) => x.args[0] === 'export')) {
      expect(c.args).toHaveLength(4);
      expect(c.args[3]).toBe('/y');
    }
    expect(powershell.calls.map((c) => elevatedCall(c.args).parameters)).toEqual([
      `add ${LSA_SHORT} /v LmCompatibilityLevel /t REG_DWORD /d 3 /f`,
    ]);
    for (const c of powershell.calls) {
      const script = decodeEncodedCommand(c.args);
      expect(script).not.toContain('PWNED');
      expect(script).not.toContain(profile);
    }
    expect(reg.calls.flatMap((c) => c.args).some((a) => a.includes('PWNED'))).toBe(false);

    reg.calls.length = 0;
    expect((await engine.rollback(outcome.changeId!)).status).toBe('rolled-back');
    expect(reg.calls.filter((c) => c.args[0] !== 'export').map((c) => c.args)).toEqual([
      [
        'add',
        `${WMS_SHORT}\\${profile}\\${SECTION}`,
        '/v',
        '00036627',
        '/t',
        'REG_BINARY',
        '/d',
        '01000000',
        '/f',
      ],
    ]);
    expect(elevatedCall(powershell.calls.at(-1)!.args).parameters).toBe(
      `delete ${LSA_SHORT} /v LmCompatibilityLevel /f`,
    );
    expect(elevatedReg.calls.map((c) => c.file)).toEqual([
      'C:\\Windows\\System32\\reg.exe',
      'C:\\Windows\\System32\\reg.exe',
    ]);
  });
});

describe('hostile host names', () => {
  const HOSTILE_HOSTS = [
    'mail.example.com & calc',
    'mail.example.com|calc',
    'mail"example.com',
    "mail'example.com",
    'mail`calc`.com',
    'mail^.example.com',
    '%COMPUTERNAME%',
    '!host!',
    '<mail>',
    'mail example.com',
    'mail.example.com\r\nevil',
    'mail.example.com\n',
    'maíl.example.com',
    '邮件.example.com',
    'mail.example.com\\0evil.com',
    '-mail.example.com',
    'mail..example.com',
    '',
    'a'.repeat(64) + '.com',
  ];

  it.each(HOSTILE_HOSTS)('%j is not a host name, and no write or elevated command can carry it', (host) => {
    expect(isValidHostName(host)).toBe(false);
    const value = { type: 'REG_MULTI_SZ', data: ['mail.example.com', host] } as const;
    expect(() => checkWriteAllowed(MSV1_0_KEY, 'BackConnectionHostNames', value)).toThrow(
      /Refusing to write/,
    );
    expect(() => elevatedRegCommand(MSV1_0_KEY, 'BackConnectionHostNames', value)).toThrow(/Refusing/);
  });

  it('valid names pass, and reach the command line only as validated text', () => {
    const hosts = ['mail.example.com', 'owa-01.contoso.co.uk', 'EXCH2003'];
    expect(hosts.every(isValidHostName)).toBe(true);
    const { args } = elevatedRegCommand(MSV1_0_KEY, 'BackConnectionHostNames', {
      type: 'REG_MULTI_SZ',
      data: hosts,
    });
    expect(commandLineParameters(args)).toBe(
      `add ${LSA_SHORT}\\MSV1_0 /v BackConnectionHostNames /t REG_MULTI_SZ /d mail.example.com\\0owa-01.contoso.co.uk\\0EXCH2003 /f`,
    );
  });
});
