import { describe, expect, it } from 'vitest';
import { ExproxyError } from '../../core/errors';
import { WindowsCredentialStore, type KoffiLike } from './credential-store';

interface Entry {
  TargetName: string;
  Type: number;
  UserName: string | null;
}

/**
 * A stand-in for koffi over a fake credential set: functions are picked by the name in their
 * signature, pointers are strings, and every call is recorded.
 */
function fakeKoffi(entries: Entry[], opts: { enumerateError?: number; deleteError?: number } = {}) {
  const calls: string[] = [];
  let lastError = 0;
  const credentialType = { struct: 'EXPROXY_CREDENTIALW' };
  const koffi: KoffiLike = {
    load: (path) => ({
      func: (signature) => {
        const name = /\s(\w+)\(/.exec(signature)![1]!;
        calls.push(`bind ${path} ${name}`);
        return (...args: unknown[]) => {
          calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
          switch (name) {
            case 'CredEnumerateW': {
              if (opts.enumerateError) return ((lastError = opts.enumerateError), false);
              if (entries.length === 0) return ((lastError = 1168), false);
              (args[2] as number[])[0] = entries.length;
              (args[3] as unknown[])[0] = 'block';
              return true;
            }
            case 'CredDeleteW': {
              if (opts.deleteError) return ((lastError = opts.deleteError), false);
              const i = entries.findIndex(
                (e) => e.TargetName.toLowerCase() === String(args[0]).toLowerCase() && e.Type === args[1],
              );
              if (i < 0) return ((lastError = 1168), false);
              entries.splice(i, 1);
              return true;
            }
            case 'GetLastError':
              return lastError;
            default:
              return undefined;
          }
        };
      },
    }),
    struct: (name) => (name === 'EXPROXY_CREDENTIALW' ? credentialType : { struct: name }),
    decode: (ptr, type, length) => {
      calls.push(`decode ${String(ptr)}`);
      if (ptr === 'block' && type === 'void *') return entries.slice(0, length).map((_, i) => `cred${i}`);
      if (type === credentialType) {
        const e = entries[Number(String(ptr).slice(4))]!;
        // What koffi gives back includes the pointer-valued fields; the adapter must drop them.
        return { ...e, Flags: 0, CredentialBlobSize: 8, CredentialBlob: 0x1234n, Comment: null };
      }
      throw new Error(`unexpected decode of ${String(ptr)}`);
    },
  };
  return { koffi, calls };
}

describe('Windows credential store (credential API through koffi)', () => {
  it('lists target, type and user name only, and frees the block Windows returned', async () => {
    const { koffi, calls } = fakeKoffi([
      { TargetName: 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com', Type: 1, UserName: 'CONTOSO\\jsmith' },
      { TargetName: 'mail.contoso.com', Type: 2, UserName: null },
    ]);
    const store = new WindowsCredentialStore(koffi);
    const list = await store.list();
    expect(list).toEqual([
      { targetName: 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com', type: 1, userName: 'CONTOSO\\jsmith' },
      { targetName: 'mail.contoso.com', type: 2, userName: null },
    ]);
    for (const c of list) expect(Object.keys(c).sort()).toEqual(['targetName', 'type', 'userName']);
    expect(calls).toContain('CredEnumerateW(null, 0, [0], [null])');
    expect(calls.at(-1)).toBe('CredFree("block")');
  });

  it('reads "no credentials" (ERROR_NOT_FOUND) as an empty list and other failures as errors', async () => {
    expect(await new WindowsCredentialStore(fakeKoffi([]).koffi).list()).toEqual([]);
    const failing = new WindowsCredentialStore(fakeKoffi([], { enumerateError: 1312 }).koffi);
    await expect(failing.list()).rejects.toMatchObject({ kind: 'unexpected', details: { code: 1312 } });
  });

  it('deletes exactly the target and type asked, and says when it was already gone', async () => {
    const entries = [
      { TargetName: 'mail.contoso.com', Type: 2, UserName: 'u' },
      { TargetName: 'mail.contoso.com', Type: 1, UserName: 'u' },
    ];
    const { koffi, calls } = fakeKoffi(entries);
    const store = new WindowsCredentialStore(koffi);
    expect(await store.remove('mail.contoso.com', 2)).toBe('removed');
    expect(calls).toContain('CredDeleteW("mail.contoso.com", 2, 0)');
    expect(entries).toEqual([{ TargetName: 'mail.contoso.com', Type: 1, UserName: 'u' }]);
    expect(await store.remove('mail.contoso.com', 2)).toBe('not-found');
  });

  it('refuses unsafe targets before calling Windows, and reports a failed delete', async () => {
    const { koffi, calls } = fakeKoffi([{ TargetName: 'x', Type: 1, UserName: null }], { deleteError: 5 });
    const store = new WindowsCredentialStore(koffi);
    for (const bad of ['*', '/delete', 'a\u0000b', '']) {
      await expect(store.remove(bad, 2)).rejects.toBeInstanceOf(ExproxyError);
    }
    expect(calls.some((c) => c.startsWith('CredDeleteW'))).toBe(false);
    await expect(store.remove('x', 1)).rejects.toMatchObject({ kind: 'apply-failed', details: { code: 5 } });
  });

  it('binds the DLLs once per koffi, on first use, however many stores', async () => {
    const { koffi, calls } = fakeKoffi([]);
    const store = new WindowsCredentialStore(koffi);
    expect(calls).toEqual([]);
    await store.list();
    await store.list();
    await new WindowsCredentialStore(koffi).list();
    expect(calls.filter((c) => c.startsWith('bind'))).toEqual([
      'bind advapi32.dll CredEnumerateW',
      'bind advapi32.dll CredDeleteW',
      'bind advapi32.dll CredFree',
      'bind kernel32.dll GetLastError',
    ]);
  });

  it('with a loader, loads koffi only when the store is first used, and once', async () => {
    const { koffi } = fakeKoffi([{ TargetName: 'mail.contoso.com', Type: 2, UserName: 'CONTOSO\\a' }]);
    let loads = 0;
    const store = new WindowsCredentialStore(async () => {
      loads++;
      return koffi;
    });
    expect(loads).toBe(0);
    expect((await store.list()).map((c) => c.targetName)).toEqual(['mail.contoso.com']);
    expect(await store.remove('mail.contoso.com', 2)).toBe('removed');
    expect(loads).toBe(1);
    const failing = new WindowsCredentialStore(() => Promise.reject(new Error('koffi is missing')));
    await expect(failing.list()).rejects.toThrow(/koffi is missing/);
  });
});
