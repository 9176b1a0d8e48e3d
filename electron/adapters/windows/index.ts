/** The Windows adapters' public surface: the real PC as ports, and its state-folder guard. */
export { openWindowsMachine } from './windows-machine';
export { windowsStateFolder } from './windows-state-folder';
export { windowsRoot } from './system-root';
