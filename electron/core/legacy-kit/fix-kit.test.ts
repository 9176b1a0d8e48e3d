import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { SAMPLES_DIR } from '../../test-support/sample-machines';
import { SCAN_REQUESTS, scanMachine } from '../diagnosis/scan';
import type { FixId } from '../diagnosis/finding';
import { ExproxyError } from '../errors';
import { planBackConnectionHost } from '../fixes/back-connection-planner';
import type { ChangePlan } from '../fixes/change-plan';
import { backupRegFile } from '../fixes/fix-engine';
import { planFixes } from '../fixes/fix-planner';
import { RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../registry/allowlist';
import { parseRegFile } from '../registry/reg-file';
import { deserializeRegValue } from '../registry/reg-value';
import type { CollectScriptOptions } from './collect-script';
import { makeFixKit, type FixKit, type KitSource } from './fix-kit';
import { CHECK_SCRATCH, KIT_ROOTS } from './kit-roots';
import { checkXpScript } from './xp-compat';

const COLLECT: CollectScriptOptions = {
  requests: SCAN_REQUESTS,
  server: {
    iis7Sites: ['Default Web Site/Exchange'],
    iis6Paths: ['W3SVC/1/ROOT'],
    eventQuery: "*[System[(Provider[@Name='EXPROX'] and EventID=1000)]]",
    eventIds: [1000],
    maxEvents: 50,
  },
};

const SOURCE: KitSource = {
  folder: 'D:\\collected\\XP-ACCT-07-12012026-140509',
  computer: 'XP-ACCT-07',
  account: 'jdoe',
  domain: 'CONTOSO',
  collectedAt: '2026-12-01T14:05:09',
  collectedAtText: 'Tue 12/01/2026 14:05:09.12',
};

async function plan(sample: string, fixes: FixId[]): Promise<ChangePlan> {
  const m = SimulatedMachine.load({ machine: join(SAMPLES_DIR, sample) });
  const { report, tree } = await scanMachine(m.registry, m.system);
  return planFixes(report, tree, { fixes });
}

async function kit(p: ChangePlan, language: 'en' | 'zh-CN' = 'en'): Promise<FixKit> {
  return makeFixKit({
    plan: p,
    source: SOURCE,
    language,
    collect: COLLECT,
    keyExists: () => true,
    now: new Date('2026-12-02T09:00:00Z'),
  });
}

const file = (k: FixKit, path: string) => k.files.find((f) => f.path === path);
const text = (k: FixKit, path: string) => new TextDecoder().decode(file(k, path)!.bytes);

describe('fix kit', () => {
  it('holds exactly the files the issue lists, the machine files only with a machine part', async () => {
    const both = await kit(await plan('xp-outlook2003-basic', ['proxy-auth-ntlm', 'lmcompat-3']));
    expect(both.files.map((f) => f.path).sort()).toEqual(
      [
        'fix.cmd',
        'undo.cmd',
        'fix-user.reg',
        'undo-user.reg',
        'fix-machine.reg',
        'undo-machine.reg',
        'check/user-after.reg',
        'check/user-before.reg',
        'check/machine-after.reg',
        'check/machine-before.reg',
        'steps.html',
        'kit.json',
      ].sort(),
    );
    const userOnly = await kit(await plan('win10-outlook2016-two-accounts', ['proxy-auth-ntlm']));
    expect(userOnly.files.map((f) => f.path)).not.toContain('fix-machine.reg');
    expect(userOnly.manifest.parts).toEqual({ user: true, machine: false });
  });

  it('writes UTF-16LE REGEDIT5 files that parse back to the plan: new values, and the exact prior state', async () => {
    const p = await plan('xp-outlook2003-basic', ['proxy-auth-ntlm', 'lmcompat-3']);
    const k = await kit(p);
    for (const f of k.files.filter((x) => x.path.endsWith('.reg'))) {
      expect([f.bytes[0], f.bytes[1]], f.path).toEqual([0xff, 0xfe]);
      expect(parseRegFile(f.bytes).format.header).toBe('Windows Registry Editor Version 5.00');
    }
    const values = (path: string) =>
      parseRegFile(file(k, path)!.bytes).keys.flatMap((key) =>
        key.values.map((v) => [key.path, v.name, v.value]),
      );
    const [profile, lsa] = p.changes;
    expect(values('fix-user.reg')).toEqual([
      [profile!.path, '00036627', deserializeRegValue(profile!.after!)],
    ]);
    expect(values('undo-user.reg')).toEqual([
      [profile!.path, '00036627', deserializeRegValue(profile!.before!)],
    ]);
    expect(values('fix-machine.reg')).toEqual([
      [lsa!.path, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }],
    ]);
    // LmCompatibilityLevel was absent: the undo file deletes it ("LmCompatibilityLevel"=-).
    expect(values('undo-machine.reg')).toEqual([[lsa!.path, 'LmCompatibilityLevel', null]]);
    expect(file(k, 'undo-machine.reg')!.bytes).toEqual(backupRegFile([lsa!]));
    // The check files hold the same values under the scratch copy of each root.
    expect(values('check/machine-after.reg')).toEqual([
      [`${CHECK_SCRATCH}\\lsa`, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }],
    ]);
    expect(values('check/user-before.reg')[0]![0]).toBe(
      `${CHECK_SCRATCH}\\profiles-wms\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a`,
    );
  });

  it('records the plan, the values, the source folder and a SHA-256 of every other file in kit.json', async () => {
    const k = await kit(await plan('xp-outlook2003-basic', ['proxy-auth-ntlm', 'lmcompat-3']));
    const manifest = JSON.parse(text(k, 'kit.json'));
    expect(manifest).toMatchObject({
      format: 'exchange-proxy-wizard-fix-kit',
      createdAt: '2026-12-02T09:00:00.000Z',
      source: SOURCE,
      parts: { user: true, machine: true },
    });
    expect(manifest.plan.fixes).toEqual(['proxy-auth-ntlm', 'lmcompat-3']);
    expect(manifest.values.map((v: { part: string; name: string }) => [v.part, v.name])).toEqual([
      ['user', '00036627'],
      ['machine', 'LmCompatibilityLevel'],
    ]);
    const others = k.files.filter((f) => f.path !== 'kit.json');
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(others.map((f) => f.path));
    for (const f of others) {
      const entry = manifest.files.find((x: { path: string }) => x.path === f.path);
      expect(entry.sha256, f.path).toBe(createHash('sha256').update(f.bytes).digest('hex'));
      expect(entry.bytes).toBe(f.bytes.length);
    }
  });

  it('keeps profile names, servers and values out of the scripts, which name fixed keys only', async () => {
    const HOSTILE = ['Büro "Alt" & <Test> 100% ^!|`\'', 'A & B | C', '%USERNAME% !PATH! (x)', 'br [x] ]'];
    const base = await plan('win10-outlook2016-two-accounts', ['proxy-auth-ntlm']);
    const c = base.changes[0]!;
    const p: ChangePlan = {
      ...base,
      changes: HOSTILE.map((name) => ({
        ...c,
        profile: name,
        path: c.path.replace('\\Profiles\\Outlook\\', `\\Profiles\\${name}\\`),
      })),
    };
    const k = await kit(p);
    const fixUser = parseRegFile(file(k, 'fix-user.reg')!.bytes);
    expect(fixUser.keys.map((key) => key.path)).toEqual(p.changes.map((x) => x.path));
    for (const script of ['fix.cmd', 'undo.cmd']) {
      const s = text(k, script);
      expect(checkXpScript(s), script).toEqual([]);
      for (const name of HOSTILE) expect(s).not.toContain(name);
      expect(s).not.toContain('mail.contoso.com');
      const allowed = [
        ...KIT_ROOTS.map((r) => r.path),
        ...KIT_ROOTS.map((r) => `${CHECK_SCRATCH}\\${r.id}`),
        CHECK_SCRATCH,
        'HKEY_CURRENT_USER\\Control Panel\\International',
        'HKEY_USERS\\S-1-5-19',
        ...SCAN_REQUESTS.map((r) => r.path),
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office',
      ].map((x) =>
        x
          .replace(/^HKEY_CURRENT_USER/, 'HKCU')
          .replace(/^HKEY_LOCAL_MACHINE/, 'HKLM')
          .replace(/^HKEY_USERS/, 'HKU')
          .toLowerCase(),
      );
      const named = [...s.matchAll(/"(HK(?:CU|LM|U)\\[^"]*)"/g)].map((m) => m[1]!.toLowerCase());
      expect(named.length).toBeGreaterThan(5);
      for (const key of named) expect(allowed, key).toContain(key);
    }
  });

  it('fix.cmd checks Outlook, state and rights before it backs up, writes the computer part first, then verifies', async () => {
    const k = await kit(await plan('xp-outlook2003-basic', ['proxy-auth-ntlm', 'lmcompat-3']));
    const lines = text(k, 'fix.cmd').split('\r\n');
    const at = (needle: string) => {
      const i = lines.findIndex((l) => l.includes(needle));
      expect(i, needle).toBeGreaterThan(0);
      return i;
    };
    const order = [
      at('call :outlook_state'),
      at('if defined DO_USER call :state_user'),
      at(
        '"%REG%" import "%KIT%undo-machine.reg" >nul 2>&1\r\nif errorlevel 1 goto :not_admin'.split(
          '\r\n',
        )[0]!,
      ),
      at('call :backup_machine'),
      at('"%REG%" import "%KIT%fix-machine.reg"'),
      at('"%REG%" import "%KIT%fix-user.reg"'),
      at('call :check_machine_target'),
      at('call :collect'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(lines[order[2]! + 1]).toBe('if errorlevel 1 goto :not_admin');
    for (const code of ['set "RC=4"', 'set "RC=5"', 'set "RC=6"', 'set "RC=0"', 'set "RC=1"']) at(code);
    expect(text(k, 'fix.cmd')).toContain('set "COLLECT_OUT=%DATA%\\after"');
    const finish = lines.indexOf(':finish');
    expect(lines[finish + 2]).toBe(
      '>>"%DATA%\\kit-log.txt" echo "%DATE% %TIME%" fix.cmd exit %RC% part "%ONLY%" user "%USERNAME%" computer "%COMPUTERNAME%"',
    );
    expect(text(k, 'undo.cmd')).toContain('set "COLLECT_OUT=%DATA%\\after-undo"');
  });

  it('undo.cmd mirrors fix.cmd: it applies the undo files, probes with the fix files and verifies the prior state', async () => {
    const k = await kit(await plan('xp-outlook2003-basic', ['proxy-auth-ntlm', 'lmcompat-3']));
    const undo = text(k, 'undo.cmd');
    expect(undo).toContain(
      '"%REG%" import "%KIT%undo-machine.reg" >nul 2>&1\r\nif errorlevel 1 goto :import_failed',
    );
    expect(undo).toContain(
      '"%REG%" import "%KIT%fix-machine.reg" >nul 2>&1\r\nif errorlevel 1 goto :not_admin',
    );
    expect(undo).toContain(
      ':check_user_target\r\nset "CHK_OK=yes"\r\nset "CHK_FILE=%KIT%check\\user-before.reg"',
    );
    expect(undo).toContain('Usage: undo.cmd [/quiet] [/user ^| /machine]');
  });

  it('delivers the BackConnectionHostNames fix as a machine-only kit with the IIS restart note', async () => {
    const m = SimulatedMachine.load({ machine: join(SAMPLES_DIR, 'exchange2003-frontend-events') });
    const { tree } = await scanMachine(m.registry, m.system);
    const k = await kit(planBackConnectionHost(tree, 'mail.contoso.com'));
    expect(k.files.map((f) => f.path)).not.toContain('fix-user.reg');
    expect(text(k, 'fix.cmd')).toContain('echo - Restart the IIS Admin service');
    expect(text(k, 'fix.cmd')).toContain('set "CHK_NAME=BackConnectionHostNames"');
    expect(text(k, 'fix.cmd')).toContain('echo This kit has no profile part: nothing to do for /%ONLY%.');
  });

  it('refuses a plan that changes nothing, or a value a kit never carries', async () => {
    const p = await plan('xp-outlook2003-basic', ['proxy-auth-ntlm']);
    await expect(kit({ ...p, changes: [] })).rejects.toMatchObject({ kind: 'usage' });
    const runOnce = {
      ...p.changes[0]!,
      kind: 'resume-entry' as const,
      path: RUN_ONCE_KEY,
      name: RESUME_VALUE_NAME,
      before: null,
      after: { type: 'REG_SZ' as const, data: 'x' },
    };
    await expect(kit({ ...p, changes: [runOnce] })).rejects.toMatchObject({ kind: 'not-allowed' });
    const forged = { ...p.changes[0]!, after: { type: 'REG_SZ' as const, data: 'NTLM' } };
    await expect(kit({ ...p, changes: [forged] })).rejects.toBeInstanceOf(ExproxyError);
    const newline = { ...p.changes[0]!, path: p.changes[0]!.path.replace('\\Outlook\\', '\\Out\nlook\\') };
    await expect(kit({ ...p, changes: [newline] })).rejects.toMatchObject({ kind: 'not-allowed' });
  });

  it('writes steps.html in the chosen language, with every name escaped', async () => {
    const p = await plan('xp-outlook2003-basic', ['proxy-auth-ntlm', 'lmcompat-3']);
    const hostile = {
      ...p,
      changes: p.changes.map((c) => (c.profile ? { ...c, profile: 'Büro <b>"&"</b>' } : c)),
    };
    const en = text(await kit(hostile), 'steps.html');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Outlook profile "Büro &#60;b&#62;&#34;&#38;&#34;&#60;/b&#62;"');
    expect(en).not.toContain('<b>"&"</b>');
    expect(en).toContain('Basic (1)');
    expect(en).toContain('NTLM (2)');
    expect(en).toContain('level 3');
    expect(en).toContain('fix.cmd /user');
    expect(en).toContain('fix.cmd /machine');
    const zh = text(await kit(p, 'zh-CN'), 'steps.html');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('XP-ACCT-07 的修复包');
    expect(zh).toContain('基本（1）');
  });

  it('carries the registry cause fixes under their own keys, and says where saved passwords are removed by hand', async () => {
    const p = await plan('win10-outlook2016-cloud', [
      'prompt-always-off',
      'modern-auth-2016-default',
      'mapi-http-allow',
    ]);
    const k = await kit(p);
    const reg = parseRegFile(k.files.find((f) => f.path === 'fix-user.reg')!.bytes, 'fix-user.reg');
    expect(reg.keys.map((key) => [key.path, key.values.map((v) => [v.name, v.value])])).toEqual([
      [
        'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook\\a345f1e1fd57fc40a98c6265aef8ebbd',
        [['00036601', { type: 'REG_BINARY', data: Uint8Array.of(0x84, 0x19, 0, 0) }]],
      ],
      ['HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Common\\Identity', [['EnableADAL', null]]],
      ['HKEY_CURRENT_USER\\Software\\Microsoft\\Exchange', [['MapiHttpDisabled', null]]],
    ]);
    const fix = new TextDecoder().decode(k.files.find((f) => f.path === 'fix.cmd')!.bytes);
    expect(fix).toContain('HKCU\\Software\\Microsoft\\Office\\16.0\\Common\\Identity');
    expect(fix).toContain(`${'HKCU\\Software\\ExchangeProxyWizardKitCheck'}\\identity-16`);
    expect(checkXpScript(fix)).toEqual([]);
    const steps = new TextDecoder().decode(k.files.find((f) => f.path === 'steps.html')!.bytes);
    expect(steps).toContain('switches the modern sign-in page off for Office 2016');
    expect(steps).toContain('Saved passwords');
    expect(steps).toContain('flags 0x198c');
    expect(steps).toContain('flags 0x1984');
  });

  it('never creates a root key the collected PC lacks, and never carries a credential removal', async () => {
    const p = await plan('win10-outlook2016-cloud', ['msoauth-autodiscover-on']);
    await expect(
      makeFixKit({
        plan: p,
        source: SOURCE,
        language: 'en',
        collect: COLLECT,
        keyExists: (k) => !k.endsWith('Exchange'),
      }),
    ).rejects.toThrow(
      /cannot create HKEY_CURRENT_USER\\Software\\Microsoft\\Exchange, which XP-ACCT-07 does not have/,
    );
    const removal: ChangePlan = {
      ...p,
      undoable: false,
      removals: [
        {
          fix: 'remove-saved-credentials',
          targetName: 'mail.contoso.com',
          type: 2,
          userName: null,
          undoable: false,
        },
      ],
    };
    await expect(kit(removal)).rejects.toThrow(/A fix kit cannot remove saved sign-ins/);
  });
});
