import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SAMPLES_DIR = resolve(__dirname, '..', '..', 'assets', 'machines');

/** A throwaway copy of a sample machine, so tests can write to it. */
export function copySample(id: string): { dir: string; registryFile: string; originalBytes: Buffer } {
  const dir = join(mkdtempSync(join(tmpdir(), `exproxy-${id}-`)), 'machine');
  cpSync(join(SAMPLES_DIR, id), dir, { recursive: true });
  const registryFile = join(dir, 'registry.reg');
  return { dir, registryFile, originalBytes: readFileSync(registryFile) };
}

export function tempDir(prefix = 'exproxy-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
