import { RESUME_KEY } from './resume-snapshot';
import type { StoreKit } from './store-kit';

/** Browser demo only: another sample machine, or the simulated Outlook opened or closed. */
export interface DemoActions {
  demoLoadScenario(scenario: string): Promise<void>;
  demoSetOutlook(running: boolean): Promise<void>;
}

export function createDemoSlice(kit: StoreKit): DemoActions {
  const { api, set, get } = kit;
  return {
    async demoLoadScenario(scenario) {
      kit.stopPoll();
      const info = await kit.run('demo', () => api['demo:load-scenario']({ scenario }));
      if (!info) return;
      kit.storage?.removeItem(RESUME_KEY);
      // Another machine: nothing the wizard knew applies to it, history and events included.
      set({
        ...kit.fresh(),
        appInfo: info,
        history: [],
        historyLoaded: false,
        kitLog: [],
        serverEvents: null,
        iisReadings: null,
        guide: null,
      });
      // A collected PC has no Outlook to open or close; a collected server opens where it is read.
      if (info.collected?.server) await get().openServer();
      else if (!info.collected) await get().checkOutlook();
    },

    async demoSetOutlook(running) {
      // Optimistic, so the check box follows the click at once; put back if the host refuses.
      const previous = get().outlookRunning;
      set({ outlookRunning: running });
      const r = await kit.run('demo', () => api['demo:set-outlook']({ running }));
      set({ outlookRunning: r ? r.running : previous });
    },
  };
}
