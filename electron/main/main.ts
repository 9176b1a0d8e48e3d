import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import log from 'electron-log/main';
import { extname, join, normalize, sep } from 'node:path';
import { runCommands } from '../services/commands/run-commands';
import { CHANNELS } from '../shared/channels';
import { failure } from '../shared/reply';
import { dispatch } from '../services/dispatch';
import { openMachine } from '../services/machine-context';
import { openChangeService } from '../services/open-change-service';
import { runningAs } from '../services/commands/unattended';
import { WizardService } from '../services/wizard-service';
import { APP_ORIGIN, CSP, isTrustedSender, lockDown } from './security';
import { unattendedArgs } from './unattended-entry';

const RESUME_FLAG = '--resume-verify';
const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const cliArgs = unattendedArgs(process.argv, app.isPackaged);
if (cliArgs) {
  void runUnattended(cliArgs);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

/** Fleet mode: the CLI's commands, flags and exit codes, no window; output also to the log file. */
async function runUnattended(args: string[]): Promise<void> {
  log.initialize();
  const code = await runCommands(args, {
    out: (s) => {
      process.stdout.write(s + '\n');
      log.info(s);
    },
    err: (s) => {
      process.stderr.write(s + '\n');
      log.warn(s);
    },
    ask: null,
    env: process.env,
  });
  app.exit(code);
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function start(): Promise<void> {
  log.initialize();
  log.transports.file.level = 'info';
  await app.whenReady();
  const userData = app.getPath('userData');
  const rendererRoot = join(__dirname, '..', 'renderer');

  protocol.handle('app', async (req) => {
    const url = new URL(req.url);
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = normalize(join(rendererRoot, rel));
    if (url.host !== 'wizard' || !file.startsWith(rendererRoot + sep))
      return new Response('not found', { status: 404 });
    try {
      // Read directly rather than net.fetch(file://): the locked-down session refuses file URLs.
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CSP,
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });

  // `--machine DIR` / `--hive FILE` open a simulated machine (training, tests); never a default.
  const machine = await openMachine({ machine: argValue('--machine'), hive: argValue('--hive') });
  if (machine.note) log.info(machine.note);
  log.info(`registry: ${machine.description}`);
  const changes = await openChangeService({
    machine,
    // The same state folder as the CLI's default, so History shows CLI changes too; the machine
    // lock (a machine-wide named pipe) is what keeps the app, the CLI and fleet runs apart.
    stateDir: userData,
    scope: 'user',
    actor: runningAs(process.env),
    log: (m) => log.warn(m),
  });
  const service = new WizardService({
    machine,
    changes,
    reportsDir: join(userData, 'reports'),
    resumeCommand: `"${process.execPath}" ${RESUME_FLAG}`,
    appInfo: () => ({
      mode: 'electron',
      version: app.getVersion(),
      scenario: null,
      scenarios: [],
      resumeAtVerify: process.argv.includes(RESUME_FLAG),
    }),
  });
  try {
    const r = await service.recover();
    for (const x of r.recovered) log.warn(`finished interrupted change ${x.id}: ${x.state} (${x.message})`);
    for (const x of r.setAside) log.warn(`set aside journal record ${x.file}: ${x.reason}`);
    for (const x of r.awaitingConsent) log.warn(`interrupted change ${x.id} waits for the person to agree`);
  } catch (e) {
    // Another run holds the machine lock (it will finish its own change): start anyway.
    log.warn(`recovery skipped: ${e instanceof Error ? e.message : String(e)}`);
  }

  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        log.warn(`refused ${channel} from ${event.senderFrame?.url ?? 'unknown'}`);
        return failure('invalid-request', 'untrusted sender');
      }
      const result = await dispatch(service, channel, args);
      if (!result.ok) log.warn(`${channel}: ${result.error.kind}: ${result.error.message}`);
      return result;
    });
  }

  const win = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 860,
    minHeight: 600,
    show: false,
    title: 'Exchange Proxy Wizard',
    backgroundColor: '#f3f3f3',
    webPreferences: {
      // Reviewed: sandboxed, it exposes only the typed channel facade (preload.ts) via contextBridge.
      preload: join(__dirname, '..', 'preload', 'preload.js'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // No middle-click "open in new window" (new windows are denied in lockDown anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockDown(win, session.defaultSession);
  win.once('ready-to-show', () => win.show());
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}
