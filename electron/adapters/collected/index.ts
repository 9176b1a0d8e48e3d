/** A PC the app cannot run on, as collect.cmd saw it: read-only ports, and the kit's writers. */
export { CollectedPc, isCollectedFolder, type CollectedFrom } from './collected-pc';
export { collectedContext } from './collected-context';
export { collectScriptOptions } from './collect-options';
export { writeKitFolder } from './kit-folder-writer';
