import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WizardActions, WizardState, WizardStore } from './wizard-store';

const StoreContext = createContext<WizardStore | null>(null);

export function StoreProvider({ store, children }: { store: WizardStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

function useWizardStore(): WizardStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreProvider is missing');
  return store;
}

/** Selects from the wizard store; pass a selector returning a stable value. */
export function useWizard<T>(selector: (s: WizardState & WizardActions) => T): T {
  return useStore(useWizardStore(), selector);
}
