// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { fakeApi } from '../test/fixtures';
import { createWizardStore } from './wizard-store';

describe('history', () => {
  it('lists history and undoes a change, reloading the list', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().scan();
    await store.getState().planSelected();
    await store.getState().apply();
    await store.getState().openHistory();
    expect(store.getState().view).toBe('history');
    expect(store.getState().history.map((r) => r.state)).toEqual(['applied']);
    await store.getState().undo('20260101-000000-abcdef');
    const s = store.getState();
    expect(s.historyResult).toMatchObject({ ok: true, outcome: { status: 'rolled-back' } });
    expect(s.history.map((r) => r.state)).toEqual(['rolled-back']);
    // What the wizard showed before the undo is stale: it starts over at Welcome.
    expect(s.view).toBe('history');
    expect(s.step).toBe('welcome');
    expect(s.outcome).toBeNull();
    expect(s.report).toBeNull();
  });

  it('keeps an undo failure as a result, not a crash', async () => {
    const fake = fakeApi();
    fake.api['fix:rollback'] = async () => {
      throw new ApiError('usage', 'only an applied change can be undone');
    };
    const store = createWizardStore({ api: fake.api });
    await store.getState().undo('20260101-000000-abcdef');
    expect(store.getState().historyResult).toEqual({
      changeId: '20260101-000000-abcdef',
      ok: false,
      kind: 'usage',
      message: 'only an applied change can be undone',
    });
  });

  it('an undo stopped before any write (Outlook open) keeps the wizard as it was', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().scan();
    await store.getState().planSelected();
    await store.getState().apply();
    await store.getState().restartOutlook();
    fake.api['fix:rollback'] = async (req) => ({
      status: 'blocked',
      changeId: req.changeId,
      reason: 'Outlook is running. Close Outlook, then try again.',
      restartOutlook: false,
      restartWindows: false,
    });
    await store.getState().openHistory();
    await store.getState().undo('20260101-000000-abcdef');
    const s = store.getState();
    expect(s.historyResult).toMatchObject({ ok: true, outcome: { status: 'blocked' } });
    expect(s.busy).toBeNull();
    // Nothing changed: the wizard still knows Outlook is open and what it applied.
    expect(s.outlookRunning).toBe(true);
    expect(s.outcome?.status).toBe('applied');
    expect(s.step).not.toBe('welcome');
  });
});
