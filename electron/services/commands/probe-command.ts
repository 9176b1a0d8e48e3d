import { readFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import type { ProbeResult, ProxyCheck } from '../../core/proxy-check/probe-result';
import { ExproxyError, UnreadableInputError } from '../../core/errors';
import { proxyFindings } from '../../core/proxy-check/proxy-findings';
import { HttpsProbe } from '../../adapters/node';
import type { CauseLocale } from '../../core/causes/cause-text';
import type { CommandContext } from './command-context';
import { mapiLine } from './format-causes';
import { EXIT } from './exit-codes';

/** Reads `--ca FILE` (PEM) with a clear error when it is missing or not a certificate. */
function readCaFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UnreadableInputError(`${file}: cannot read the CA file (${(e as Error).message})`, file);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    throw new UnreadableInputError(
      `${file}: not a PEM certificate (expected -----BEGIN CERTIFICATE-----)`,
      file,
    );
  return text;
}

function parseProbeUrl(url: string | undefined): string {
  if (!url) throw new ExproxyError('usage', 'probe needs --url https://HOST[:PORT].');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ExproxyError('usage', `"${url}" is not a URL; use https://HOST[:PORT].`);
  }
  if (u.protocol !== 'https:') throw new ExproxyError('usage', 'Only https:// URLs can be checked.');
  // A bare host means its RPC proxy, as Outlook would call it.
  return u.pathname === '/' ? `${u.origin}/rpc/rpcproxy.dll` : u.href;
}

export function timeoutOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100 || n > 120_000)
    throw new ExproxyError('usage', `--timeout must be milliseconds from 100 to 120000 (got "${value}").`);
  return n;
}

function formatProbe(t: TFunction, r: ProbeResult): string[] {
  const lines = [t('probe.header', { url: r.url })];
  const c = r.certificate;
  if (c)
    lines.push(
      t('probe.certificate', {
        cn: c.subjectCommonName ?? '?',
        alt: c.altNames.length > 0 ? ` (${c.altNames.join(', ')})` : '',
        trusted: c.trusted ? t('yes') : `${t('no')} (${c.trustError})`,
        matches: c.matchesHost ? t('yes') : t('no'),
      }),
    );
  if (r.failure) lines.push(t('probe.noAnswer', { stage: r.failure.stage, message: r.failure.message }));
  else if (r.status !== null)
    lines.push(t('probe.status', { status: r.status, schemes: r.schemes.join(', ') || '—' }));
  return lines;
}

export function formatProxyChecks(
  t: TFunction,
  checks: readonly ProxyCheck[],
  locale: CauseLocale = 'en',
): string[] {
  if (checks.length === 0) return [];
  const lines = ['', t('proxyChecksHeader')];
  for (const c of checks) {
    if (c.result) lines.push(...formatProbe(t, c.result).map((l) => `  ${l}`));
    else lines.push(`  ${c.proxyServer}`, `  ${t('probe.skipped', { reason: c.skipped })}`);
    // The MAPI over HTTP answer on the same name, beside the RPC proxy's.
    if (c.mapi) lines.push(mapiLine(t, locale, c.mapi));
  }
  return lines;
}

/** `exproxy probe --url https://HOST`: what one proxy offers, without a password. */
export async function probeCommand(c: CommandContext): Promise<number> {
  const url = parseProbeUrl(c.v.url);
  const result = await new HttpsProbe().probe(url, {
    ca: readCaFile(c.v.ca),
    connectTo: c.v['connect-to'],
    timeoutMs: timeoutOption(c.v.timeout),
  });
  const findings = proxyFindings(result, {
    profile: null,
    account: null,
    proxyServer: new URL(url).host,
    principalName: null,
    authScheme: null,
  });
  c.record.probe = { ...result, findings };
  if (c.v.json)
    c.json({
      url,
      status: result.status,
      schemes: result.schemes,
      findings,
      certificate: result.certificate,
      failure: result.failure,
    });
  else {
    c.io.out(formatProbe(c.t, result).join('\n'));
    for (const f of findings) c.io.out(`  ${f.id}: ${c.t(`findings.${f.id}`, { ...f.facts, profile: '' })}`);
  }
  return findings.some((f) => f.severity !== 'info') ? EXIT.findings : EXIT.ok;
}
