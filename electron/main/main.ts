import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import log from 'electron-log/main';
import { release } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { runCommands } from '../services/commands/run-commands';
import { EXIT } from '../services/commands/exit-codes';
import { CHANNELS } from '../shared/channels';
import { failure } from '../shared/reply';
import { openStartMachine } from '../services/collected-folder';
import { dispatch } from '../services/dispatch';
import type { FileDelivery } from '../services/file-delivery';
import { runningAs } from '../services/commands/unattended';
import { buildWizard, type WizardEnvironment } from '../services/wizard-factory';
import { WizardSessions } from '../services/wizard-sessions';
import { fillText, MAIN_TEXT, systemLocale } from './main-text';
import { isOlderThanWindows10 } from './old-windows';
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
if (isOlderThanWindows10(process.platform, release())) {
  void refuseOldWindows(cliArgs !== null);
} else if (cliArgs) {
  void runUnattended(cliArgs);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

/**
 * Windows before 10, if Electron gets this far there: say where the kit is and quit. Nobody
 * watches an unattended run, so it gets the text on stderr and exit code 5 (blocked).
 */
async function refuseOldWindows(unattended: boolean): Promise<void> {
  await app.whenReady();
  const text = MAIN_TEXT[systemLocale(app.getLocale())];
  const message = fillText(text.oldWindows, { release: release() });
  if (unattended) {
    process.stderr.write(`${message}\n`);
    app.exit(EXIT.blocked);
    return;
  }
  dialog.showMessageBoxSync({
    type: 'info',
    title: text.oldWindowsTitle,
    message: text.oldWindowsTitle,
    detail: message,
    buttons: [text.close],
  });
  app.quit();
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

  // `--machine DIR` / `--hive FILE` open a simulated machine or a collected folder (training,
  // tests, a collected PC read where it is); never a default.
  const start = await openStartMachine({ machine: argValue('--machine'), hive: argValue('--hive') });
  const { machine } = start;
  if (machine.note) log.info(machine.note);
  log.info(`registry: ${machine.description}`);
  let win: BrowserWindow | null = null;
  const env: WizardEnvironment = {
    // The same state folder as the CLI's default, so History shows CLI changes too; the machine
    // lock (a machine-wide named pipe) is what keeps the app, the CLI and fleet runs apart.
    stateDir: userData,
    reportsDir: join(userData, 'reports'),
    kitsDir: join(userData, 'kits'),
    actor: runningAs(process.env),
    resumeCommand: `"${process.execPath}" ${RESUME_FLAG}`,
    appInfo: () => ({
      mode: 'electron',
      version: app.getVersion(),
      scenario: null,
      scenarios: [],
      resumeAtVerify: process.argv.includes(RESUME_FLAG),
    }),
    deliver: saveDelivery(() => win),
    log: (m: string) => log.warn(m),
  };
  const home = await buildWizard(machine, env, start.collected);
  const sessions = new WizardSessions({
    home,
    env,
    // The folder is chosen here, in the main process: a path never comes from the page.
    pickFolder: async (locale) => {
      const options = { title: MAIN_TEXT[locale].pickFolderTitle, properties: ['openDirectory' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  });
  // A collected PC is never changed from here: there is nothing of its to recover.
  if (!start.collected) await recoverAtStart(home);

  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        log.warn(`refused ${channel} from ${event.senderFrame?.url ?? 'unknown'}`);
        return failure('invalid-request', 'untrusted sender');
      }
      const result = await dispatch(sessions.route(channel), channel, args);
      if (!result.ok) log.warn(`${channel}: ${result.error.kind}: ${result.error.message}`);
      return result;
    });
  }

  win = new BrowserWindow({
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
  const shown = win;
  lockDown(shown, session.defaultSession);
  shown.once('ready-to-show', () => shown.show());
  app.on('second-instance', () => {
    if (shown.isMinimized()) shown.restore();
    shown.focus();
  });
  app.on('window-all-closed', () => app.quit());
  await shown.loadURL(`${APP_ORIGIN}/index.html`);
}

/** Finishes what a crash interrupted (only this user's values; the rest waits for consent). */
async function recoverAtStart(service: Awaited<ReturnType<typeof buildWizard>>): Promise<void> {
  try {
    const r = await service.recover();
    for (const x of r.recovered) log.warn(`finished interrupted change ${x.id}: ${x.state} (${x.message})`);
    for (const x of r.setAside) log.warn(`set aside journal record ${x.file}: ${x.reason}`);
    for (const x of r.awaitingConsent) log.warn(`interrupted change ${x.id} waits for the person to agree`);
  } catch (e) {
    // Another run holds the machine lock (it will finish its own change): start anyway.
    log.warn(`recovery skipped: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Electron hands a file over with its own save dialog, in the Downloads folder to start with. */
function saveDelivery(window: () => BrowserWindow | null): FileDelivery {
  return async (file) => {
    const text = MAIN_TEXT[file.locale];
    const ext = extname(file.name).slice(1);
    const options = {
      title: fillText(text.saveTitle, { name: file.name }),
      defaultPath: join(app.getPath('downloads'), file.name),
      filters: [{ name: ext === 'zip' ? text.filter.zip : text.filter.cmd, extensions: [ext] }],
    };
    const w = window();
    const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return { kind: 'cancelled' };
    await writeFile(r.filePath, file.bytes);
    log.info(`saved ${file.name} to ${r.filePath}`);
    return { kind: 'saved', path: r.filePath };
  };
}
