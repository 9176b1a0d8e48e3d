import { describe, expect, it } from 'vitest';
import { INTERRUPTED } from '../test/change-fixtures';
import { fakeApi } from '../test/fake-api';
import { createWizardStore } from './wizard-store';

describe('recovery slice: an interrupted change waits for the person', () => {
  it('loads at start, finishes only when asked, and says what happened', async () => {
    const fake = fakeApi({ interrupted: INTERRUPTED });
    const store = createWizardStore({ api: fake.api, minScanMs: 0 });
    await store.getState().init();
    expect(store.getState().recovery?.awaitingConsent).toEqual([INTERRUPTED]);
    // Loading the status never finishes anything by itself.
    expect(fake.channels()).not.toContain('recovery:finish');
    await store.getState().finishRecovery(INTERRUPTED.id);
    expect(fake.calls.find((c) => c.channel === 'recovery:finish')?.args).toEqual([{ id: INTERRUPTED.id }]);
    expect(store.getState().recovery).toMatchObject({
      awaitingConsent: [],
      recovered: [{ id: INTERRUPTED.id, state: 'rolled-back' }],
    });
  });

  it('a declined administrator prompt leaves it waiting, with the reason shown', async () => {
    const fake = fakeApi({ interrupted: INTERRUPTED, declined: true });
    const store = createWizardStore({ api: fake.api, minScanMs: 0 });
    await store.getState().init();
    await store.getState().finishRecovery(INTERRUPTED.id);
    expect(store.getState().recovery?.awaitingConsent).toEqual([INTERRUPTED]);
    expect(store.getState().error).toMatchObject({ action: 'recovery', kind: 'elevation-declined' });
  });
});
