import { describe, expect, it } from 'vitest';
import { checkWriteAllowed, isRestorableInvalidLevel, LSA_KEY } from '../registry/allowlist';
import { serializeRegValue, type RegValue, type SerializedRegValue } from '../registry/reg-value';
import type { ChangeRecord, PlannedChange } from './change-plan';
import { checkRecord } from './record-check';

const ser = (v: RegValue | null): SerializedRegValue | null => (v ? serializeRegValue(v) : null);

function record(before: RegValue | null, after: RegValue | null): ChangeRecord {
  const change: PlannedChange = {
    fix: 'lmcompat-3',
    kind: 'lm-compatibility-level',
    profile: null,
    account: null,
    path: LSA_KEY,
    name: 'LmCompatibilityLevel',
    view: 'default',
    before: ser(before),
    after: ser(after),
    elevated: true,
  };
  return {
    id: '20260101-000000-abcdef',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    fixes: ['lmcompat-3'],
    changes: [change],
    written: 1,
    state: 'applied',
    restartOutlook: false,
    restartWindows: true,
  };
}

const THREE: RegValue = { type: 'REG_DWORD', data: 3 };
const sz = (data: string): RegValue => ({ type: 'REG_SZ', data });

describe('an invalid LmCompatibilityLevel in a journal record', () => {
  it('is accepted as the value an undo puts back, when the change wrote REG_DWORD 3', () => {
    for (const before of [
      sz('2'),
      sz(''),
      { type: 'REG_EXPAND_SZ', data: '3' } as RegValue,
      { type: 'REG_DWORD', data: 7 } as RegValue,
    ])
      expect(() => checkRecord(record(before, THREE))).not.toThrow();
  });

  it('a planted record still cannot lower the level or write anything else', () => {
    const planted: [RegValue | null, RegValue | null, RegExp][] = [
      // After an invalid value only 3 is ever written.
      [sz('2'), { type: 'REG_DWORD', data: 2 }, /only replaced by 3/],
      [{ type: 'REG_DWORD', data: 9 }, { type: 'REG_DWORD', data: 0 }, /only replaced by 3/],
      // The new value must be a level: never the invalid forms the undo may restore.
      [null, sz('0'), /not a REG_DWORD 0–5/],
      [THREE, { type: 'REG_DWORD', data: 7 }, /not a REG_DWORD 0–5/],
      // Lowering a real level stays refused.
      [{ type: 'REG_DWORD', data: 5 }, THREE, /does not raise/],
      // Shapes the undo would never need are not on the allowlist at all.
      [sz('a much longer text than any level'), THREE, /Refusing to write/],
      [sz('3\r\n'), THREE, /Refusing to write/],
      [{ type: 'REG_BINARY', data: Uint8Array.of(3, 0, 0, 0) }, THREE, /Refusing to write/],
      [{ type: 'REG_MULTI_SZ', data: ['3'] }, THREE, /Refusing to write/],
      [{ type: 'REG_QWORD', data: 3n }, THREE, /Refusing to write/],
    ];
    for (const [before, after, why] of planted) expect(() => checkRecord(record(before, after))).toThrow(why);
  });

  it('the allowlist takes the invalid forms only for LmCompatibilityLevel', () => {
    expect(isRestorableInvalidLevel(sz('7'))).toBe(true);
    expect(isRestorableInvalidLevel({ type: 'REG_DWORD', data: 5 })).toBe(false);
    expect(checkWriteAllowed(LSA_KEY, 'LmCompatibilityLevel', sz('2'))).toBe('lm-compatibility-level');
    expect(() => checkWriteAllowed(LSA_KEY, 'NoLmHash', sz('2'))).toThrow(/Refusing to write/);
    expect(() => checkWriteAllowed(`${LSA_KEY}\\MSV1_0`, 'LmCompatibilityLevel', sz('2'))).toThrow(
      /Refusing to write/,
    );
  });
});
