import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli-runner';

/** Where tests leave the numbers `npm test` prints in its summary (scripts/test.mjs). */
export const COUNTS_DIR = join(ROOT, 'artifacts', 'test-counts');

/**
 * Records a count for the summary (fault points survived, property cases run, malformed
 * inputs tried, fuzz cases), and prints it in the test output too.
 */
export function recordCount(
  name: string,
  label: string,
  count: number,
  detail: Record<string, unknown> = {},
) {
  console.log(`${label}: ${count}`);
  mkdirSync(COUNTS_DIR, { recursive: true });
  writeFileSync(
    join(COUNTS_DIR, `${name}.json`),
    JSON.stringify({ label, count, ...detail }, null, 2) + '\n',
  );
}
