import { describe, expect, it } from 'vitest';
import type { KoffiLike } from './credential-store';
import { isDomainJoined } from './domain-join';
import { loadKoffi } from './koffi-loader';

/** A stand-in for koffi whose NetGetJoinInformation answers `code` and `status`; records frees. */
function fake(code: number, status: number, calls: string[] = []): () => Promise<KoffiLike> {
  const koffi: KoffiLike = {
    load: (path) => ({
      func: (signature) => {
        const name = /\s(\w+)\(/.exec(signature)![1]!;
        calls.push(`bind ${path} ${name}`);
        return (...args: unknown[]) => {
          if (name === 'NetGetJoinInformation') {
            (args[1] as unknown[])[0] = 'name-buffer';
            (args[2] as number[])[0] = status;
            return code;
          }
          calls.push(`${name}(${String(args[0])})`);
          return 0;
        };
      },
    }),
    struct: () => ({}),
    decode: () => null,
  };
  return async () => koffi;
}

describe('whether this PC is on a domain (NetGetJoinInformation)', () => {
  it('reads NETSETUP_JOIN_STATUS and frees the name buffer', async () => {
    const calls: string[] = [];
    expect(await isDomainJoined(fake(0, 3, calls))).toBe(true);
    expect(calls).toEqual([
      'bind netapi32.dll NetGetJoinInformation',
      'bind netapi32.dll NetApiBufferFree',
      'NetApiBufferFree(name-buffer)',
    ]);
    expect(await isDomainJoined(fake(0, 2))).toBe(false);
    expect(await isDomainJoined(fake(0, 1))).toBe(false);
  });

  it('says "not known" rather than guessing: unknown status, an error, no koffi', async () => {
    expect(await isDomainJoined(fake(0, 0))).toBeNull();
    expect(await isDomainJoined(fake(2114, 3))).toBeNull();
    expect(await isDomainJoined(() => Promise.reject(new Error('no koffi')))).toBeNull();
  });

  it('koffi is never loaded off Windows', async () => {
    if (process.platform === 'win32') return;
    await expect(loadKoffi()).rejects.toThrow(/only on Windows/);
  });
});
