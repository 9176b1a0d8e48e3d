// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fakeApi, memoryStorage } from '../test/fixtures';
import { createWizardStore, LOCALE_KEY } from './wizard-store';

describe('demo controls', () => {
  it('loading a demo scenario starts the wizard over', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().init();
    await store.getState().scan();
    await store.getState().planSelected();
    await store.getState().demoLoadScenario('xp-outlook2003-fixed');
    const s = store.getState();
    expect(s.step).toBe('welcome');
    expect(s.report).toBeNull();
    expect(s.plan).toBeNull();
    expect(s.appInfo?.scenario).toBe('xp-outlook2003-fixed');
  });

  it('toggles the simulated Outlook and remembers the language choice', async () => {
    const fake = fakeApi();
    const storage = memoryStorage();
    const store = createWizardStore({ api: fake.api, storage });
    await store.getState().demoSetOutlook(true);
    expect(store.getState().outlookRunning).toBe(true);
    expect(fake.state.outlookRunning).toBe(true);
    store.getState().setLocale('zh-CN');
    expect(storage.getItem(LOCALE_KEY)).toBe('zh-CN');
  });
});
