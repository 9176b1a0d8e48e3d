import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether the openssl CLI is here; without it the HTTPS suites skip (and say so) outside CI. */
export const OPENSSL_MISSING: string | false = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return false;
  } catch {
    if (process.env.CI === 'true' || process.env.CI === '1') return false; // CI must have it: fail loudly
    return 'the openssl CLI is not installed (apt-get install openssl)';
  }
})();

export interface TestPki {
  readonly caCert: string;
  /** A server certificate signed by the CA for `names` (first name is the CN). */
  issue(names: readonly string[]): { key: string; cert: string };
  /** A self-signed certificate nobody trusts. */
  selfSigned(name: string): { key: string; cert: string };
}

/** A throwaway CA made with the openssl CLI (execFile, argument arrays), for HTTPS tests. */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'exproxy-pki-'));
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=Exproxy Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
  ]);
  let n = 0;
  const keyPair = (base: string) => ({
    key: readFileSync(join(dir, `${base}.key`), 'utf8'),
    cert: readFileSync(join(dir, `${base}.crt`), 'utf8'),
  });
  return {
    caCert: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    issue(names) {
      n += 1;
      const base = `server${n}`;
      writeFileSync(join(dir, `${base}.ext`), `subjectAltName=${names.map((x) => `DNS:${x}`).join(',')}\n`);
      openssl([
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${base}.key`,
        '-out',
        `${base}.csr`,
        '-subj',
        `/CN=${names[0]}`,
      ]);
      openssl([
        'x509',
        '-req',
        '-in',
        `${base}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${base}.crt`,
        '-days',
        '2',
        '-extfile',
        `${base}.ext`,
      ]);
      return keyPair(base);
    },
    selfSigned(name) {
      n += 1;
      const base = `self${n}`;
      openssl([
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${base}.key`,
        '-out',
        `${base}.crt`,
        '-days',
        '2',
        '-subj',
        `/CN=${name}`,
        '-addext',
        `subjectAltName=DNS:${name}`,
      ]);
      return keyPair(base);
    },
  };
}
