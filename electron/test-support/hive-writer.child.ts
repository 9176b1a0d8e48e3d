/**
 * Child process for the hive-kill test: rewrites a simulated machine's hive in a loop (each
 * write is a whole-file rewrite through the simulated adapter) until it is killed.
 */
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import { RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../core/registry/allowlist';

const hive = process.argv[2]!;
const machine = SimulatedMachine.load({ hive });
let n = 0;
process.stdout.write('ready\n');
async function loop(): Promise<void> {
  for (;;) {
    if (n % 2 === 0)
      await machine.registry.setValue(RUN_ONCE_KEY, RESUME_VALUE_NAME, { type: 'REG_SZ', data: 'resume' });
    else await machine.registry.deleteValue(RUN_ONCE_KEY, RESUME_VALUE_NAME);
    n++;
  }
}
void loop();
