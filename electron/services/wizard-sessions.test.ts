import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  asUpload,
  cleanCollected,
  collectedCopy,
  collectedSessions as setup,
  SERVER_SAMPLE as EXFE,
  XP_SAMPLE as XP,
} from '../test-support/collected-sessions';

afterEach(cleanCollected);

describe('opening a collected PC in the wizard', () => {
  it('starts on the host’s own machine, with no collected PC', async () => {
    const { call } = await setup();
    const info = await call('app:info');
    expect(info).toMatchObject({ mode: 'demo', collected: null });
  });

  it('uploads a collected folder, then the wizard runs on it: banner facts, findings, no writes', async () => {
    const { call, uploads } = await setup();
    const info = await call('collected:upload', { files: asUpload(collectedCopy(XP)) });
    expect(info).toMatchObject({
      collected: {
        computer: 'XP-ACCT-07',
        account: 'jsmith',
        domain: 'CONTOSO',
        collectedAt: '2026-12-01T14:05:09',
        windowsVer: 'Microsoft Windows XP [Version 5.1.2600]',
        server: false,
        missing: [],
        canReturn: true,
      },
    });
    expect(info.collected.folder.startsWith(uploads)).toBe(true);
    const report = await call('scan:run');
    expect(report.adapter).toBe('collected');
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual([
      'proxy-auth-basic',
      'lm-response-sent',
    ]);
    // An apply is refused: the kit is the way to change that PC.
    const fixes = ['proxy-auth-ntlm', 'lmcompat-3'];
    const plan = await call('fix:plan', { fixes });
    await expect(call('fix:apply', { fixes, fingerprint: plan.fingerprint })).rejects.toMatchObject({
      kind: 'blocked',
      message: expect.stringMatching(/XP-ACCT-07 is a collected PC.*nothing was changed/),
    });
    await expect(call('resume:register')).rejects.toMatchObject({ kind: 'not-allowed' });
  });

  it('goes back to the PC it started on, and removes the uploaded copy', async () => {
    const { call, uploads } = await setup();
    const info = await call('collected:upload', { files: asUpload(collectedCopy(XP)) });
    expect(existsSync(info.collected.folder)).toBe(true);
    // A second upload takes the place of the first, whose copy goes.
    const second = await call('collected:upload', { files: asUpload(collectedCopy(EXFE)) });
    expect(second.collected).toMatchObject({ computer: 'EXFE01', server: true });
    expect(existsSync(info.collected.folder)).toBe(false);
    const back = await call('collected:close');
    expect(back.collected).toBeNull();
    expect(readdirSync(uploads)).toEqual([]);
    expect((await call('scan:run')).adapter).toBe('simulated');
  });

  it('a server collected with /server opens with its events and IIS providers', async () => {
    const { call } = await setup();
    await call('collected:upload', { files: asUpload(collectedCopy(EXFE)) });
    const events = await call('server:events');
    expect(events.map((e: { id: number; guide: string }) => [e.id, e.guide])).toEqual(
      expect.arrayContaining([
        [1000, 'exprox-1000'],
        [71, 'owa-71'],
      ]),
    );
    expect(await call('server:iis')).toEqual([
      expect.objectContaining({
        site: 'W3SVC/1/ROOT/Exchange',
        providers: ['NTLM'],
        kerberosPossible: false,
      }),
    ]);
    await expect(call('server:add-backconnection', { host: 'mail.contoso.com' })).rejects.toMatchObject({
      kind: 'blocked',
    });
  });

  it('refuses a folder that is not a collection, or a fix kit, leaving the current PC open', async () => {
    const { call, uploads } = await setup();
    await expect(
      call('collected:upload', {
        files: [{ name: 'notes.txt', base64: Buffer.from('hello').toString('base64') }],
      }),
    ).rejects.toMatchObject({
      kind: 'unreadable-input',
      message: expect.stringMatching(/not a folder collect\.cmd wrote/),
    });
    await expect(
      call('collected:upload', { files: [{ name: 'fix-user.reg', base64: '' }] }),
    ).rejects.toMatchObject({ kind: 'usage', message: expect.stringMatching(/belongs to a fix kit/) });
    expect(readdirSync(uploads)).toEqual([]);
    expect((await call('app:info')).collected).toBeNull();
  });

  it('validates the upload’s shape before anything runs (hostile and oversize payloads)', async () => {
    const { send, uploads } = await setup();
    const refused = [
      [{ files: [] }],
      [{ files: [{ name: 'a.reg' }] }],
      [{ files: [{ name: 'a.reg', base64: 'YQ==', path: '/etc' }] }],
      [{ files: [{ name: 'x'.repeat(300), base64: 'YQ==' }] }],
      [{ files: Array.from({ length: 65 }, (_, i) => ({ name: `f${i}.reg`, base64: 'YQ==' })) }],
      [{ files: [{ name: 'a.reg', base64: 'A'.repeat(Math.ceil((64 * 1024 * 1024) / 3) * 4 + 4) }] }],
    ];
    for (const args of refused) {
      const r = await send('collected:upload', args);
      expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    }
    expect(existsSync(uploads)).toBe(false);
  });

  it('Electron: the folder comes from the main process picker; cancelling changes nothing', async () => {
    const folder = collectedCopy(XP);
    const picked = await setup({ pick: folder });
    expect((await picked.call('collected:open', { locale: 'en' })).collected.folder).toBe(folder);
    // No upload in Electron, and the picker's answer is the only path.
    await expect(picked.call('collected:upload', { files: asUpload(folder) })).rejects.toMatchObject({
      kind: 'usage',
    });
    const cancelled = await setup({ pick: null });
    expect(await cancelled.call('collected:open', { locale: 'zh-CN' })).toBeNull();
    expect((await cancelled.call('app:info')).collected).toBeNull();
    // The browser host has no picker.
    await expect((await setup()).call('collected:open', { locale: 'en' })).rejects.toMatchObject({
      kind: 'usage',
    });
  });

  it('refuses a kit folder picked instead of its after folder', async () => {
    const folder = collectedCopy(XP);
    writeFileSync(join(folder, 'kit.json'), '{}');
    const { call } = await setup({ pick: folder });
    await expect(call('collected:open', { locale: 'en' })).rejects.toMatchObject({
      kind: 'unreadable-input',
      message: expect.stringMatching(/is a fix kit, not a collected folder/),
    });
  });
});
