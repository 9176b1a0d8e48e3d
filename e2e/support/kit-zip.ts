import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { unzipSync } from 'fflate';
import type { KitManifest } from '../../electron/core/legacy-kit/fix-kit';

export interface KitZip {
  /** The folder every file sits in, `fix-kit-<id>`. */
  readonly folder: string;
  /** Paths under that folder, sorted. */
  readonly files: string[];
  readonly bytes: (path: string) => Buffer;
  readonly manifest: KitManifest;
}

/** A downloaded fix kit, unpacked in memory; every file's SHA-256 is checked against kit.json. */
export async function readKitZip(download: Download): Promise<KitZip> {
  const path = await download.path();
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  const names = Object.keys(entries);
  const folder = names[0]!.split('/')[0]!;
  if (names.some((n) => !n.startsWith(`${folder}/`))) throw new Error(`not one folder: ${names.join(', ')}`);
  const bytes = (p: string) => Buffer.from(entries[`${folder}/${p}`]!);
  const manifest = JSON.parse(bytes('kit.json').toString('utf8')) as KitManifest;
  for (const f of manifest.files) {
    const sha = createHash('sha256').update(bytes(f.path)).digest('hex');
    if (sha !== f.sha256) throw new Error(`${f.path}: hash differs from kit.json`);
  }
  return { folder, files: names.map((n) => n.slice(folder.length + 1)).sort(), bytes, manifest };
}
