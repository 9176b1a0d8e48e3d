import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectScriptOptions, writeKitFolder } from '../adapters/collected';
import { writeFileAtomic } from '../adapters/node';
import { ExproxyError, UnreadableInputError } from '../core/errors';
import { makeCollectScript } from '../core/legacy-kit/collect-script';
import { KIT_NO_REMOVALS, makeFixKit } from '../core/legacy-kit/fix-kit';
import type { Locale } from '../core/locale';
import {
  KIT_ID,
  type CollectedPcInfo,
  type Delivery,
  type KitLogEntry,
  type MadeKit,
} from '../shared/ipc-contract';
import { proposeChange, type ChangeRequest } from './change-service';
import type { FileDelivery } from './file-delivery';
import { appendKitLog, readKitLog } from './kit-log';
import { zipKit } from './kit-zip';
import type { MachineContext } from './machine-context';

export interface KitServiceDeps {
  readonly machine: MachineContext;
  /** Set when the machine is a collected PC: only then is a kit made. */
  readonly collected: CollectedPcInfo | null;
  /** Under the app data folder: one folder and one .zip per kit. */
  readonly kitsDir: string;
  /** The state folder: the kit log sits beside the journal. */
  readonly stateDir: string;
  readonly deliver: FileDelivery;
  readonly now?: () => Date;
}

const ZIP_MIME = 'application/zip';
const SCRIPT_MIME = 'application/octet-stream';

/** `XP-ACCT-07-20261201-140509`: the computer (as far as it is a plain name) and when the kit was made. */
export function kitId(computer: string | null, at: Date): string {
  const name =
    (computer ?? '')
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24) || 'pc';
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${name}-${stamp}`;
}

const zipName = (id: string) => `fix-kit-${id}.zip`;

/**
 * The legacy-PC kit in the wizard: collect.cmd for the old PC, and a fix kit for the collected
 * PC that is open, planned through the one planner path with an in-app apply's refusals. A kit
 * is written under the app data folder (folder and .zip) and logged; this PC is not changed.
 */
export class KitService {
  private readonly now: () => Date;

  constructor(private readonly deps: KitServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The same bytes `exproxy kit collect` writes. */
  collectScript(locale: Locale): Promise<Delivery> {
    const text = makeCollectScript(collectScriptOptions());
    return this.deps.deliver({
      name: 'collect.cmd',
      bytes: new TextEncoder().encode(text),
      mime: SCRIPT_MIME,
      locale,
    });
  }

  /**
   * Plans `request` on the collected PC; `approved` is the fingerprint of the plan the person
   * saw (null where they approved the request itself: one named host).
   */
  async make(request: ChangeRequest, approved: string | null, language: Locale): Promise<MadeKit> {
    const { machine, collected } = this.deps;
    const origin = machine.collected;
    if (!origin || !collected)
      throw new ExproxyError(
        'usage',
        'A fix kit is made for a collected PC: open the folder collect.cmd wrote first (Another PC).',
      );
    if (request.kind === 'fixes' && request.fixes.includes('remove-saved-credentials'))
      throw new ExproxyError('usage', KIT_NO_REMOVALS);
    if (collected.missing.length > 0)
      throw new UnreadableInputError(
        `The collected folder lacks ${collected.missing.join(', ')}, so a kit could be wrong; nothing was made. Run the current collect.cmd on that PC again.`,
        collected.folder,
      );
    const now = this.now();
    const proposal = await proposeChange(machine, request, now);
    if (approved !== null && proposal.fingerprint !== approved)
      throw new ExproxyError(
        'blocked',
        'This is not the plan that was shown (another PC was opened since?); no kit was made. Review the plan again.',
      );
    const { plan } = proposal;
    if (plan.changes.length === 0)
      throw new ExproxyError(
        'usage',
        `Nothing needs changing on ${origin.computer ?? 'that PC'} (${plan.alreadyDone.join(', ') || 'already done'}); no kit was made.`,
      );
    const kit = await makeFixKit({
      plan,
      source: { ...origin },
      language,
      collect: collectScriptOptions(),
      // The scan read every key the plan writes into: a kit never creates one the PC lacks.
      keyExists: (path) => proposal.tree.hasKey(path),
      now,
    });
    const id = this.freeId(kitId(origin.computer, now));
    mkdirSync(this.deps.kitsDir, { recursive: true });
    const folder = writeKitFolder(join(this.deps.kitsDir, id), kit.files);
    writeFileAtomic(join(this.deps.kitsDir, zipName(id)), zipKit(`fix-kit-${id}`, kit.files, now));
    const account = [origin.domain, origin.account].filter(Boolean).join('\\') || null;
    appendKitLog(this.deps.stateDir, {
      id,
      createdAt: now.toISOString(),
      computer: origin.computer,
      account,
      collectedAt: origin.collectedAt ?? origin.collectedAtText,
      fixes: plan.fixes,
      changes: plan.changes.map((c) => ({ path: c.path, name: c.name })),
      folder,
    });
    return {
      id,
      computer: origin.computer,
      account,
      folder,
      zipName: zipName(id),
      plan,
      parts: kit.manifest.parts,
      restartIis: plan.changes.some((c) => c.kind === 'back-connection-host-names'),
      files: kit.files.map((f) => f.path),
    };
  }

  /** A kit made here earlier, by its id only: the page never names a path. */
  async download(id: string, locale: Locale): Promise<Delivery> {
    if (!KIT_ID.test(id)) throw new ExproxyError('usage', `"${id}" is not a kit name.`);
    const file = join(this.deps.kitsDir, zipName(id));
    if (!existsSync(file)) throw new ExproxyError('usage', `No kit ${id} in ${this.deps.kitsDir}.`);
    return this.deps.deliver({ name: zipName(id), bytes: readFileSync(file), mime: ZIP_MIME, locale });
  }

  log(): KitLogEntry[] {
    return readKitLog(this.deps.stateDir);
  }

  /** Two kits in the same second for the same PC get `-2`, `-3`…: a kit is never overwritten. */
  private freeId(base: string): string {
    let id = base;
    for (let n = 2; existsSync(join(this.deps.kitsDir, id)); n++) id = `${base}-${n}`;
    return id;
  }
}
