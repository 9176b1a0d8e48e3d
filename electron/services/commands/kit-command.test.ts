import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectScriptOptions } from '../../adapters/collected/collect-options';
import { writeSimulatedCollection } from '../../adapters/collected/simulated-collection';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { ExproxyError, UnreadableInputError } from '../../core/errors';
import { checkXpScript } from '../../core/legacy-kit/xp-compat';
import { SAMPLES_DIR, tempDir } from '../../test-support/sample-machines';
import { createCliT } from './cli-i18n';
import type { CliIo } from './cli-io';
import enText from './i18n/en.json';
import zhText from './i18n/zh-CN.json';
import { runKit, type KitArgv } from './kit-command';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function work(): string {
  const d = tempDir('exproxy-kit-cli-');
  dirs.push(d);
  return d;
}

function io(lang = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), ask: null, env: { LANG: lang } };
  return { cli, out, err, text: () => out.join('\n') };
}

function collectedFrom(sample: string, into: string): string {
  const machine = SimulatedMachine.load({ machine: join(SAMPLES_DIR, sample) });
  const dir = join(into, `${sample}-collected`);
  writeSimulatedCollection(
    machine.tree,
    dir,
    {
      computer: 'XP-ACCT-07',
      account: 'jdoe',
      domain: 'CONTOSO',
      date: '12/01/2026',
      time: '14:05:09.12',
      shortDate: 'M/d/yyyy',
      windowsVer: 'Microsoft Windows XP [Version 5.1.2600]',
      outlook: 'closed',
      admin: false,
    },
    collectScriptOptions(),
  );
  return dir;
}

const en = createCliT('en');
const argv = (sub: string, positionals: string[], values: Record<string, unknown>): KitArgv => ({
  sub,
  positionals,
  values,
});

describe('exproxy kit', () => {
  it('has every kit message in both languages, with the same placeholders', () => {
    const ph = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(zhText.kit).sort()).toEqual(Object.keys(enText.kit).sort());
    for (const [k, v] of Object.entries(enText.kit))
      expect(ph((zhText.kit as Record<string, string>)[k]!), k).toEqual(ph(v));
    const source = readFileSync(join(__dirname, 'kit-command.ts'), 'utf8');
    for (const m of source.matchAll(/'kit\.(\w+)'/g)) expect(Object.keys(enText.kit), m[1]).toContain(m[1]);
  });

  it('collect writes collect.cmd and says how to use it', async () => {
    const dir = join(work(), 'usb stick');
    const o = io();
    expect(await runKit(o.cli, en, argv('collect', [], { out: dir }))).toBe(0);
    const script = readFileSync(join(dir, 'collect.cmd'), 'latin1');
    expect(checkXpScript(script)).toEqual([]);
    expect(o.text()).toContain(`Wrote ${join(dir, 'collect.cmd')}.`);
    expect(o.text()).toContain('exproxy diagnose --machine FOLDER');
    const zh = io('zh_CN.UTF-8');
    expect(await runKit(zh.cli, createCliT('zh-CN'), argv('collect', [], { out: dir }))).toBe(0);
    expect(zh.text()).toContain('已写入');
  });

  it('fix makes the kit from a collected folder, planned like an in-app apply', async () => {
    const root = work();
    const collected = collectedFrom('xp-outlook2003-basic', root);
    const kitDir = join(root, 'kit for XP-ACCT-07');
    const o = io();
    const code = await runKit(
      o.cli,
      en,
      argv('fix', ['proxy-auth-ntlm', 'lmcompat-3'], { machine: collected, out: kitDir }),
    );
    expect(code).toBe(0);
    expect(readdirSync(kitDir).sort()).toEqual(
      [
        'check',
        'fix-machine.reg',
        'fix-user.reg',
        'fix.cmd',
        'kit.json',
        'steps.html',
        'undo-machine.reg',
        'undo-user.reg',
        'undo.cmd',
      ].sort(),
    );
    const manifest = JSON.parse(readFileSync(join(kitDir, 'kit.json'), 'utf8'));
    expect(manifest.source).toMatchObject({ folder: collected, computer: 'XP-ACCT-07', account: 'jdoe' });
    for (const f of manifest.files as { path: string; sha256: string }[])
      expect(
        createHash('sha256')
          .update(readFileSync(join(kitDir, f.path)))
          .digest('hex'),
        f.path,
      ).toBe(f.sha256);
    expect(o.text()).toContain('LmCompatibilityLevel');
    expect(o.text()).toContain(`Fix kit for XP-ACCT-07: ${kitDir}`);
    expect(o.text()).toContain('fix.cmd /user as jdoe and fix.cmd /machine as an administrator');
  });

  it('writes steps.html in the language asked for', async () => {
    const root = work();
    const collected = collectedFrom('xp-outlook2003-basic', root);
    const kitDir = join(root, 'kit zh');
    await runKit(
      io().cli,
      en,
      argv('fix', ['proxy-auth-ntlm'], { machine: collected, out: kitDir, lang: 'zh-CN' }),
    );
    expect(readFileSync(join(kitDir, 'steps.html'), 'utf8')).toContain('<html lang="zh-CN">');
    await expect(
      runKit(
        io().cli,
        en,
        argv('fix', ['proxy-auth-ntlm'], { machine: collected, out: join(root, 'k2'), lang: 'fr' }),
      ),
    ).rejects.toThrow(/--lang fr is not available/);
  });

  it('makes no kit when the fixes are already in place', async () => {
    const root = work();
    const collected = collectedFrom('xp-outlook2003-fixed', root);
    const o = io();
    const kitDir = join(root, 'kit');
    expect(
      await runKit(
        o.cli,
        en,
        argv('fix', ['proxy-auth-ntlm', 'lmcompat-3'], { machine: collected, out: kitDir }),
      ),
    ).toBe(0);
    expect(existsSync(kitDir)).toBe(false);
    expect(o.text()).toMatch(/Nothing to change on XP-ACCT-07: proxy-auth-ntlm, lmcompat-3 already in place/);
  });

  it('delivers BackConnectionHostNames as a kit for a collected server', async () => {
    const root = work();
    const collected = collectedFrom('exchange2003-frontend-events', root);
    const kitDir = join(root, 'server kit');
    const code = await runKit(
      io().cli,
      en,
      argv('fix', ['backconnection-host'], { machine: collected, out: kitDir, host: 'mail.contoso.com' }),
    );
    expect(code).toBe(0);
    expect(readdirSync(kitDir)).not.toContain('fix-user.reg');
    expect(readFileSync(join(kitDir, 'fix-machine.reg')).toString('utf16le')).toContain(
      'BackConnectionHostNames',
    );
  });

  it('refuses what it cannot do, with a message that says what to do', async () => {
    const root = work();
    const collected = collectedFrom('xp-outlook2003-basic', root);
    const run = (sub: string, pos: string[], values: Record<string, unknown>) =>
      runKit(io().cli, en, argv(sub, pos, values));
    const usage = { kind: 'usage' };
    await expect(run('fix', [], { machine: collected, out: join(root, 'k') })).rejects.toMatchObject(usage);
    await expect(run('fix', ['lmcompat-9'], { machine: collected, out: join(root, 'k') })).rejects.toThrow(
      /Unknown fix "lmcompat-9"/,
    );
    await expect(run('fix', ['proxy-auth-ntlm'], { out: join(root, 'k') })).rejects.toThrow(
      /needs --machine DIR/,
    );
    await expect(run('fix', ['proxy-auth-ntlm'], { machine: collected })).rejects.toThrow(/needs --out DIR/);
    await expect(
      run('fix', ['backconnection-host'], { machine: collected, out: join(root, 'k') }),
    ).rejects.toThrow(/--host/);
    await expect(
      run('fix', ['proxy-auth-ntlm'], { machine: collected, out: join(root, 'k'), profile: 'Nope' }),
    ).rejects.toThrow(/No Outlook profile named "Nope"/);
    await expect(run('bogus', [], {})).rejects.toMatchObject(usage);
    await expect(
      run('fix', ['proxy-auth-ntlm'], {
        machine: join(SAMPLES_DIR, 'xp-outlook2003-basic'),
        out: join(root, 'k'),
      }),
    ).rejects.toBeInstanceOf(UnreadableInputError);
    const full = join(root, 'not empty');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'mine');
    await expect(run('fix', ['proxy-auth-ntlm'], { machine: collected, out: full })).rejects.toThrow(
      /not empty/,
    );
    expect(readdirSync(full)).toEqual(['keep.txt']);
    rmSync(join(collected, 'hklm-currentcontrolset-control-lsa.reg'));
    writeFileSync(
      join(collected, 'facts.txt'),
      Buffer.from(
        readFileSync(join(collected, 'facts.txt'))
          .toString('utf16le')
          .replace(/^.*control-lsa.*\r\n/m, ''),
        'utf16le',
      ),
    );
    const missing = run('fix', ['proxy-auth-ntlm'], { machine: collected, out: join(root, 'k') });
    await expect(missing).rejects.toThrow(
      /lacks parts a diagnosis needs \(HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\)/,
    );
    await expect(missing).rejects.toBeInstanceOf(ExproxyError);
  });
});
