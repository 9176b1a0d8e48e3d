import type { Locale } from '../locale';
import { describeRegValue, deserializeRegValue, type SerializedRegValue } from '../registry/reg-value';

/** What reports and the wizard show where a value did not exist. */
export const ABSENT_TEXT: Record<Locale, string> = { en: '(absent)', 'zh-CN': '（不存在）' };

/** A planned or journaled value as reports and the wizard show it; `absent` when there was none. */
export function valueText(v: SerializedRegValue | null, absent: string): string {
  return v === null ? absent : describeRegValue(deserializeRegValue(v));
}
