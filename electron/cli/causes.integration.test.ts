/**
 * The causes beyond KB820281 through the real, bundled CLI on the sample machines: each finding,
 * each fix applied → verified → undone byte for byte, values a policy sets left alone with the
 * reason (exit 5), saved sign-ins removed only when named and never undone, the fleet scopes,
 * the kit's refusal, the MAPI over HTTP answer beside the RPC proxy's, and the guidance when
 * nothing is found.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectScriptOptions } from '../adapters/collected/collect-options';
import { writeSimulatedCollection } from '../adapters/collected/simulated-collection';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import { exproxy, exproxyAsync } from '../test-support/cli-runner';
import { copySample, tempDir } from '../test-support/sample-machines';
import { makeTestPki, OPENSSL_MISSING, type TestPki } from '../test-support/test-certificates';

const SSPI = 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com';

interface JsonFinding {
  id: string;
  kb: string;
  severity: string;
  profile: string | null;
  fixes: string[];
}

function diagnoseJson(dir: string, env: Record<string, string> = {}) {
  const r = exproxy(['diagnose', '--machine', dir, '--json', '--no-network'], env);
  return { code: r.code, report: JSON.parse(r.out) as Record<string, unknown> & { findings: JsonFinding[] } };
}

function facts(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'machine.json'), 'utf8')) as Record<string, unknown>;
}

describe('exproxy and the causes beyond KB820281', () => {
  it('diagnose finds each cause on its sample, with its source and fix (exit 10)', () => {
    const want: Record<string, [string, string, string | undefined][]> = {
      'xp-outlook2003-always-prompt': [['prompt-always-on', 'POLICY-PROMPT', 'prompt-always-off']],
      'xp-outlook2003-causes': [
        ['prompt-always-on', 'POLICY-PROMPT', 'prompt-always-off'],
        ['cause-value-unreadable', 'KB820281', undefined],
        ['logon-kerberos-only', 'KB820281', 'logon-ntlm'],
        ['cause-value-unreadable', 'KB820281', undefined],
        ['exchange-online-rpc', 'KB3201590', undefined],
      ],
      'win10-outlook2016-cloud': [
        ['prompt-always-on', 'POLICY-PROMPT', 'prompt-always-off'],
        ['logon-kerberos-only', 'KB820281', 'logon-negotiate'],
        ['exchange-online-rpc', 'KB3201590', undefined],
        ['modern-auth-off-2016', 'KB-MODAUTHCFG', 'modern-auth-2016-default'],
        ['msoauth-autodiscover-off', 'KB3126599', 'msoauth-autodiscover-on'],
        ['mapi-http-disabled', 'KB2937684', 'mapi-http-allow'],
      ],
      'win7-outlook2013-policies': [
        ['prompt-always-policy', 'POLICY-PROMPT', undefined],
        ['prompt-always-policy', 'POLICY-PROMPT', undefined],
        ['logon-policy-kerberos', 'KB820281', undefined],
        ['exchange-online-rpc', 'KB3201590', undefined],
        ['modern-auth-off-2013', 'KB-MODAUTHCFG', 'modern-auth-2013-on'],
        ['msoauth-autodiscover-off', 'KB3126599', 'msoauth-autodiscover-on'],
        ['modern-auth-policy', 'KB-MODAUTHCFG', undefined],
      ],
      'win10-outlook2016-saved-credentials': [['saved-credentials', 'KB4051374', 'remove-saved-credentials']],
    };
    for (const [sample, findings] of Object.entries(want)) {
      const { code, report } = diagnoseJson(copySample(sample).dir);
      expect(code, sample).toBe(10);
      expect(
        report.findings.map((f) => [f.id, f.kb, f.fixes[0]]),
        sample,
      ).toEqual(findings);
    }
  });

  it('text output explains a cause in plain words, in English and in Chinese, and names the fix', () => {
    const { dir } = copySample('xp-outlook2003-always-prompt');
    const en = exproxy(['diagnose', '--machine', dir, '--no-network']);
    expect(en.out).toMatch(
      /prompt-always-on \[POLICY-PROMPT\] Outlook is set to ask for your password every time/,
    );
    expect(en.out).toMatch(/What to do: Switch the setting off/);
    expect(en.out).toMatch(/Next: exproxy apply prompt-always-off/);
    const zh = exproxy(['diagnose', '--machine', dir, '--no-network'], { EXPROXY_LANG: 'zh-CN' });
    expect(zh.out).toMatch(/prompt-always-on \[POLICY-PROMPT\] Outlook 被设置为每次都要求输入密码/);
    expect(zh.out).toMatch(/处理办法：/);
  });

  it('prompt-always-off: apply → verify → rollback gives back the original bytes', () => {
    const { dir, registryFile, originalBytes } = copySample('xp-outlook2003-always-prompt');
    const state = tempDir();
    const apply = exproxy(['apply', 'prompt-always-off', '--machine', dir, '--state', state, '--yes']);
    expect(apply.code).toBe(0);
    expect(apply.out).toMatch(/00036601: REG_BINARY 8c 11 00 00 → REG_BINARY 84 11 00 00/);
    expect(apply.out).toMatch(/Switch off "Always prompt for logon credentials"/);
    expect(apply.out).toMatch(/Restart Outlook/);
    expect(diagnoseJson(dir).report.findings).toEqual([]);
    const rb = exproxy(['rollback', '--last', '--machine', dir, '--state', state]);
    expect(rb.code).toBe(0);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
    expect(diagnoseJson(dir).report.findings.map((f) => f.id)).toEqual(['prompt-always-on']);
  });

  it('logon-ntlm and prompt-always-off on Outlook 2003 off the domain: one change, undone as a whole', () => {
    const { dir, registryFile, originalBytes } = copySample('xp-outlook2003-causes');
    const state = tempDir();
    const apply = exproxy([
      'apply',
      'prompt-always-off',
      'logon-ntlm',
      '--machine',
      dir,
      '--state',
      state,
      '--yes',
      '--json',
    ]);
    expect(apply.code).toBe(0);
    const out = JSON.parse(apply.out);
    expect(
      out.plan.changes.map((c: { profile: string; name: string; after: unknown }) => [
        c.profile,
        c.name,
        c.after,
      ]),
    ).toEqual([
      ['Outlook', '00036601', { type: 'REG_BINARY', hex: '04000000' }],
      ['Outlook', '00036619', { type: 'REG_BINARY', hex: '0a000000' }],
    ]);
    // The damaged profile is left alone, with the reason.
    expect(out.plan.skipped).toMatchObject([
      { fix: 'prompt-always-off', profile: 'Damaged', reason: 'value-unreadable' },
      { fix: 'logon-ntlm', profile: 'Damaged', reason: 'value-unreadable' },
    ]);
    expect(diagnoseJson(dir).report.findings.map((f) => f.id)).toEqual([
      'cause-value-unreadable',
      'cause-value-unreadable',
      'exchange-online-rpc',
    ]);
    expect(exproxy(['rollback', '--last', '--machine', dir, '--state', state]).code).toBe(0);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
  });

  it('the modern-auth switches and MAPI over HTTP: set and removed per user, undone byte for byte; NTLM not offered for Microsoft 365', () => {
    const { dir, registryFile, originalBytes } = copySample('win10-outlook2016-cloud');
    const state = tempDir();
    const fixes = [
      'modern-auth-2016-default',
      'msoauth-autodiscover-on',
      'mapi-http-allow',
      'proxy-auth-ntlm',
    ];
    const apply = exproxy(['apply', ...fixes, '--machine', dir, '--state', state, '--yes']);
    expect(apply.code).toBe(0);
    expect(apply.out).toMatch(/Identity\\EnableADAL: REG_DWORD 0x00000000 \(0\) → \(absent\)/);
    expect(apply.out).toMatch(
      /Exchange\\AlwaysUseMSOAuthForAutoDiscover: \(absent\) → REG_DWORD 0x00000001 \(1\)/,
    );
    expect(apply.out).toMatch(/Exchange\\MapiHttpDisabled: REG_DWORD 0x00000001 \(1\) → \(absent\)/);
    expect(apply.out).toMatch(
      /proxy-auth-ntlm — profile "Outlook": Left alone: this account reaches Microsoft 365/,
    );
    expect(apply.out).not.toMatch(/00036627/);
    const after = diagnoseJson(dir).report.findings.map((f) => f.id);
    expect(after).toEqual(['prompt-always-on', 'logon-kerberos-only', 'exchange-online-rpc']);
    expect(exproxy(['rollback', '--last', '--machine', dir, '--state', state]).code).toBe(0);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
  });

  it('values a Group Policy sets are left alone with the reason: nothing changed, exit 5', () => {
    const { dir, registryFile, originalBytes } = copySample('win7-outlook2013-policies');
    const state = tempDir();
    const r = exproxy([
      'apply',
      'prompt-always-off',
      'logon-negotiate',
      'mapi-http-allow',
      '--machine',
      dir,
      '--state',
      state,
      '--yes',
    ]);
    expect(r.code).toBe(5);
    expect(r.out).toMatch(
      /prompt-always-off — profile "Work": Left alone: a Group Policy decides this value/,
    );
    expect(r.out).toMatch(/logon-negotiate — profile "Work": Left alone: a Group Policy/);
    expect(r.out).toMatch(/mapi-http-allow: Left alone: a Group Policy/);
    expect(r.err).toMatch(/Nothing was changed/);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
    expect(JSON.parse(exproxy(['history', '--state', state, '--json']).out)).toEqual([]);
  });

  it('saved sign-ins: listed by name only, removed only when named, recorded as not undoable', () => {
    const { dir, registryFile, originalBytes } = copySample('win10-outlook2016-saved-credentials');
    const state = tempDir();
    const text = exproxy(['diagnose', '--machine', dir, '--no-network']);
    expect(text.out).toMatch(
      /! MicrosoftOffice16_Data:SSPI:jsmith@contoso\.com — generic, user CONTOSO\\jsmith: .*Can be removed/,
    );
    expect(text.out).toMatch(/- MicrosoftOffice16_Data:ADAL:.*not a password; left alone/);
    expect(text.out).not.toMatch(/github/);
    expect(text.out).toContain(
      `Next: exproxy apply remove-saved-credentials --credential "${SSPI}" --credential "outlook.contoso.com"`,
    );
    // Never without naming them, never one that is not a candidate.
    const none = exproxy(['apply', 'remove-saved-credentials', '--machine', dir, '--state', state, '--yes']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/add --credential TARGET/);
    const wrong = exproxy([
      'apply',
      'remove-saved-credentials',
      '--credential',
      'git:https://github.com',
      '--machine',
      dir,
      '--state',
      state,
      '--yes',
    ]);
    expect(wrong.code).toBe(2);
    expect(
      exproxy(['apply', 'proxy-auth-ntlm', '--credential', SSPI, '--machine', dir, '--state', state, '--yes'])
        .code,
    ).toBe(2);
    expect(facts(dir).savedCredentials as unknown[]).toHaveLength(4);
    // Without --yes and no terminal: refused before anything.
    expect(
      exproxy(['apply', 'remove-saved-credentials', '--credential', SSPI, '--machine', dir, '--state', state])
        .code,
    ).toBe(2);
    const apply = exproxy([
      'apply',
      'remove-saved-credentials',
      '--credential',
      SSPI,
      '--machine',
      dir,
      '--state',
      state,
      '--yes',
      '--json',
    ]);
    expect(apply.code).toBe(0);
    const out = JSON.parse(apply.out);
    expect(out).toMatchObject({
      status: 'applied',
      plan: { undoable: false, changes: [], removals: [{ targetName: SSPI, type: 1, undoable: false }] },
      removals: [{ targetName: SSPI, removed: true }],
    });
    expect((facts(dir).savedCredentials as { targetName: string }[]).map((c) => c.targetName)).not.toContain(
      SSPI,
    );
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
    const history = exproxy(['history', '--state', state]);
    expect(history.out).toMatch(/remove-saved-credentials {2}\(removed 1 saved sign-in: cannot be undone\)/);
    // Nothing to undo with --last; the change itself says it cannot be undone.
    expect(exproxy(['rollback', '--last', '--machine', dir, '--state', state]).out).toMatch(
      /no applied change to undo/,
    );
    const id = JSON.parse(exproxy(['history', '--state', state, '--json']).out)[0].id as string;
    const rb = exproxy(['rollback', id, '--machine', dir, '--state', state]);
    expect(rb.code).toBe(5);
    expect(rb.err).toMatch(/only removed saved sign-ins, which cannot be undone/);
    // The finding now counts only what is left.
    expect(diagnoseJson(dir).report.findings).toMatchObject([{ id: 'saved-credentials' }]);
  });

  it('a registry fix and a removal in one change: the undo restores the registry and says the removal stays', () => {
    const { dir, registryFile, originalBytes } = copySample('xp-outlook2003-always-prompt');
    writeFileSync(
      join(dir, 'machine.json'),
      JSON.stringify({
        ...facts(dir),
        savedCredentials: [{ targetName: 'mail.contoso.com', type: 2, userName: 'CONTOSO\\jsmith' }],
      }),
    );
    const state = tempDir();
    const apply = exproxy([
      'apply',
      'prompt-always-off',
      'remove-saved-credentials',
      '--credential',
      'mail.contoso.com',
      '--machine',
      dir,
      '--state',
      state,
      '--yes',
    ]);
    expect(apply.code).toBe(0);
    // Said before the change: the removal cannot be undone.
    expect(apply.out.indexOf('This cannot be undone')).toBeGreaterThan(-1);
    expect(apply.out.indexOf('This cannot be undone')).toBeLessThan(
      apply.out.indexOf('Applied and verified'),
    );
    const rb = exproxy(['rollback', '--last', '--machine', dir, '--state', state]);
    expect(rb.code).toBe(0);
    expect(rb.out).toMatch(/Removed 1 saved sign-in; it cannot be put back:\n {2}mail\.contoso\.com/);
    expect(rb.out).toMatch(/Not undone: saved sign-ins cannot be put back/);
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
    expect(facts(dir).savedCredentials).toEqual([]);
  });

  it('fleet: user scope removes only named sign-ins; machine scope (SYSTEM) never plans a removal or a user setting', () => {
    const { dir } = copySample('win10-outlook2016-saved-credentials');
    const machine = exproxy([
      'apply',
      'remove-saved-credentials',
      '--credential',
      SSPI,
      '--scope',
      'machine',
      '--machine',
      dir,
      '--state',
      tempDir(),
    ]);
    expect(machine.code).toBe(2);
    expect(machine.err).toMatch(
      /remove-saved-credentials is not a machine-scope fix; run it with --scope user/,
    );
    expect(
      exproxy(['apply', 'prompt-always-off', '--scope', 'machine', '--machine', dir, '--state', tempDir()])
        .code,
    ).toBe(2);
    const unnamed = exproxy([
      'apply',
      'remove-saved-credentials',
      '--scope',
      'user',
      '--machine',
      dir,
      '--state',
      tempDir(),
    ]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.err).toMatch(/never all at once/);
    const reportFile = join(tempDir(), 'report.json');
    const user = exproxy([
      'apply',
      'remove-saved-credentials',
      '--credential',
      SSPI,
      '--scope',
      'user',
      '--report',
      reportFile,
      '--machine',
      dir,
      '--state',
      tempDir(),
    ]);
    expect(user.code).toBe(0);
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    expect(report).toMatchObject({
      exitCode: 0,
      outcome: { status: 'applied', removals: [{ targetName: SSPI, removed: true }] },
    });
  });

  it('the fix kit carries a registry cause fix, and refuses a removal with why', () => {
    const m = SimulatedMachine.load({ machine: copySample('xp-outlook2003-always-prompt').dir });
    const collected = join(tempDir(), 'XP-PROMPT-01-12012026-140509');
    writeSimulatedCollection(
      m.tree,
      collected,
      {
        computer: 'XP-PROMPT-01',
        account: 'jsmith',
        domain: 'CONTOSO',
        date: 'Tue 12/01/2026',
        time: '14:05:09.12',
        shortDate: 'M/d/yyyy',
        windowsVer: 'Microsoft Windows XP [Version 5.1.2600]',
        outlook: 'closed',
        admin: false,
      },
      collectScriptOptions(),
    );
    const d = diagnoseJson(collected);
    expect(d.report.findings.map((f) => f.id)).toEqual(['prompt-always-on']);
    const refused = exproxy([
      'kit',
      'fix',
      'remove-saved-credentials',
      '--machine',
      collected,
      '--out',
      tempDir(),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/A fix kit cannot remove saved sign-ins/);
    const out = tempDir();
    const kit = exproxy(['kit', 'fix', 'prompt-always-off', '--machine', collected, '--out', out, '--json']);
    expect(kit.code).toBe(0);
    const { kitDir, manifest } = JSON.parse(kit.out);
    expect(manifest.values).toMatchObject([{ part: 'user', fix: 'prompt-always-off', name: '00036601' }]);
    const fixReg = readFileSync(join(kitDir, 'fix-user.reg')).toString('utf16le');
    expect(fixReg).toContain('"00036601"=hex:84,11,00,00');
    const steps = readFileSync(join(kitDir, 'steps.html'), 'utf8');
    expect(steps).toContain('Saved passwords');
    expect(steps).toContain('Credential Manager');
    expect(existsSync(join(kitDir, 'fix-machine.reg'))).toBe(false);
  });

  it('when nothing is found: what was checked and what to look at next (text and JSON)', () => {
    const { dir } = copySample('xp-outlook2003-fixed');
    const r = exproxy(['diagnose', '--machine', dir, '--no-network']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Nothing to fix in the settings checked\./);
    expect(r.out).toMatch(/No known cause was found/);
    expect(r.out).toMatch(/ {2}- The "always prompt" setting and its policy/);
    expect(r.out).toMatch(/ {2}1\. With Outlook open, hold Ctrl, right-click the Outlook icon/);
    expect(r.out).toMatch(/Authn column/);
    expect(r.out).toMatch(/not asked which sign-in methods it offers/);
    const j = diagnoseJson(dir).report as unknown as {
      guidance: { checked: string[]; steps: { key: string }[] };
    };
    expect(j.guidance.steps.map((s) => s.key)).toEqual([
      'connection-status',
      'authn-column',
      'protocol-column',
      'proxy-not-asked',
      'credential-store-not-read',
    ]);
    const zh = exproxy(['diagnose', '--machine', dir, '--no-network'], { EXPROXY_LANG: 'zh-CN' });
    expect(zh.out).toMatch(/没有找到已知原因/);
  });
});

let pki: TestPki;
const servers: Server[] = [];

/** An Exchange front end: the RPC proxy and MAPI over HTTP answer 401 with their own schemes. */
async function frontEnd(host: string, rpc: string[], mapi: string[]): Promise<string> {
  const server = createServer(pki.issue([host]), (req, res) => {
    const schemes = (req.url ?? '').startsWith('/mapi/') ? mapi : rpc;
    res.writeHead(401, schemes.flatMap((c) => ['WWW-Authenticate', c]) as never);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(() => {
  if (!OPENSSL_MISSING) pki = makeTestPki();
});
afterAll(() => {
  for (const s of servers) s.close();
});

describe.skipIf(OPENSSL_MISSING)('the MAPI over HTTP answer beside the RPC proxy’s', () => {
  it('an Outlook 2016 profile: both asked, Basic-only MAPI is a finding, the answer is shown', async () => {
    const { dir } = copySample('win10-outlook2016-saved-credentials');
    const connectTo = await frontEnd('outlook.contoso.com', ['Negotiate', 'NTLM'], ['Basic realm=""']);
    writeFileSync(join(dir, 'ca.pem'), pki.caCert);
    writeFileSync(
      join(dir, 'machine.json'),
      JSON.stringify({
        ...facts(dir),
        proxyEndpoints: { 'outlook.contoso.com': connectTo },
        proxyCaFile: 'ca.pem',
      }),
    );
    const r = await exproxyAsync(['diagnose', '--machine', dir]);
    expect(r.code).toBe(10);
    expect(r.out).toMatch(
      /mapi-endpoint-basic-only \[KB2937684\] The mail server offers only password sign-in for MAPI over HTTP/,
    );
    expect(r.out).toMatch(
      /MAPI over HTTP at https:\/\/outlook\.contoso\.com\/mapi\/emsmdb\/: HTTP 401; offers: basic — offers password sign-in only/,
    );
    const j = JSON.parse((await exproxyAsync(['diagnose', '--machine', dir, '--json'])).out);
    expect(j.proxyChecks[0]).toMatchObject({
      proxyServer: 'outlook.contoso.com',
      result: { status: 401, schemes: ['negotiate', 'ntlm'] },
      mapi: {
        url: 'https://outlook.contoso.com/mapi/emsmdb/',
        status: 401,
        schemes: ['basic'],
        verdict: 'basic-only',
      },
    });
  });

  it('an Outlook 2003 profile: only the RPC proxy is asked (no MAPI over HTTP there); nothing found → the proxy’s answer in the guidance', async () => {
    const { dir } = copySample('xp-outlook2003-fixed');
    const connectTo = await frontEnd('mail.contoso.com', ['NTLM'], ['Basic']);
    writeFileSync(join(dir, 'ca.pem'), pki.caCert);
    writeFileSync(
      join(dir, 'machine.json'),
      JSON.stringify({
        ...facts(dir),
        proxyEndpoints: { 'mail.contoso.com': connectTo },
        proxyCaFile: 'ca.pem',
      }),
    );
    const j = JSON.parse((await exproxyAsync(['diagnose', '--machine', dir, '--json'])).out);
    expect(j.proxyChecks[0].mapi).toBeNull();
    expect(j.guidance.steps).toContainEqual({
      key: 'proxy-answer',
      proxyServer: 'mail.contoso.com',
      status: 401,
      schemes: 'ntlm',
    });
    const text = await exproxyAsync(['diagnose', '--machine', dir]);
    expect(text.out).toMatch(/The proxy mail\.contoso\.com answered 401 and offers: ntlm/);
  });
});
