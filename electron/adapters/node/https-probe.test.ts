import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyFindings, type ProbeTarget } from '../../core/proxy-check/proxy-findings';
import { makeTestPki, OPENSSL_MISSING, type TestPki } from '../../test-support/test-certificates';
import { HttpsProbe } from './https-probe';

const HOST = 'mail.contoso.test';
const probe = new HttpsProbe();
let pki: TestPki;
const servers: Array<Server | TcpServer> = [];

/** An HTTPS server on 127.0.0.1 answering like an IIS RPC proxy with the given challenges. */
async function rpcProxy(opts: { names?: string[]; selfSigned?: boolean; challenges: string[] }) {
  const creds = opts.selfSigned ? pki.selfSigned(HOST) : pki.issue(opts.names ?? [HOST]);
  const requests: { path: string | undefined; auth: string | undefined; host: string | undefined }[] = [];
  const server = createHttpsServer(creds, (req, res) => {
    requests.push({ path: req.url, auth: req.headers.authorization, host: req.headers.host });
    res.writeHead(
      401,
      [['Content-Type', 'text/html'], ...opts.challenges.map((c) => ['WWW-Authenticate', c])].flat() as never,
    );
    res.end('401 - Unauthorized');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { connectTo: `127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

async function tcpServer(onConnection: (s: import('node:net').Socket) => void) {
  const server = createTcpServer(onConnection);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const URL_ = `https://${HOST}/rpc/rpcproxy.dll`;
const target = (over: Partial<ProbeTarget> = {}): ProbeTarget => ({
  profile: 'Outlook',
  account: 'acc',
  proxyServer: HOST,
  principalName: `msstd:${HOST}`,
  authScheme: 'basic',
  ...over,
});

beforeAll(() => {
  if (OPENSSL_MISSING) console.log(`HTTPS tests skipped: ${OPENSSL_MISSING}`);
  else pki = makeTestPki();
});
afterAll(() => {
  for (const s of servers) s.close();
});

describe.skipIf(OPENSSL_MISSING)('RPC proxy check against a real HTTPS server', () => {
  it('reads Negotiate and NTLM from the 401, with no credentials sent, and finds nothing wrong', async () => {
    const server = await rpcProxy({ challenges: ['Negotiate', 'NTLM', 'Basic realm="mail.contoso.test"'] });
    const r = await probe.probe(URL_, { ca: pki.caCert, connectTo: server.connectTo });
    expect(r.failure).toBeNull();
    expect(r.status).toBe(401);
    expect(r.schemes).toEqual(['negotiate', 'ntlm', 'basic']);
    expect(r.certificate).toMatchObject({ trusted: true, matchesHost: true, subjectCommonName: HOST });
    expect(server.requests).toEqual([{ path: '/rpc/rpcproxy.dll', auth: undefined, host: HOST }]);
    expect(proxyFindings(r, target())).toEqual([]);
  });

  it('Basic only: switching to NTLM would break the connection', async () => {
    const server = await rpcProxy({ challenges: ['Basic realm="x"'] });
    const r = await probe.probe(URL_, { ca: pki.caCert, connectTo: server.connectTo });
    expect(r.schemes).toEqual(['basic']);
    const [f] = proxyFindings(r, target());
    expect(f).toMatchObject({ id: 'proxy-offers-no-ntlm', severity: 'error', facts: { schemes: 'basic' } });
  });

  it('Negotiate alone still carries NTLM; NTLM alone too', async () => {
    for (const challenges of [['Negotiate'], ['NTLM']]) {
      const server = await rpcProxy({ challenges });
      const r = await probe.probe(URL_, { ca: pki.caCert, connectTo: server.connectTo });
      expect(proxyFindings(r, target()).map((f) => f.id)).toEqual([]);
    }
  });

  it('a certificate for another name: reported with its names, and the request is never sent', async () => {
    const server = await rpcProxy({ names: ['owa.fabrikam.test'], challenges: ['NTLM'] });
    const r = await probe.probe(URL_, { ca: pki.caCert, connectTo: server.connectTo });
    expect(r.status).toBeNull();
    expect(r.certificate).toMatchObject({
      trusted: true,
      matchesHost: false,
      altNames: ['owa.fabrikam.test'],
    });
    expect(server.requests).toHaveLength(0);
    expect(proxyFindings(r, target()).map((f) => f.id)).toEqual(['proxy-certificate-name-mismatch']);
  });

  it('the principal only in subjectAltName is flagged for Windows XP (CN must match)', async () => {
    const server = await rpcProxy({ names: ['cas01.contoso.test', HOST], challenges: ['NTLM'] });
    const r = await probe.probe(URL_, { ca: pki.caCert, connectTo: server.connectTo });
    const [f] = proxyFindings(r, target());
    expect(f).toMatchObject({ id: 'proxy-certificate-name-mismatch', facts: { onlyInAltNames: true } });
  });

  it('an untrusted (self-signed) certificate is reported, never accepted', async () => {
    const server = await rpcProxy({ selfSigned: true, challenges: ['NTLM'] });
    const r = await probe.probe(URL_, { connectTo: server.connectTo });
    expect(r.certificate?.trusted).toBe(false);
    expect(r.certificate?.trustError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(server.requests).toHaveLength(0);
    expect(proxyFindings(r, target()).map((f) => f.id)).toEqual(['proxy-certificate-untrusted']);
  });

  it('a server that hangs times out, named as a timeout', async () => {
    const connectTo = await tcpServer(() => {});
    const r = await probe.probe(URL_, { connectTo, timeoutMs: 300 });
    expect(r.failure).toMatchObject({ stage: 'timeout' });
    expect(proxyFindings(r, target())).toMatchObject([
      { id: 'proxy-unreachable', facts: { stage: 'timeout' } },
    ]);
  });

  it('a reset connection is a TCP failure; a closed port too', async () => {
    const connectTo = await tcpServer((s) => s.resetAndDestroy());
    const r = await probe.probe(URL_, { connectTo, timeoutMs: 2000 });
    expect(r.failure).toMatchObject({ stage: 'tcp', code: 'ECONNRESET' });
    const closed = await tcpServer(() => {});
    const port = closed.split(':')[1];
    await new Promise<void>((res) => (servers.pop() as TcpServer).close(() => res()));
    const refused = await probe.probe(URL_, { connectTo: `127.0.0.1:${port}`, timeoutMs: 2000 });
    expect(refused.failure).toMatchObject({ stage: 'tcp', code: 'ECONNREFUSED' });
  });

  it('an unknown host is a DNS failure', async () => {
    const r = await probe.probe('https://no-such-host.invalid/rpc/rpcproxy.dll', { timeoutMs: 3000 });
    expect(r.failure?.stage).toBe('dns');
  });

  it('can be cancelled, and a cancelled check makes no finding', async () => {
    const connectTo = await tcpServer(() => {});
    const controller = new AbortController();
    const pending = probe.probe(URL_, { connectTo, timeoutMs: 5000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const r = await pending;
    expect(r.failure?.stage).toBe('cancelled');
    expect(proxyFindings(r, target())).toEqual([]);
  });
});
