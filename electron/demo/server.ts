import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { dispatch } from '../services/dispatch';
import { samplesDir, DEFAULT_SAMPLE } from '../services/machine-context';
import { isChannel } from '../shared/ipc-contract';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from '../shared/upload-limits';
import { DemoSession } from './demo-session';
import { apiTokenAllowed, hostAllowed, pageTokenAllowed } from './http-guard';
import { collectedSamplesDir, listCollectedScenarios, listScenarios } from './scenarios';

const BODY_LIMIT = 64 * 1024;
/** The files of a collected folder, base64 in JSON: the upload limit plus room for names. */
const UPLOAD_BODY_LIMIT = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + MAX_UPLOAD_FILES * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

/** The body as text, or null when it is over `limit` (the rest is read and dropped, so the reply arrives). */
async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

const replyJson = (kind: string, message: string) => JSON.stringify({ ok: false, error: { kind, message } });

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['explorer.exe', [url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    spawn(cmd, args, { detached: true, stdio: 'ignore' })
      .on('error', () => undefined)
      .unref();
  } catch {
    /* no browser launcher: the URL is printed anyway */
  }
}

export interface DemoServerOptions {
  readonly scenario: string;
  readonly port: number;
  readonly rendererDir: string;
  /** A folder collect.cmd wrote, opened at start (read where it is, never written). */
  readonly machine?: string;
}

export async function startDemoServer(opts: DemoServerOptions) {
  const samples = samplesDir();
  const scenarios = [
    ...listScenarios(samples).map((s) => ({ ...s, folder: join(samples, s.id) })),
    ...listCollectedScenarios(collectedSamplesDir(samples)),
  ];
  const session = new DemoSession(scenarios, process.env.npm_package_version ?? '0.1.0');
  await session.load(opts.scenario);
  if (opts.machine) {
    try {
      await session.sessions.open(resolve(opts.machine));
    } catch (e) {
      session.dispose();
      throw e;
    }
  }
  const token = randomBytes(24).toString('base64url');
  const root = resolve(opts.rendererDir);
  let port = opts.port;
  const demoHandlers = { 'demo:load-scenario': async (r: { scenario: string }) => session.load(r.scenario) };

  const server = createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req, port)) return send(res, 421, 'wrong host');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const api = url.pathname.startsWith('/api/');
      if (api ? !apiTokenAllowed(req, token) : !pageTokenAllowed(url, token))
        return send(res, 403, 'missing or wrong token: open the address the demo printed when it started');
      if (api) {
        if (req.method !== 'POST') return send(res, 405, 'POST only');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
          return send(res, 415, 'JSON only');
        const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
        const limit = channel === 'collected:upload' ? UPLOAD_BODY_LIMIT : BODY_LIMIT;
        const body = await readBody(req, limit);
        if (body === null)
          return send(
            res,
            413,
            replyJson(
              'usage',
              channel === 'collected:upload'
                ? `The files are larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB together; nothing was uploaded.`
                : 'request too large',
            ),
            TYPES['.json'],
          );
        let args: unknown;
        try {
          args = JSON.parse(body);
        } catch {
          return send(
            res,
            400,
            JSON.stringify({ ok: false, error: { kind: 'invalid-request', message: 'body is not JSON' } }),
            TYPES['.json'],
          );
        }
        const target =
          channel === 'demo:load-scenario'
            ? demoHandlers
            : isChannel(channel)
              ? session.sessions.route(channel)
              : session.service;
        const result = await dispatch(target, channel, args);
        return send(res, 200, JSON.stringify(result), TYPES['.json']);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only');
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = normalize(join(root, rel));
      if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile())
        return send(res, 404, 'not found');
      return send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
    })().catch(() => send(res, 500, 'internal error'));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  if (addr && typeof addr === 'object') port = addr.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
    session,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: DEFAULT_SAMPLE },
      machine: { type: 'string' },
      port: { type: 'string', default: '0' },
      'no-open': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const rendererDir = resolve(__dirname, '..', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('The renderer is not built: run `npm run demo` (it builds first).');
    process.exit(2);
  }
  const port = Number.parseInt(values.port!, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535 (got "${values.port}").`);
    process.exit(2);
  }
  let demo;
  try {
    demo = await startDemoServer({ scenario: values.scenario!, port, rendererDir, machine: values.machine });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  // First line: the URL with its token, so scripts and tests can drive the demo.
  console.log(demo.url);
  console.log(
    values.machine
      ? `Exchange Proxy Wizard demo — collected PC from ${resolve(values.machine)} (read-only). Press Ctrl+C to stop.`
      : `Exchange Proxy Wizard demo — scenario "${values.scenario}". Press Ctrl+C to stop.`,
  );
  if (!values['no-open']) openBrowser(demo.url);
  const stop = () => {
    demo.session.dispose();
    void demo.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) void main();
