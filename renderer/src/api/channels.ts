import type { Channel } from '../contract';

/**
 * The channel names, kept here so the renderer does not bundle zod (the contract's runtime
 * schemas). The `Record<Channel, true>` makes the compiler reject a missing or unknown name.
 */
const PRESENT: Record<Channel, true> = {
  'app:info': true,
  'scan:run': true,
  'fix:plan': true,
  'fix:apply': true,
  'fix:rollback': true,
  'history:list': true,
  'outlook:status': true,
  'outlook:start': true,
  'windows:restart': true,
  'resume:register': true,
  'report:save': true,
  'demo:load-scenario': true,
  'demo:set-outlook': true,
  'proxy:check': true,
  'proxy:cancel': true,
  'prf:save': true,
  'server:guides': true,
  'server:events': true,
  'server:iis': true,
  'server:add-backconnection': true,
};

export const CHANNELS = Object.keys(PRESENT) as Channel[];
