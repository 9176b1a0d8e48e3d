/**
 * Writes the large `.reg` export for the parse benchmark.
 *
 *   node dist/bench/gen-reg.cjs --out <file> --mb 64
 *
 * Prints one BENCH_RESULT line: { bytes, keys, values, byType, ms }.
 */
import { writeFileSync } from 'node:fs';
import { writeRegFile } from '../electron/core/registry/reg-file';
import { BIG_REG_FORMAT, bigRegKeys } from './lib/big-reg';
import { MB, arg, emit, round } from './lib/util';

const out = arg('out', 'big.reg');
const mb = Number(arg('mb', '64'));
const started = performance.now();
const { keys, stats } = bigRegKeys(mb * MB);
const bytes = writeRegFile({ format: BIG_REG_FORMAT, keys });
writeFileSync(out, bytes);
emit({ bytes: bytes.length, ...stats, ms: round(performance.now() - started, 0) });
