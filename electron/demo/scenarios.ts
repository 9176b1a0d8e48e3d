import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeFactsBytes, FACTS_FILE, parseFactsText } from '../core/legacy-kit/facts-file';
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
      return { id: d.name, title, kind: 'simulated' as const };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Beside assets/machines: the folders collect.cmd wrote on sample PCs (assets/collected). */
export function collectedSamplesDir(samplesDir: string): string {
  return join(dirname(samplesDir), 'collected');
}

/** `XP-ACCT-07-12012026-140509` → `collected-xp-acct-07-12012026-140509` (a scenario id). */
export function collectedScenarioId(folder: string): string {
  return `collected-${folder.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`.slice(0, 64);
}

/** The collected sample folders, each a read-only scenario named after its computer. */
export function listCollectedScenarios(dir: string): (ScenarioInfo & { folder: string })[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, FACTS_FILE)))
    .map((d) => {
      let title = d.name;
      try {
        const facts = parseFactsText(decodeFactsBytes(readFileSync(join(dir, d.name, FACTS_FILE))));
        title = facts.computer ?? d.name;
      } catch {
        /* unreadable facts: the folder name; opening it will say what is wrong */
      }
      return {
        id: collectedScenarioId(d.name),
        title,
        kind: 'collected' as const,
        folder: join(dir, d.name),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
