/** The simulated PC's public surface: a machine from a `.reg` file (+ machine.json), as ports. */
export { SimulatedMachine } from './simulated-machine';
export { simulatedContext } from './simulated-context';
