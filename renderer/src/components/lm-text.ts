import type { TFunction } from 'i18next';
import type { LmView } from '../store/lm-state';

/** How a stored LmCompatibilityLevel that is not a level was stored, in words ("text"). */
export function lmTypeText(t: TFunction, type: string): string {
  if (type === 'REG_SZ' || type === 'REG_EXPAND_SZ') return t('findings.lmType.text');
  if (type === 'REG_DWORD') return t('findings.lmType.number');
  return t('findings.lmType.other', { type });
}

/** The level in effect as a short cell ("3", "unknown", "“2” (not a level)"). */
export function lmCellText(t: TFunction, view: LmView): string {
  switch (view.kind) {
    case 'level':
      return String(view.level);
    case 'invalid':
      return t('verify.lmInvalid', { data: view.data });
    case 'not-in-export':
      return t('verify.lmNotInExport');
    default:
      return t('verify.lmUnknown');
  }
}
