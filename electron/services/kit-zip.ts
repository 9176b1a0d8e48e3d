import { zipSync, type Zippable } from 'fflate';
import type { KitFile } from '../core/legacy-kit/fix-kit';

/**
 * A kit as one .zip with its files under `folder/`, so "Extract all" gives the kit folder.
 * Deflate only, no ZIP64, ASCII names: what Windows XP's compressed folders open.
 */
export function zipKit(folder: string, files: readonly KitFile[], mtime: Date): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) tree[`${folder}/${f.path}`] = [f.bytes, { level: 6, mtime }];
  return zipSync(tree);
}
