import { existsSync, readdirSync, statSync } from 'node:fs';
import { CollectedPc, collectedContext, isCollectedFolder } from '../adapters/collected';
import { UnreadableInputError } from '../core/errors';
import type { CollectedPcInfo } from '../shared/ipc-contract';
import { isKitFileName } from '../shared/upload-limits';
import { openMachine, type MachineContext, type OpenMachineOptions } from './machine-context';
import { stateFolderGuard } from './state-folders';

export interface OpenedCollectedPc {
  readonly machine: MachineContext;
  readonly info: CollectedPcInfo;
}

/**
 * A folder collect.cmd wrote, opened read-only as a machine, with what the banner and the
 * kit need to know about it. A fix kit's folder is refused by name: its .reg files hold the
 * planned values, not that PC's, and must never be read as a collection.
 */
export function openCollectedFolder(folder: string, opts: { canReturn: boolean }): OpenedCollectedPc {
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UnreadableInputError(`${folder}: no such folder`, folder);
  if (readdirSync(folder).some(isKitFileName))
    throw new UnreadableInputError(
      `${folder} is a fix kit, not a collected folder: open the "after" folder that fix.cmd wrote inside it.`,
      folder,
    );
  if (!isCollectedFolder(folder))
    throw new UnreadableInputError(
      `${folder} is not a folder collect.cmd wrote (no facts.txt and no registry exports).`,
      folder,
    );
  const pc = CollectedPc.load(folder);
  const from = pc.collectedFrom;
  return {
    machine: collectedContext(pc, stateFolderGuard()),
    info: {
      computer: from.computer,
      account: from.account,
      domain: from.domain,
      collectedAt: from.collectedAt,
      collectedAtText: from.collectedAtText,
      windowsVer: from.windowsVer,
      folder,
      server: pc.facts?.serverMode === true,
      missing: pc.missing.map((m) => m.path),
      canReturn: opts.canReturn,
    },
  };
}

/**
 * The machine a host starts on: `--machine DIR` may be a folder collect.cmd wrote (then there
 * is no other PC to go back to), a simulated machine, or nothing (this PC).
 */
export async function openStartMachine(
  opts: OpenMachineOptions,
): Promise<{ machine: MachineContext & { note?: string }; collected: CollectedPcInfo | null }> {
  if (opts.machine && !opts.hive && isCollectedFolder(opts.machine)) {
    const { machine, info } = openCollectedFolder(opts.machine, { canReturn: false });
    return { machine, collected: info };
  }
  return { machine: await openMachine(opts), collected: null };
}
