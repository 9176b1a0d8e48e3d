import { rmSync } from 'node:fs';
import { ExproxyError } from '../core/errors';
import type { Locale } from '../core/locale';
import type { AppInfo, Channel, ChannelArgs } from '../shared/ipc-contract';
import { openCollectedFolder } from './collected-folder';
import { writeUploadedFolder } from './collected-upload';
import { buildWizard, type WizardEnvironment } from './wizard-factory';
import type { WizardService } from './wizard-service';

/** The channels that change which machine the wizard looks at; every other one goes to its service. */
export const SESSION_CHANNELS = ['collected:open', 'collected:upload', 'collected:close'] as const;
export type SessionChannel = (typeof SESSION_CHANNELS)[number];

function isSessionChannel(channel: Channel): channel is SessionChannel {
  return (SESSION_CHANNELS as readonly string[]).includes(channel);
}

export interface WizardSessionsOptions {
  /** The services of the machine the host started on. */
  readonly home: WizardService;
  readonly env: WizardEnvironment;
  /** Electron: the main process's own folder picker; null when the person cancelled. */
  readonly pickFolder?: (locale: Locale) => Promise<string | null>;
  /** Browser host: where uploaded folders are written (the session's own temporary folder). */
  readonly uploadsDir?: string;
}

/**
 * Which machine the wizard is looking at: the one the host started on, or a collected PC
 * opened from its folder, with services of its own built for it. Hosts send a request to
 * `route(channel)`.
 */
export class WizardSessions {
  private current: WizardService;
  /** An uploaded folder in use, removed when another machine takes its place. */
  private uploaded: string | null = null;

  constructor(private readonly opts: WizardSessionsOptions) {
    this.current = opts.home;
  }

  get service(): WizardService {
    return this.current;
  }

  /** Where a request on `channel` is handled. */
  route(channel: Channel): object {
    return isSessionChannel(channel) ? this : this.current;
  }

  /** Opens a collected folder (a host's `--machine DIR`, the picker's choice, an upload). */
  async open(folder: string): Promise<AppInfo> {
    const { machine, info } = openCollectedFolder(folder, { canReturn: true });
    const service = await buildWizard(machine, this.opts.env, info);
    this.opts.env.log?.(`opened ${machine.description}`);
    this.switchTo(service);
    return service['app:info']();
  }

  async 'collected:open'(req: ChannelArgs<'collected:open'>[0]): Promise<AppInfo | null> {
    if (!this.opts.pickFolder)
      throw new ExproxyError('usage', 'Here a collected folder is uploaded: choose its files instead.');
    const folder = await this.opts.pickFolder(req.locale);
    return folder === null ? null : this.open(folder);
  }

  async 'collected:upload'(req: ChannelArgs<'collected:upload'>[0]): Promise<AppInfo> {
    if (!this.opts.uploadsDir)
      throw new ExproxyError('usage', 'Here a collected folder is opened with the folder picker.');
    const dir = writeUploadedFolder(this.opts.uploadsDir, req.files);
    try {
      const info = await this.open(dir);
      this.uploaded = dir;
      return info;
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }

  async 'collected:close'(): Promise<AppInfo> {
    this.switchTo(this.opts.home);
    return this.current['app:info']();
  }

  private switchTo(service: WizardService): void {
    if (this.uploaded) rmSync(this.uploaded, { recursive: true, force: true });
    this.uploaded = null;
    this.current = service;
  }
}
