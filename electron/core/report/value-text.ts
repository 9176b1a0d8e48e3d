import { describeRegValue, deserializeRegValue, type SerializedRegValue } from '../registry/reg-value';

/** A planned or journaled value as reports and the wizard show it; `absent` when there was none. */
export function valueText(v: SerializedRegValue | null, absent: string): string {
  return v === null ? absent : describeRegValue(deserializeRegValue(v));
}
