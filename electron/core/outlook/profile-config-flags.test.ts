import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RegValue } from '../registry/reg-value';
import { CONFIG_FLAG, readConfigFlags, withPromptForCredentialsCleared } from './profile-config-flags';

const bin = (...bytes: number[]): RegValue => ({ type: 'REG_BINARY', data: Uint8Array.from(bytes) });

describe('PR_PROFILE_CONFIG_FLAGS (00036601)', () => {
  it('reads the observed values: 4 and 0x1184 (RegRipper), 0x1984 / 0x1004 (Office 16) without the prompt bit', () => {
    for (const [bytes, flags] of [
      [[0x04, 0, 0, 0], 0x4],
      [[0x84, 0x11, 0, 0], 0x1184],
      [[0x84, 0x19, 0, 0], 0x1984],
      [[0x04, 0x10, 0, 0], 0x1004],
    ] as const) {
      expect(readConfigFlags(bin(...bytes))).toEqual({ state: 'set', flags, promptForCredentials: false });
    }
  });

  it('sees the prompt bit 0x8 (CONFIG_PROMPT_FOR_CREDENTIALS | CONFIG_SHOW_CONNECT_UI = 0x0c)', () => {
    expect(readConfigFlags(bin(0x0c, 0, 0, 0))).toEqual({
      state: 'set',
      flags: 0x0c,
      promptForCredentials: true,
    });
    expect(CONFIG_FLAG.PROMPT_FOR_CREDENTIALS).toBe(0x8);
  });

  it('accepts REG_DWORD and reports absent or damaged values instead of guessing', () => {
    expect(readConfigFlags({ type: 'REG_DWORD', data: 0x198c })).toMatchObject({ flags: 0x198c });
    expect(readConfigFlags(undefined)).toEqual({ state: 'absent' });
    expect(readConfigFlags(bin(0x0c, 0, 0))).toMatchObject({ state: 'unreadable' });
    expect(readConfigFlags({ type: 'REG_SZ', data: '12' })).toMatchObject({ state: 'unreadable' });
  });

  it('clears only the prompt bit and keeps the registry type', () => {
    expect(withPromptForCredentialsCleared(bin(0x8c, 0x19, 0, 0))).toEqual(bin(0x84, 0x19, 0, 0));
    expect(withPromptForCredentialsCleared({ type: 'REG_DWORD', data: 0x0c })).toEqual({
      type: 'REG_DWORD',
      data: 0x04,
    });
    // Already clear: the same bytes come back.
    expect(withPromptForCredentialsCleared(bin(0x04, 0x10, 0, 0))).toEqual(bin(0x04, 0x10, 0, 0));
  });

  it('refuses to rewrite a value it cannot read', () => {
    expect(() => withPromptForCredentialsCleared(bin(1, 2, 3, 4, 5))).toThrow(RangeError);
  });

  it('keeps every other bit, for any 32-bit value (unknown high bits included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (flags) => {
        const data = new Uint8Array(4);
        new DataView(data.buffer).setUint32(0, flags, true);
        const out = withPromptForCredentialsCleared({ type: 'REG_BINARY', data });
        const after = readConfigFlags(out);
        expect(after).toMatchObject({ state: 'set', promptForCredentials: false });
        if (after.state === 'set') expect(after.flags).toBe((flags & ~0x8) >>> 0);
      }),
    );
  });
});
