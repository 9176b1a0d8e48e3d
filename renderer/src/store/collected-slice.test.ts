// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { UploadFile } from '../contract';
import { appInfo, COLLECTED_XP, fakeApi, memoryStorage } from '../test/fixtures';
import { RESUME_KEY } from './resume-snapshot';
import { createWizardStore } from './wizard-store';

/** A file as a folder picker gives it: `folder/name` in webkitRelativePath. */
export function pickedFile(path: string, text = 'x', size?: number): File {
  const f = new File([text], path.split('/').pop()!);
  Object.defineProperty(f, 'webkitRelativePath', { value: path });
  if (size !== undefined) Object.defineProperty(f, 'size', { value: size });
  return f;
}

const decoded = (f: UploadFile) => atob(f.base64);

describe('opening a collected PC', () => {
  it('Electron: the picker’s folder opens, the wizard starts over on it and checks it at once', async () => {
    const fake = fakeApi({ info: appInfo({ mode: 'electron' }) });
    const storage = memoryStorage();
    const store = createWizardStore({ api: fake.api, storage });
    await store.getState().init();
    await store.getState().scan();
    storage.setItem(RESUME_KEY, '{}');
    store.getState().openAnother();
    expect(store.getState().view).toBe('another');
    await store.getState().pickCollected();
    const s = store.getState();
    expect(fake.calls.find((c) => c.channel === 'collected:open')!.args).toEqual([{ locale: 'en' }]);
    expect(s.appInfo?.collected).toEqual(COLLECTED_XP);
    expect(s).toMatchObject({ view: 'wizard', step: 'findings', audience: 'technician', plan: null });
    // What the wizard knew about the other machine is gone, resume snapshot included.
    expect(storage.getItem(RESUME_KEY)).toBeNull();
    expect(fake.channels().filter((c) => c === 'scan:run')).toHaveLength(2);
  });

  it('a cancelled picker changes nothing', async () => {
    const fake = fakeApi({ info: appInfo({ mode: 'electron' }), pick: null });
    const store = createWizardStore({ api: fake.api });
    await store.getState().init();
    store.getState().openAnother();
    await store.getState().pickCollected();
    expect(store.getState()).toMatchObject({ view: 'another', appInfo: { collected: null } });
  });

  it('browser host: sends the folder’s own files (bytes intact), leaves out what collect.cmd does not write', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().init();
    const binary = String.fromCharCode(0xff, 0xfe, 0x57, 0x00);
    await store
      .getState()
      .uploadCollected([
        pickedFile('XP-ACCT-07/facts.txt', binary),
        pickedFile('XP-ACCT-07/hklm-currentcontrolset-control-lsa.reg', 'REGEDIT'),
        pickedFile('XP-ACCT-07/notes.docx'),
        pickedFile('XP-ACCT-07/old/facts.txt'),
      ]);
    expect(fake.state.uploads).toHaveLength(1);
    const sent = fake.state.uploads[0]!;
    expect(sent.map((f) => f.name)).toEqual(['facts.txt', 'hklm-currentcontrolset-control-lsa.reg']);
    expect(decoded(sent[1]!)).toBe('REGEDIT');
    // UTF-8 of the string the File was made from: the bytes as the browser read them.
    expect([...new TextEncoder().encode(binary)]).toEqual([...decoded(sent[0]!)].map((c) => c.charCodeAt(0)));
    expect(store.getState().uploadNote).toEqual({ problem: null, skipped: ['notes.docx', 'facts.txt'] });
    expect(store.getState().appInfo?.collected?.computer).toBe('XP-ACCT-07');
  });

  it('browser host: a collected server opens in the Server problems view', async () => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store
      .getState()
      .uploadCollected([
        pickedFile('EXFE01/facts.txt'),
        pickedFile('EXFE01/iis-adsutil-w3svc-1-root-exchange.txt'),
      ]);
    expect(store.getState()).toMatchObject({ view: 'server', appInfo: { collected: { server: true } } });
    expect(fake.channels()).toContain('server:events');
  });

  it.each([
    ['kit', [pickedFile('KIT/fix.cmd'), pickedFile('KIT/fix-user.reg'), pickedFile('KIT/kit.json')]],
    ['empty', [pickedFile('X/notes.docx'), pickedFile('X/sub/facts.txt')]],
    ['too-many', Array.from({ length: 65 }, (_, i) => pickedFile(`X/f${i}.reg`))],
    [
      'too-large',
      [pickedFile('X/a.reg', 'x', 40 * 1024 * 1024), pickedFile('X/b.reg', 'x', 30 * 1024 * 1024)],
    ],
  ])('browser host: says why it sends nothing (%s)', async (problem, files) => {
    const fake = fakeApi();
    const store = createWizardStore({ api: fake.api });
    await store.getState().uploadCollected(files);
    expect(store.getState().uploadNote?.problem).toBe(problem);
    expect(fake.channels()).not.toContain('collected:upload');
  });

  it('closing goes back to the PC the wizard started on, at the start', async () => {
    const fake = fakeApi({ info: appInfo({ mode: 'electron' }) });
    const store = createWizardStore({ api: fake.api });
    await store.getState().pickCollected();
    await store.getState().planSelected();
    await store.getState().makeKit();
    await store.getState().closeCollected();
    expect(store.getState()).toMatchObject({
      appInfo: { collected: null },
      step: 'welcome',
      view: 'wizard',
      kit: null,
      report: null,
    });
  });
});
