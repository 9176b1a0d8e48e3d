import { createStore, type StoreApi } from 'zustand/vanilla';
import { appFresh, createAppSlice, type AppActions, type AppState } from './app-slice';
import {
  collectedFresh,
  createCollectedSlice,
  type CollectedActions,
  type CollectedState,
} from './collected-slice';
import { createDemoSlice, type DemoActions } from './demo-slice';
import { createFlowSlice, flowFresh, type FlowActions, type FlowState } from './flow-slice';
import { createHistorySlice, historyFresh, type HistoryActions, type HistoryState } from './history-slice';
import { createKitSlice, kitFresh, type KitActions, type KitState } from './kit-slice';
import { createRecoverySlice, type RecoveryActions, type RecoveryState } from './recovery-slice';
import { createProxySlice, proxyFresh, type ProxyActions, type ProxyState } from './proxy-slice';
import { createServerSlice, serverFresh, type ServerActions, type ServerState } from './server-slice';
import { createStoreKit, type WizardDeps } from './store-kit';

export type { Busy } from './app-slice';
export { LOCALE_KEY } from './app-slice';
export { RESUME_KEY } from './resume-snapshot';
export type { WizardDeps } from './store-kit';

/**
 * The wizard's state, one vanilla zustand store made of slices: the shell (app), the wizard's
 * steps (flow), the proxy check, history, the server troubleshooter, the demo controls, and
 * for PCs the app cannot run on: the collected PC on screen and its fix kit.
 * Tests drive it without React; components bind it with `useWizard`.
 */
export type WizardState = AppState &
  FlowState &
  ProxyState &
  HistoryState &
  ServerState &
  RecoveryState &
  KitState &
  CollectedState;
export type WizardActions = AppActions &
  FlowActions &
  ProxyActions &
  HistoryActions &
  ServerActions &
  DemoActions &
  RecoveryActions &
  KitActions &
  CollectedActions;
export type WizardStore = StoreApi<WizardState & WizardActions>;

const FRESH: Partial<WizardState> = {
  ...appFresh,
  ...flowFresh,
  ...proxyFresh,
  ...historyFresh,
  ...serverFresh,
  ...kitFresh,
  ...collectedFresh,
};

export function createWizardStore(deps: WizardDeps): WizardStore {
  return createStore<WizardState & WizardActions>()((set, get) => {
    const kit = createStoreKit(deps, set, get, FRESH);
    return {
      ...createAppSlice(kit),
      ...createFlowSlice(kit),
      ...createProxySlice(kit),
      ...createHistorySlice(kit),
      ...createServerSlice(kit),
      ...createDemoSlice(kit),
      ...createRecoverySlice(kit),
      ...createKitSlice(kit),
      ...createCollectedSlice(kit),
    };
  });
}
