import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { collectScriptOptions } from '../adapters/collected';
import { makeCollectScript } from '../core/legacy-kit/collect-script';
import type { Delivery } from '../shared/ipc-contract';
import {
  asUpload,
  cleanCollected,
  collectedCopy,
  collectedSessions,
  SERVER_SAMPLE,
  XP_SAMPLE,
} from '../test-support/collected-sessions';
import type { DeliveredFile } from './file-delivery';
import { kitId } from './kit-service';

afterEach(cleanCollected);

const FIXES = ['proxy-auth-ntlm', 'lmcompat-3'];

function downloaded(d: Delivery): Buffer {
  if (d.kind !== 'download') throw new Error(`not a download: ${d.kind}`);
  return Buffer.from(d.base64, 'base64');
}

/** The XP sample opened as an upload, and the plan the person saw on Settings. */
async function onCollectedXp() {
  const s = await collectedSessions();
  await s.call('collected:upload', { files: asUpload(collectedCopy(XP_SAMPLE)) });
  await s.call('scan:run');
  const plan = await s.call('fix:plan', { fixes: FIXES });
  return { ...s, plan };
}

describe('the fix kit, made in the wizard for a collected PC', () => {
  it('is planned like an apply, written under the app data folder, zipped and logged; nothing changes here', async () => {
    const { call, env, plan } = await onCollectedXp();
    const kit = await call('kit:make', { fixes: FIXES, fingerprint: plan.fingerprint, language: 'zh-CN' });
    expect(kit).toMatchObject({
      id: 'XP-ACCT-07-20261202-100000',
      computer: 'XP-ACCT-07',
      account: 'CONTOSO\\jsmith',
      zipName: 'fix-kit-XP-ACCT-07-20261202-100000.zip',
      parts: { user: true, machine: true },
      restartIis: false,
    });
    expect(kit.plan.changes).toEqual(plan.changes);
    expect(kit.folder).toBe(join(env.kitsDir, kit.id));
    expect(readdirSync(kit.folder).sort()).toEqual(
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
    expect(readFileSync(join(kit.folder, 'steps.html'), 'utf8')).toContain('lang="zh-CN"');
    const manifest = JSON.parse(readFileSync(join(kit.folder, 'kit.json'), 'utf8'));
    expect(manifest.source).toMatchObject({ computer: 'XP-ACCT-07', collectedAt: '2026-12-01T14:05:09' });
    expect(manifest.values.map((v: { name: string }) => v.name)).toEqual([
      '00036627',
      'LmCompatibilityLevel',
    ]);

    // History: one kit log entry; the journal has no change (nothing was changed on this PC).
    expect(await call('kit:log')).toEqual([
      expect.objectContaining({
        id: kit.id,
        computer: 'XP-ACCT-07',
        account: 'CONTOSO\\jsmith',
        fixes: FIXES,
        folder: kit.folder,
      }),
    ]);
    expect(await call('history:list')).toEqual([]);
  });

  it('downloads as one .zip whose files are the kit folder’s, byte for byte', async () => {
    const { call, plan } = await onCollectedXp();
    const kit = await call('kit:make', { fixes: FIXES, fingerprint: plan.fingerprint, language: 'en' });
    const zip = downloaded(await call('kit:download', { id: kit.id, locale: 'en' }));
    const entries = unzipSync(new Uint8Array(zip));
    const top = `fix-kit-${kit.id}/`;
    expect(Object.keys(entries).sort()).toEqual(kit.files.map((f: string) => top + f).sort());
    for (const f of kit.files as string[])
      expect(Buffer.from(entries[top + f]!), f).toEqual(readFileSync(join(kit.folder, ...f.split('/'))));
    expect(JSON.parse(Buffer.from(entries[`${top}kit.json`]!).toString('utf8')).format).toBe(
      'exchange-proxy-wizard-fix-kit',
    );
  });

  it('Electron saves it where the person chose, and a cancelled save is just that', async () => {
    const asked: DeliveredFile[] = [];
    let answer: Delivery = { kind: 'saved', path: 'C:\\Users\\tech\\Downloads\\kit.zip' };
    const s = await collectedSessions({
      deliver: async (file) => {
        asked.push(file);
        return answer;
      },
    });
    await s.call('collected:upload', { files: asUpload(collectedCopy(XP_SAMPLE)) });
    const plan = await s.call('fix:plan', { fixes: FIXES });
    const kit = await s.call('kit:make', { fixes: FIXES, fingerprint: plan.fingerprint, language: 'en' });
    expect(await s.call('kit:download', { id: kit.id, locale: 'zh-CN' })).toEqual(answer);
    expect(asked[0]).toMatchObject({ name: kit.zipName, mime: 'application/zip', locale: 'zh-CN' });
    answer = { kind: 'cancelled' };
    expect(await s.call('kit:download', { id: kit.id, locale: 'en' })).toEqual({ kind: 'cancelled' });
  });

  it('makes the BackConnectionHostNames kit for a server collected with /server (merged value, its undo)', async () => {
    const s = await collectedSessions();
    await s.call('collected:upload', { files: asUpload(collectedCopy(SERVER_SAMPLE)) });
    const kit = await s.call('kit:make', { host: 'mail.contoso.com', language: 'en' });
    expect(kit).toMatchObject({
      computer: 'EXFE01',
      parts: { user: false, machine: true },
      restartIis: true,
    });
    expect(kit.plan.changes).toEqual([
      expect.objectContaining({
        name: 'BackConnectionHostNames',
        before: { type: 'REG_MULTI_SZ', data: ['owa.contoso.com'] },
        after: { type: 'REG_MULTI_SZ', data: ['owa.contoso.com', 'mail.contoso.com'] },
      }),
    ]);
    const undo = readFileSync(join(kit.folder, 'undo-machine.reg')).toString('utf16le');
    expect(undo).toContain('"BackConnectionHostNames"=hex(7):');
    expect(readFileSync(join(kit.folder, 'steps.html'), 'utf8')).toContain('iisadmin');
  });

  it('refuses, with nothing written: no collected PC, another plan than shown, nothing to change, missing parts', async () => {
    const s = await collectedSessions();
    // On this (simulated) PC a kit makes no sense: it is fixed directly.
    const livePlan = await s.call('fix:plan', { fixes: FIXES });
    await expect(
      s.call('kit:make', { fixes: FIXES, fingerprint: livePlan.fingerprint, language: 'en' }),
    ).rejects.toMatchObject({
      kind: 'usage',
      message: expect.stringMatching(/open the folder collect\.cmd wrote/),
    });

    await s.call('collected:upload', { files: asUpload(collectedCopy(XP_SAMPLE)) });
    // The person saw the plan of one fix; the request asks for two.
    const shown = await s.call('fix:plan', { fixes: ['proxy-auth-ntlm'] });
    await expect(
      s.call('kit:make', { fixes: FIXES, fingerprint: shown.fingerprint, language: 'en' }),
    ).rejects.toMatchObject({
      kind: 'blocked',
      message: expect.stringMatching(/not the plan that was shown/),
    });

    const server = await collectedSessions();
    await server.call('collected:upload', { files: asUpload(collectedCopy(SERVER_SAMPLE)) });
    await expect(server.call('kit:make', { host: 'owa.contoso.com', language: 'en' })).rejects.toMatchObject({
      kind: 'usage',
      message: expect.stringMatching(/Nothing needs changing on EXFE01/),
    });

    // A folder whose LSA export was lost: a kit planned from it could undo the wrong thing.
    const partial = await collectedSessions();
    const files = asUpload(collectedCopy(XP_SAMPLE)).filter((f) => !f.name.includes('lsa'));
    const facts = files.find((f) => f.name === 'facts.txt')!;
    facts.base64 = Buffer.from(
      Buffer.from(facts.base64, 'base64')
        .toString('utf16le')
        .replace(/^.*control-lsa.*\r\n/m, ''),
      'utf16le',
    ).toString('base64');
    const info = await partial.call('collected:upload', { files });
    expect(info.collected.missing).toEqual(['HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa']);
    const p = await partial.call('fix:plan', { fixes: ['proxy-auth-ntlm'] });
    await expect(
      partial.call('kit:make', { fixes: ['proxy-auth-ntlm'], fingerprint: p.fingerprint, language: 'en' }),
    ).rejects.toMatchObject({ kind: 'unreadable-input', message: expect.stringMatching(/lacks .*Lsa/) });

    for (const x of [s, server, partial]) {
      expect(existsSync(x.env.kitsDir)).toBe(false);
      expect(await x.call('kit:log')).toEqual([]);
    }
  });

  it('downloads only kits made here, by id; never a path', async () => {
    const { send, call } = await collectedSessions();
    for (const id of ['../../etc/passwd', 'a/b', 'C:\\x', 'short']) {
      expect(await send('kit:download', [{ id, locale: 'en' }])).toMatchObject({
        ok: false,
        error: { kind: 'invalid-request' },
      });
    }
    await expect(call('kit:download', { id: 'PC-20261202-100000', locale: 'en' })).rejects.toMatchObject({
      kind: 'usage',
      message: expect.stringMatching(/No kit PC-20261202-100000/),
    });
  });

  it('two kits in the same second never share a folder', async () => {
    const { call, plan } = await onCollectedXp();
    const a = await call('kit:make', { fixes: FIXES, fingerprint: plan.fingerprint, language: 'en' });
    const b = await call('kit:make', { fixes: FIXES, fingerprint: plan.fingerprint, language: 'en' });
    expect(b.id).toBe(`${a.id}-2`);
    expect((await call('kit:log')).map((e: { id: string }) => e.id)).toEqual([b.id, a.id]);
  });

  it('offers collect.cmd with the same bytes as exproxy kit collect', async () => {
    const { call } = await collectedSessions();
    const d = await call('kit:collect-script', { locale: 'en' });
    expect(d).toMatchObject({ kind: 'download', name: 'collect.cmd' });
    expect(downloaded(d)).toEqual(Buffer.from(makeCollectScript(collectScriptOptions()), 'utf8'));
  });

  it('names a kit after its computer, made safe for a folder name', () => {
    const at = new Date('2026-12-02T10:00:00Z');
    expect(kitId('XP-ACCT-07', at)).toBe('XP-ACCT-07-20261202-100000');
    expect(kitId('..\\evil & pc', at)).toBe('evil-pc-20261202-100000');
    expect(kitId(null, at)).toBe('pc-20261202-100000');
  });
});
