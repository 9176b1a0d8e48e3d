// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { appInfo, COLLECTED_SERVER, COLLECTED_XP, fakeApi, PLAN_FINGERPRINT } from '../test/fixtures';
import type { DownloadFile } from './download';
import { createWizardStore } from './wizard-store';

/** A store on a collected XP PC, through Settings (the plan the person saw). */
async function onCollectedPc(opts: { electron?: boolean } = {}) {
  const fake = fakeApi({
    info: appInfo({ collected: COLLECTED_XP, mode: opts.electron ? 'electron' : 'demo' }),
  });
  const downloads: DownloadFile[] = [];
  const store = createWizardStore({ api: fake.api, download: (f) => downloads.push(f) });
  await store.getState().init();
  await store.getState().scan();
  await store.getState().planSelected();
  return { fake, store, downloads };
}

describe('the fix kit in the store', () => {
  it('makes the kit for exactly the plan shown, in the wizard’s language, and opens the Kit page', async () => {
    const { fake, store } = await onCollectedPc();
    store.getState().setLocale('zh-CN');
    await store.getState().makeKit();
    const make = fake.calls.find((c) => c.channel === 'kit:make')!;
    expect(make.args).toEqual([
      { fixes: ['proxy-auth-ntlm', 'lmcompat-3'], fingerprint: PLAN_FINGERPRINT, language: 'zh-CN' },
    ]);
    const s = store.getState();
    expect(s.step).toBe('kit');
    expect(s.kit).toMatchObject({ computer: 'XP-ACCT-07', parts: { user: true, machine: true } });
    // The kit log is fresh for History.
    expect(s.kitLog.map((e) => e.id)).toEqual([s.kit!.id]);
    // Nothing is applied on a collected PC.
    expect(fake.channels()).not.toContain('fix:apply');
  });

  it('without a plan it goes back to Settings rather than make a kit nobody saw', async () => {
    const fake = fakeApi({ info: appInfo({ collected: COLLECTED_XP }) });
    const store = createWizardStore({ api: fake.api });
    await store.getState().makeKit();
    expect(store.getState().step).toBe('settings');
    expect(fake.channels()).not.toContain('kit:make');
  });

  it('the browser host downloads the .zip; Electron says where it was saved, or that it was not', async () => {
    const { store, downloads, fake } = await onCollectedPc();
    await store.getState().makeKit();
    const id = store.getState().kit!.id;
    await store.getState().downloadKit();
    expect(downloads).toEqual([
      { kind: 'download', name: `fix-kit-${id}.zip`, mime: 'application/zip', base64: btoa('PK') },
    ]);
    expect(store.getState().kitHanded).toEqual({
      id,
      handed: { kind: 'downloaded', name: `fix-kit-${id}.zip` },
    });
    fake.state.save = { kind: 'saved', path: 'C:\\Users\\tech\\Downloads\\kit.zip' };
    await store.getState().downloadKit(id);
    expect(store.getState().kitHanded?.handed).toEqual({
      kind: 'saved',
      path: 'C:\\Users\\tech\\Downloads\\kit.zip',
    });
    fake.state.save = { kind: 'cancelled' };
    await store.getState().downloadKit(id);
    expect(store.getState().kitHanded?.handed).toEqual({ kind: 'cancelled' });
    expect(downloads).toHaveLength(1);
  });

  it('offers collect.cmd the same way', async () => {
    const fake = fakeApi();
    const download = vi.fn();
    const store = createWizardStore({ api: fake.api, download });
    await store.getState().saveCollectScript();
    expect(download).toHaveBeenCalledWith(expect.objectContaining({ name: 'collect.cmd' }));
    expect(store.getState().collectScript).toEqual({ kind: 'downloaded', name: 'collect.cmd' });
  });

  it('makes the BackConnectionHostNames kit for a collected server without leaving the guide', async () => {
    const fake = fakeApi({ info: appInfo({ collected: COLLECTED_SERVER }) });
    const store = createWizardStore({ api: fake.api });
    await store.getState().init();
    expect(store.getState().view).toBe('server');
    await store.getState().makeBackConnectionKit('smtp.contoso.com');
    expect(fake.calls.find((c) => c.channel === 'kit:make')!.args).toEqual([
      { host: 'smtp.contoso.com', language: 'en' },
    ]);
    expect(store.getState()).toMatchObject({ view: 'server', kit: { restartIis: true, computer: 'EXFE01' } });
  });

  it('a refused kit is an error of the kit action, and nothing is shown as made', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().scan();
    await store.getState().planSelected();
    await store.getState().makeKit();
    expect(store.getState().error).toMatchObject({ action: 'kit', kind: 'usage' });
    expect(store.getState().kit).toBeNull();
    expect(store.getState().step).toBe('settings');
  });

  it('History loads the kit log beside the journal', async () => {
    const { store } = await onCollectedPc();
    await store.getState().makeKit();
    store.setState({ kitLog: [] });
    await store.getState().openHistory();
    expect(store.getState().kitLog).toHaveLength(1);
  });
});
