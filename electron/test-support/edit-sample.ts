import { readFileSync, writeFileSync } from 'node:fs';
import { applyRegFileToTree, parseRegFile, regFileFromTree, writeRegFile } from '../core/registry/reg-file';
import { RegTree } from '../core/registry/reg-tree';
import { copySample } from './sample-machines';

/** A throwaway copy of a sample machine whose registry is edited first (the shape a test needs). */
export function editedSample(id: string, edit: (tree: RegTree) => void): ReturnType<typeof copySample> {
  const copy = copySample(id);
  const file = parseRegFile(new Uint8Array(readFileSync(copy.registryFile)), copy.registryFile);
  const tree = new RegTree();
  applyRegFileToTree(file, tree);
  edit(tree);
  writeFileSync(copy.registryFile, writeRegFile(regFileFromTree(tree, file.format)));
  return { ...copy, originalBytes: readFileSync(copy.registryFile) };
}

/** A PT_LONG profile value as Outlook stores it: 4-byte little-endian REG_BINARY. */
export function mapiLong(n: number) {
  const data = new Uint8Array(4);
  new DataView(data.buffer).setUint32(0, n >>> 0, true);
  return { type: 'REG_BINARY' as const, data };
}
