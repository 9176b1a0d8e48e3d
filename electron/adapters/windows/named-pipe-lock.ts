import { createConnection, createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { ExproxyError } from '../../core/errors';
import type { LockHandle, MachineLock } from '../../core/fixes/machine-lock';

/**
 * One machine-wide name: named pipes live in one namespace for the whole PC, across users and
 * sessions, so the wizard (%APPDATA%), a fleet run as SYSTEM (%ProgramData%) and a CLI with its
 * own `--state` all meet here.
 */
export const MACHINE_LOCK_PIPE = '\\\\.\\pipe\\ExchangeProxyWizard-MachineLock';

interface HolderInfo {
  readonly pid: number;
  readonly purpose: string;
  readonly since: string;
}

/**
 * The machine lock on Windows as a named pipe server. libuv creates the first instance with
 * FILE_FLAG_FIRST_PIPE_INSTANCE, so a second listener gets EADDRINUSE: exactly one holder.
 * The pipe disappears with its process, so a crashed run never leaves a stale lock. A
 * connecting run is told who holds it (one JSON line), for the message.
 */
export class NamedPipeMachineLock implements MachineLock {
  constructor(private readonly pipe = MACHINE_LOCK_PIPE) {}

  async acquire(purpose: string): Promise<LockHandle> {
    const info: HolderInfo = { pid: process.pid, purpose, since: new Date().toISOString() };
    const server = createServer((socket) => socket.end(JSON.stringify(info) + '\n'));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.pipe, () => resolve());
      });
    } catch (e) {
      server.close();
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      throw locked(await this.ask());
    }
    // The lock must not keep a finished process alive.
    server.unref();
    return { note: null, release: () => close(server) };
  }

  private ask(): Promise<HolderInfo | null> {
    return new Promise((resolve) => {
      let text = '';
      const socket = createConnection(this.pipe);
      const done = (v: HolderInfo | null) => {
        socket.destroy();
        resolve(v);
      };
      socket.setTimeout(2000, () => done(null));
      socket.on('data', (d) => (text += d.toString('utf8')));
      socket.on('error', () => done(null));
      socket.on('end', () => {
        try {
          const j = JSON.parse(text) as HolderInfo;
          done(typeof j.pid === 'number' && typeof j.purpose === 'string' ? j : null);
        } catch {
          done(null);
        }
      });
    });
  }
}

function locked(holder: HolderInfo | null): ExproxyError {
  return new ExproxyError(
    'locked',
    `Another Exchange Proxy Wizard run is changing this machine (${
      holder
        ? `${holder.purpose}, process ${holder.pid} on ${hostname()} since ${holder.since}`
        : 'another user or session'
    }); nothing was changed. Wait for it to finish, then try again.`,
    { holder },
  );
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
