import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exproxyAsync } from '../test-support/cli-runner';
import { copySample, tempDir } from '../test-support/sample-machines';
import { makeTestPki, OPENSSL_MISSING, type TestPki } from '../test-support/test-certificates';

let pki: TestPki;
const servers: Server[] = [];

async function rpcProxy(host: string, challenges: string[]): Promise<string> {
  const server = createServer(pki.issue([host]), (_req, res) => {
    res.writeHead(401, challenges.flatMap((c) => ['WWW-Authenticate', c]) as never);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(() => {
  if (OPENSSL_MISSING) console.log(`HTTPS tests skipped: ${OPENSSL_MISSING}`);
  else pki = makeTestPki();
});
afterAll(() => {
  for (const s of servers) s.close();
});

describe.skipIf(OPENSSL_MISSING)('exproxy probe and the proxy check in diagnose', () => {
  it('probe --json reports status, lower-case schemes and findings', async () => {
    const connectTo = await rpcProxy('mail.contoso.com', ['Basic realm="mail"']);
    const ca = join(tempDir(), 'ca.pem');
    writeFileSync(ca, pki.caCert);
    const r = await exproxyAsync([
      'probe',
      '--url',
      'https://mail.contoso.com',
      '--ca',
      ca,
      '--connect-to',
      connectTo,
      '--json',
    ]);
    expect(r.code).toBe(10);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      url: 'https://mail.contoso.com/rpc/rpcproxy.dll',
      status: 401,
      schemes: ['basic'],
    });
    expect(j.findings.map((f: { id: string }) => f.id)).toEqual(['proxy-offers-no-ntlm']);
  });

  it('probe without --ca refuses the private certificate and says so', async () => {
    const connectTo = await rpcProxy('mail.contoso.com', ['NTLM']);
    const r = await exproxyAsync(['probe', '--url', 'https://mail.contoso.com', '--connect-to', connectTo]);
    expect(r.code).toBe(10);
    expect(r.out).toMatch(/proxy-certificate-untrusted/);
  });

  it('probe: usage errors and an unreadable CA file', async () => {
    expect((await exproxyAsync(['probe'])).code).toBe(2);
    expect((await exproxyAsync(['probe', '--url', 'http://mail.contoso.com'])).code).toBe(2);
    const notPem = join(tempDir(), 'x.pem');
    writeFileSync(notPem, 'hello');
    const r = await exproxyAsync(['probe', '--url', 'https://a.example', '--ca', notPem]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/not a PEM certificate/);
  });

  it('diagnose asks the simulated PC’s proxy (test server) and withdraws NTLM when it is not offered', async () => {
    const { dir } = copySample('xp-outlook2003-basic');
    const connectTo = await rpcProxy('mail.contoso.com', ['Basic realm="mail"']);
    writeFileSync(join(dir, 'ca.pem'), pki.caCert);
    writeFileSync(
      join(dir, 'machine.json'),
      JSON.stringify({ proxyEndpoints: { 'mail.contoso.com': connectTo }, proxyCaFile: 'ca.pem' }),
    );
    const r = await exproxyAsync(['diagnose', '--machine', dir, '--json']);
    const j = JSON.parse(r.out);
    const basic = j.findings.find((f: { id: string }) => f.id === 'proxy-auth-basic');
    expect(basic.fixes).toEqual([]);
    expect(j.findings.map((f: { id: string }) => f.id)).toContain('proxy-offers-no-ntlm');
    expect(j.proxyChecks[0]).toMatchObject({
      proxyServer: 'mail.contoso.com',
      result: { status: 401, schemes: ['basic'] },
    });
    const off = JSON.parse(
      (await exproxyAsync(['diagnose', '--machine', dir, '--json', '--no-network'])).out,
    );
    expect(off.proxyChecks).toBeUndefined();
    expect(off.findings.find((f: { id: string }) => f.id === 'proxy-auth-basic').fixes).toEqual([
      'proxy-auth-ntlm',
    ]);
  });

  it('a simulated PC never reaches the real network: unlisted proxies are not checked', async () => {
    const { dir } = copySample('xp-outlook2003-basic');
    const r = await exproxyAsync(['diagnose', '--machine', dir]);
    expect(r.code).toBe(10);
    expect(r.out).toMatch(/Not checked: simulated PC/);
  });

  it('apply leaves accounts behind a proxy that refuses NTLM alone, unless --no-network', async () => {
    const { dir, registryFile, originalBytes } = copySample('xp-outlook2003-basic');
    const connectTo = await rpcProxy('mail.contoso.com', ['Basic realm="mail"']);
    writeFileSync(join(dir, 'ca.pem'), pki.caCert);
    writeFileSync(
      join(dir, 'machine.json'),
      JSON.stringify({ proxyEndpoints: { 'mail.contoso.com': connectTo }, proxyCaFile: 'ca.pem' }),
    );
    const state = tempDir();
    const r = await exproxyAsync(['apply', 'proxy-auth-ntlm', '--machine', dir, '--state', state, '--yes']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/does not offer NTLM/);
    expect(r.out).toMatch(/Nothing to change/);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
    const forced = await exproxyAsync([
      'apply',
      'proxy-auth-ntlm',
      '--machine',
      dir,
      '--state',
      state,
      '--yes',
      '--no-network',
    ]);
    expect(forced.code).toBe(0);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(false);
  });
});
