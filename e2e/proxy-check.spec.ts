import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki, OPENSSL_MISSING, type TestPki } from '../electron/test-support/test-certificates';
import { expect, test } from './support/wizard';

// The live proxy check (issue 5) against a real HTTPS server on 127.0.0.1: the simulated XP
// machine's profile points at mail.contoso.com, and its machine.json sends that name to the
// test server (proxyEndpoints) and trusts the test CA (proxyCaFile).

const ROOT = join(__dirname, '..');
const SCENARIO = 'xp-outlook2003-proxy-test';

type Answer = { schemes: readonly string[] } | 'hang';

interface RpcProxy {
  readonly port: number;
  close(): Promise<void>;
}

/** An RPC proxy that answers every request with 401 and the given WWW-Authenticate schemes. */
async function startRpcProxy(cert: { key: string; cert: string }, answer: Answer): Promise<RpcProxy> {
  const server: Server = createServer(cert, (req, res) => {
    // A hang: the TLS handshake works, the HTTP answer never comes.
    if (answer === 'hang') return;
    // The check never sends credentials.
    if (req.headers.authorization) res.writeHead(400).end();
    res.writeHead(401, [
      ...answer.schemes.map((s) => ['WWW-Authenticate', s] as [string, string]),
      ['Content-Type', 'text/html'],
    ]);
    res.end('<html><body>401 Unauthorized</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An assets folder whose only machine is the Basic XP sample, pointed at the test server. */
function machineFor(port: number, ca: string): string {
  const assets = mkdtempSync(join(tmpdir(), 'exproxy-e2e-assets-'));
  const machine = join(assets, 'machines', SCENARIO);
  mkdirSync(machine, { recursive: true });
  cpSync(join(ROOT, 'assets', 'machines', 'xp-outlook2003-basic'), machine, { recursive: true });
  writeFileSync(join(machine, 'ca.pem'), ca);
  writeFileSync(
    join(machine, 'machine.json'),
    JSON.stringify(
      {
        description: 'Windows XP + Outlook 2003: Basic proxy sign-in, proxy answered by a local test server',
        proxyEndpoints: { 'mail.contoso.com': `127.0.0.1:${port}` },
        proxyCaFile: 'ca.pem',
      },
      null,
      2,
    ),
  );
  return assets;
}

let pki: TestPki;
let goodCert: { key: string; cert: string };
const servers: RpcProxy[] = [];

test.skip(!!OPENSSL_MISSING, String(OPENSSL_MISSING));

test.beforeAll(() => {
  pki = makeTestPki();
  goodCert = pki.issue(['mail.contoso.com']);
});

test.afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function proxy(answer: Answer, cert = goodCert): Promise<string> {
  const server = await startRpcProxy(cert, answer);
  servers.push(server);
  return machineFor(server.port, pki.caCert);
}

test('a proxy that offers only Basic: NTLM is not offered, and the finding says who must act', async ({
  openWizard,
}) => {
  const w = await openWizard(SCENARIO, {
    assetsDir: await proxy({ schemes: ['Basic realm="mail.contoso.com"'] }),
  });
  const { page } = w;
  await w.step('step-welcome');
  await page.getByTestId('audience-technician').click();
  await expect(page.getByTestId('proxy-check-toggle')).toBeChecked();
  await page.getByTestId('start-scan').click();

  await w.step('step-findings');
  const noNtlm = page.getByTestId('finding-proxy-offers-no-ntlm');
  await expect(noNtlm).toBeVisible();
  await expect(noNtlm).toContainText('It answered: basic');
  await expect(noNtlm).toContainText('Exchange administrator must turn on Integrated Windows authentication');
  const basic = page.getByTestId('finding-proxy-auth-basic');
  await expect(basic.getByTestId('no-ntlm-notice')).toContainText('NTLM will not be offered');
  // The technician's view of the finding: no fix left for it.
  await expect(basic).toContainText('none (manual)');
  const answer = page.getByTestId('proxy-answer');
  await expect(answer.getByTestId('proxy-answer-status')).toHaveText('HTTP 401');
  await expect(answer.getByTestId('proxy-answer-schemes')).toHaveText('basic');
  await expect(answer.getByTestId('proxy-answer-trusted')).toHaveAttribute('data-trusted', 'true');
  await expect(page.getByTestId('finding-proxy-unreachable')).toHaveCount(0);
  await w.shot('findings-basic-only');

  await expect(page.getByTestId('finding-lm-response-sent')).toContainText('Nothing is changed for now');

  await page.getByTestId('findings-next').click();
  await w.step('step-settings');
  // Nothing is proposed: the profile keeps Basic, and the LAN Manager level alone would not help.
  await expect(page.getByTestId('proxy-settings-proposed')).toContainText('Basic');
  await expect(page.getByTestId('proxy-settings-proposed')).not.toContainText('NTLM Authentication');
  await w.shot('settings-nothing-to-change');
  await page.getByTestId('settings-next').click();
  await w.step('step-report');
});

test('a proxy that offers NTLM: no proxy findings, and a PRF can be made instead', async ({ openWizard }) => {
  const w = await openWizard(SCENARIO, {
    assetsDir: await proxy({ schemes: ['Negotiate', 'NTLM', 'Basic realm="mail.contoso.com"'] }),
  });
  const { page } = w;
  await page.getByTestId('audience-technician').click();
  await page.getByTestId('start-scan').click();

  await w.step('step-findings');
  await expect(page.getByTestId('finding-proxy-auth-basic')).toBeVisible();
  await expect(page.getByTestId('finding-proxy-auth-basic')).toContainText('proxy-auth-ntlm');
  await expect(page.getByTestId('no-ntlm-notice')).toHaveCount(0);
  await expect(
    page.locator('[data-testid^="finding-proxy-"]:not([data-testid="finding-proxy-auth-basic"])'),
  ).toHaveCount(0);
  await expect(page.getByTestId('proxy-answer-schemes')).toContainText('ntlm');
  await expect(page.getByTestId('proxy-answer-schemes')).toContainText('negotiate');
  await w.shot('findings-ntlm-offered');

  await page.getByTestId('findings-next').click();
  await w.step('step-settings');
  await expect(page.getByTestId('proxy-settings-proposed')).toContainText('NTLM');
  await page.getByTestId('settings-next').click();
  await w.step('step-choose');
  await page.getByTestId('make-prf').click();
  const saved = page.getByTestId('prf-saved');
  await expect(saved).toContainText('.prf');
  await expect(page.getByTestId('prf-command')).toContainText('outlook.exe /importprf');
  await expect(page.getByTestId('prf-text')).toContainText('ProfileName=Outlook');
  await expect(page.getByTestId('prf-text')).toContainText('RPCProxyAuthScheme=0x0002');
  await w.shot('prf-saved');
});

test('a certificate from nobody this PC trusts, for another name, is reported, never accepted', async ({
  openWizard,
}) => {
  const w = await openWizard(SCENARIO, {
    assetsDir: await proxy({ schemes: ['NTLM'] }, pki.selfSigned('www.fabrikam.com')),
  });
  const { page } = w;
  await page.getByTestId('audience-technician').click();
  await page.getByTestId('start-scan').click();
  await w.step('step-findings');
  await expect(page.getByTestId('finding-proxy-certificate-untrusted')).toBeVisible();
  await expect(page.getByTestId('finding-proxy-certificate-name-mismatch')).toContainText('www.fabrikam.com');
  await expect(page.getByTestId('proxy-answer-trusted')).toHaveAttribute('data-trusted', 'false');
  // Nothing was asked over a certificate that failed: no scheme list, so no NTLM verdict either.
  await expect(page.getByTestId('finding-proxy-offers-no-ntlm')).toHaveCount(0);
  await w.shot('findings-bad-certificate');
});

test('a proxy that never answers: Cancel goes on with the plain scan', async ({ openWizard }) => {
  const w = await openWizard(SCENARIO, { assetsDir: await proxy('hang') });
  const { page } = w;
  await page.getByTestId('start-scan').click();
  await w.step('step-scan');
  await expect(page.getByTestId('proxy-check-progress')).toContainText('no password is sent');
  await w.shot('proxy-check-waiting');
  await page.getByTestId('proxy-check-cancel').click();

  await w.step('step-findings');
  await expect(page.getByTestId('proxy-check-note')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('finding-proxy-auth-basic')).toBeVisible();
  await expect(page.getByTestId('finding-proxy-unreachable')).toHaveCount(0);
  await w.shot('findings-after-cancel');
});
