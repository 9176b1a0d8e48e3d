import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGEDIT5_FORMAT, regFileFromTree, writeRegFile } from '../../electron/core/registry/reg-file';
import { RegTree } from '../../electron/core/registry/reg-tree';

/** A sample machine as the fidelity and cause sample lists describe it. */
export interface SampleMachine {
  readonly id: string;
  /** What it is and where its shape comes from (machine.json `description`). */
  readonly description: string;
  readonly facts?: Record<string, unknown>;
  /** Keys written to registry.reg, each as `reg export` writes it (no ancestor lines); all if absent. */
  readonly exports?: readonly string[];
  readonly build: (t: RegTree) => void;
}

/** Writes each sample as registry.reg (UTF-16LE, like reg export) and machine.json. */
export function writeSampleMachines(outDir: string, samples: readonly SampleMachine[]): void {
  for (const s of samples) {
    const tree = new RegTree();
    s.build(tree);
    const dir = join(outDir, s.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'registry.reg'), writeRegFile(regFileFromTree(tree, REGEDIT5_FORMAT, s.exports)));
    writeFileSync(
      join(dir, 'machine.json'),
      JSON.stringify({ description: s.description, ...s.facts }, null, 2) + '\n',
    );
    console.log(`wrote ${dir}`);
  }
}
