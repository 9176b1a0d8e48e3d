/**
 * One setting for every property-based test: how many cases each property runs.
 * `EXPROXY_PROPERTY_RUNS` overrides it; otherwise 10,000 (the CI floor, and fast enough here).
 */
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { recordCount } from './test-counts';

const fromEnv = Number(process.env.EXPROXY_PROPERTY_RUNS);
export const PROPERTY_RUNS = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10_000;
const CI = process.env.CI === 'true' || process.env.CI === '1';
if (CI && PROPERTY_RUNS < 10_000)
  throw new Error(`EXPROXY_PROPERTY_RUNS=${PROPERTY_RUNS}: CI runs at least 10000`);
if (PROPERTY_RUNS < 10_000)
  console.log(`property tests: ${PROPERTY_RUNS} runs each (EXPROXY_PROPERTY_RUNS; CI runs 10000)`);

export function propertyParams(seed: number): { numRuns: number; seed: number } {
  return { numRuns: PROPERTY_RUNS, seed };
}

/**
 * `fc.assert` that counts the cases run; call `reportPropertyCases(name)` once per test file
 * to put the total into the `npm test` summary.
 */
export function createPropertyCounter() {
  let cases = 0;
  let properties = 0;
  return {
    assert<Ts>(property: fc.IRawProperty<Ts>, params: fc.Parameters<Ts>): void {
      fc.assert(property, params);
      cases += params.numRuns ?? 100;
      properties++;
    },
    report(name: string): void {
      afterAll(() => {
        recordCount(`property-cases-${name}`, `property cases run (${name})`, cases, {
          properties,
          runsEach: PROPERTY_RUNS,
        });
      });
    },
  };
}
