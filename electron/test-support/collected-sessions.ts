import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Channel } from '../shared/ipc-contract';
import { dispatch } from '../services/dispatch';
import { downloadDelivery, type FileDelivery } from '../services/file-delivery';
import { openMachine } from '../services/machine-context';
import { buildWizard, type WizardEnvironment } from '../services/wizard-factory';
import { WizardSessions } from '../services/wizard-sessions';
import { copySample, tempDir } from './sample-machines';

export const COLLECTED_DIR = resolve(__dirname, '..', '..', 'assets', 'collected');
/** Windows XP + Outlook 2003 on Basic, level absent; and an Exchange 2003 front-end (/server). */
export const XP_SAMPLE = 'XP-ACCT-07-12012026-140509';
export const SERVER_SAMPLE = 'EXFE01-12012026-091500';

const dirs: string[] = [];

/** Removes every folder the helpers below made (call in afterEach). */
export function cleanCollected(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A throwaway copy of a collected sample folder. */
export function collectedCopy(name: string): string {
  const root = tempDir('exproxy-collected-');
  dirs.push(root);
  const dir = join(root, name);
  cpSync(join(COLLECTED_DIR, name), dir, { recursive: true });
  return dir;
}

/** The files of a folder as the page uploads them. */
export function asUpload(dir: string) {
  return readdirSync(dir).map((name) => ({ name, base64: readFileSync(join(dir, name)).toString('base64') }));
}

/**
 * The wizard's sessions as a host builds them, starting on a simulated XP PC, with a call()
 * that goes through the same dispatch and routing as IPC and HTTP (failures reject with `kind`).
 */
export async function collectedSessions(opts: { pick?: string | null; deliver?: FileDelivery } = {}) {
  const state = tempDir('exproxy-sessions-');
  dirs.push(state);
  const env: WizardEnvironment = {
    stateDir: join(state, 'state'),
    reportsDir: join(state, 'reports'),
    kitsDir: join(state, 'kits'),
    actor: 'TEST\\tech',
    resumeCommand: 'wizard.exe --resume-verify',
    appInfo: () => ({ mode: 'demo', version: 't', scenario: 'x', scenarios: [], resumeAtVerify: false }),
    deliver: opts.deliver ?? downloadDelivery,
    now: () => new Date('2026-12-02T10:00:00Z'),
  };
  const { dir } = copySample('xp-outlook2003-basic');
  dirs.push(resolve(dir, '..'));
  const home = await buildWizard(await openMachine({ machine: dir }), env);
  const uploads = join(state, 'uploads');
  const picker = 'pick' in opts;
  const sessions = new WizardSessions({
    home,
    env,
    uploadsDir: picker ? undefined : uploads,
    pickFolder: picker ? async () => opts.pick ?? null : undefined,
  });
  const send = (channel: Channel, args: unknown[]) => dispatch(sessions.route(channel), channel, args);
  // Results are whatever the channel answers; tests read them as plain data.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = async (channel: Channel, ...args: unknown[]): Promise<any> => {
    const r = await send(channel, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { kind: r.error.kind });
    return r.result;
  };
  return { sessions, home, env, uploads, call, send, homeRegistry: join(dir, 'registry.reg') };
}
