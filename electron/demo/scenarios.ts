import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioInfo } from '../shared/ipc-contract';

/** The sample machines under assets/machines, each a scenario of the demo. */
export function listScenarios(samplesDir: string): ScenarioInfo[] {
  return readdirSync(samplesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(samplesDir, d.name, 'registry.reg')))
    .map((d) => {
      let title = d.name;
      try {
        const facts = JSON.parse(readFileSync(join(samplesDir, d.name, 'machine.json'), 'utf8')) as {
          description?: string;
        };
        title = facts.description ?? d.name;
      } catch {
        /* no facts file: the folder name is the title */
      }
      return { id: d.name, title };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
