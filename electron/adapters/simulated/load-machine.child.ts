/**
 * Child process for regular-file.integration.test.ts: loads a simulated machine and prints
 * the outcome as JSON. Run apart from the test so that a read that blocks (a FIFO) or never
 * ends (/dev/zero) would be killed by the test's timeout instead of hanging the test run.
 */
import { ExproxyError } from '../../core/errors';
import { SimulatedMachine } from './simulated-machine';

const [option, path] = process.argv.slice(2);
try {
  const m = SimulatedMachine.load(option === '--machine' ? { machine: path } : { hive: path });
  process.stdout.write(JSON.stringify({ loaded: true, keys: [...m.tree.walk()].length }));
} catch (e) {
  const kind = e instanceof ExproxyError ? e.kind : 'unexpected';
  process.stdout.write(JSON.stringify({ loaded: false, kind, message: (e as Error).message }));
}
