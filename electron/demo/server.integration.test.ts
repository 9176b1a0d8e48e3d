import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUpload, COLLECTED_DIR, SERVER_SAMPLE, XP_SAMPLE } from '../test-support/collected-sessions';
import { startDemoServer } from './server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser demo host', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let port: number;
  let token: string;

  const api = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
    call(port, `/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-exproxy-token': token, ...headers },
      body: JSON.stringify(args),
    });

  beforeAll(async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'exproxy-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    demo = await startDemoServer({ scenario: 'xp-outlook2003-basic', port: 0, rendererDir });
    const url = new URL(demo.url);
    port = Number(url.port);
    token = url.searchParams.get('token')!;
  });
  afterAll(async () => {
    demo.session.dispose();
    await demo.close();
  });

  it('listens on 127.0.0.1 with a long random token in the URL', () => {
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('serves pages and assets (public code) without a token or cookie, and never sets a cookie', async () => {
    const first = await call(port, `/?token=${token}`);
    expect(first.status).toBe(200);
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    // A reload after a simulated restart: the token is in sessionStorage, not in the address.
    const reload = await call(port, '/');
    expect(reload.status).toBe(200);
    const asset = await call(port, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    for (const r of [first, reload, asset]) expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('a wrong token in the address is refused at once (a stale link), with what to do', async () => {
    const stale = await call(port, '/?token=wrong');
    expect(stale.status).toBe(403);
    expect(stale.body).toMatch(/open the address the demo printed/);
    expect((await call(port, '/assets/app.js?token=wrong')).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) and paths outside the renderer folder', async () => {
    const rebound = await call(port, `/?token=${token}`, { headers: { host: `evil.example:${port}` } });
    expect(rebound.status).toBe(421);
    const escape = await call(port, `/..%2f..%2fetc%2fpasswd?token=${token}`);
    expect(escape.status).toBe(404);
  });

  it('API calls need the token header (a query or cookie is not enough), POST and JSON', async () => {
    const noHeader = await call(port, `/api/scan:run?token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(noHeader.status).toBe(403);
    for (const cookie of [`exproxy_token=${token}`, `exproxy-token=${token}`, `token=${token}`]) {
      const withCookie = await call(port, '/api/scan:run', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: '[]',
      });
      expect(withCookie.status).toBe(403);
    }
    const wrong = await api('scan:run', [], { 'x-exproxy-token': `${token}x` });
    expect(wrong.status).toBe(403);
    const empty = await api('scan:run', [], { 'x-exproxy-token': '' });
    expect(empty.status).toBe(403);
    const get = await call(port, '/api/scan:run', { headers: { 'x-exproxy-token': token } });
    expect(get.status).toBe(405);
    const form = await api('scan:run', [], { 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
  });

  it('validates payloads before any service runs', async () => {
    const unknown = JSON.parse((await api('shell:run', [])).body);
    expect(unknown).toEqual({ ok: false, error: { kind: 'invalid-request', message: 'unknown channel' } });
    const bad = JSON.parse((await api('fix:apply', [{ fixes: ['rm -rf'] }])).body);
    expect(bad.ok).toBe(false);
    expect(bad.error.kind).toBe('invalid-request');
    const unconfirmed = JSON.parse((await api('windows:restart', [{ confirmed: false }])).body);
    expect(unconfirmed.error.kind).toBe('invalid-request');
  });

  it('runs the real services on the simulated machine: scan, apply, history, undo', async () => {
    const scan = JSON.parse((await api('scan:run', [])).body);
    expect(scan.ok).toBe(true);
    expect(scan.result.findings.map((f: { id: string }) => f.id)).toContain('proxy-auth-basic');
    const fixes = ['proxy-auth-ntlm', 'lmcompat-3'];
    const plan = JSON.parse((await api('fix:plan', [{ fixes }])).body);
    expect(plan.result.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Without the fingerprint of a plan that was shown, nothing is applied.
    const unbound = JSON.parse((await api('fix:apply', [{ fixes }])).body);
    expect(unbound).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    const applied = JSON.parse(
      (await api('fix:apply', [{ fixes, fingerprint: plan.result.fingerprint }])).body,
    );
    expect(applied.result.status).toBe('applied');
    const history = JSON.parse((await api('history:list', [])).body);
    expect(history.result[0].state).toBe('applied');
    const undo = JSON.parse((await api('fix:rollback', [{ changeId: applied.result.changeId }])).body);
    expect(undo.ok).toBe(true);
    const again = JSON.parse((await api('scan:run', [])).body);
    expect(again.result.findings.map((f: { id: string }) => f.id)).toContain('proxy-auth-basic');
  });

  it('switches scenarios and simulates Outlook opening and closing', async () => {
    const info = JSON.parse((await api('demo:load-scenario', [{ scenario: 'xp-outlook2003-fixed' }])).body);
    expect(info.result.scenario).toBe('xp-outlook2003-fixed');
    expect(JSON.parse((await api('demo:load-scenario', [{ scenario: 'nope' }])).body).ok).toBe(false);
    await api('demo:set-outlook', [{ running: true }]);
    expect(JSON.parse((await api('outlook:status', [])).body).result.running).toBe(true);
    await api('demo:set-outlook', [{ running: false }]);
    expect(JSON.parse((await api('outlook:status', [])).body).result.running).toBe(false);
  });

  it('a simulated Windows restart runs the resume entry once and reopens at verification', async () => {
    await api('demo:load-scenario', [{ scenario: 'xp-outlook2003-basic' }]);
    expect(JSON.parse((await api('resume:register', [])).body).result.registered).toBe(true);
    const restart = JSON.parse((await api('windows:restart', [{ confirmed: true }])).body);
    expect(restart.result.scheduled).toBe(true);
    expect(JSON.parse((await api('app:info', [])).body).result.resumeAtVerify).toBe(true);
    // RunOnce entries run once: the next start is a normal one.
    expect(JSON.parse((await api('app:info', [])).body).result.resumeAtVerify).toBe(false);
  });

  it('lists the collected sample folders as read-only scenarios and opens one', async () => {
    const info = JSON.parse((await api('app:info', [])).body).result;
    expect(info.scenarios).toEqual(
      expect.arrayContaining([
        { id: 'xp-outlook2003-basic', title: expect.any(String), kind: 'simulated' },
        { id: 'collected-xp-acct-07-12012026-140509', title: 'XP-ACCT-07', kind: 'collected' },
        { id: 'collected-exfe01-12012026-091500', title: 'EXFE01', kind: 'collected' },
      ]),
    );
    const opened = JSON.parse(
      (await api('demo:load-scenario', [{ scenario: 'collected-exfe01-12012026-091500' }])).body,
    ).result;
    // The demo started on this folder: there is no other PC to go back to.
    expect(opened.collected).toMatchObject({ computer: 'EXFE01', server: true, canReturn: false });
    const events = JSON.parse((await api('server:events', [])).body).result;
    expect(events.length).toBeGreaterThan(0);
  });

  it('takes an uploaded collected folder, and makes and downloads a fix kit for it', async () => {
    await api('demo:load-scenario', [{ scenario: 'xp-outlook2003-basic' }]);
    const files = asUpload(join(COLLECTED_DIR, XP_SAMPLE));
    const opened = JSON.parse((await api('collected:upload', [{ files }])).body);
    expect(opened.result.collected).toMatchObject({ computer: 'XP-ACCT-07', canReturn: true });
    const fixes = ['proxy-auth-ntlm', 'lmcompat-3'];
    const plan = JSON.parse((await api('fix:plan', [{ fixes }])).body).result;
    const kit = JSON.parse(
      (await api('kit:make', [{ fixes, fingerprint: plan.fingerprint, language: 'en' }])).body,
    ).result;
    expect(kit.computer).toBe('XP-ACCT-07');
    const zip = JSON.parse((await api('kit:download', [{ id: kit.id, locale: 'en' }])).body).result;
    expect(zip).toMatchObject({ kind: 'download', name: kit.zipName, mime: 'application/zip' });
    // "PK\x03\x04": a zip.
    expect(Buffer.from(zip.base64, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 3, 4]));
    const back = JSON.parse((await api('collected:close', [])).body).result;
    expect(back.collected).toBeNull();
    // The browser host has no folder picker.
    const pick = JSON.parse((await api('collected:open', [{ locale: 'en' }])).body);
    expect(pick).toMatchObject({ ok: false, error: { kind: 'usage' } });
  });

  it('answers an oversize upload with a reason, and other channels keep their small limit', async () => {
    const big = JSON.stringify([{ files: [{ name: 'a.reg', base64: 'A'.repeat(90 * 1024 * 1024) }] }]);
    const upload = await call(port, '/api/collected:upload', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-exproxy-token': token },
      body: big,
    });
    expect(upload.status).toBe(413);
    expect(JSON.parse(upload.body)).toEqual({
      ok: false,
      error: {
        kind: 'usage',
        message: expect.stringMatching(/larger than 64 MiB together; nothing was uploaded/),
      },
    });
    const other = await call(port, '/api/scan:run', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-exproxy-token': token },
      body: JSON.stringify([{ pad: 'x'.repeat(70 * 1024) }]),
    });
    expect(other.status).toBe(413);
  });

  it('opens a collected folder given with --machine at start', async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'exproxy-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const other = await startDemoServer({
      scenario: 'xp-outlook2003-basic',
      port: 0,
      rendererDir,
      machine: join(COLLECTED_DIR, SERVER_SAMPLE),
    });
    try {
      const url = new URL(other.url);
      const info = await call(Number(url.port), '/api/app:info', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-exproxy-token': url.searchParams.get('token')! },
        body: '[]',
      });
      expect(JSON.parse(info.body).result.collected).toMatchObject({ computer: 'EXFE01', canReturn: true });
    } finally {
      other.session.dispose();
      await other.close();
    }
    await expect(
      startDemoServer({ scenario: 'xp-outlook2003-basic', port: 0, rendererDir, machine: rendererDir }),
    ).rejects.toThrow(/not a folder collect\.cmd wrote/);
  });
});
