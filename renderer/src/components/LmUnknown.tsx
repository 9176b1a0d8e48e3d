import { useTranslation } from 'react-i18next';
import type { LmView } from '../store/lm-state';
import { WarningIcon } from '../icons';
import { lmTypeText } from './lm-text';

/**
 * Why no level is marked "now": the stored value is not a level (shown as stored), or the export
 * does not show the value or the Windows version that sets the default.
 */
export function LmUnknown({ view, technician }: { view: LmView; technician: boolean }) {
  const { t } = useTranslation();
  if (view.kind === 'level') return null;
  return (
    <div className="notice warn" data-testid="lm-current-unknown" data-kind={view.kind} role="note">
      <WarningIcon />
      <div>
        {view.kind === 'invalid' ? (
          <>
            <p>{t('lm.invalid', { data: view.data, typeText: lmTypeText(t, view.type) })}</p>
            {technician ? (
              <p className="detail">{t('lm.invalidTech', { type: view.type, data: view.data })}</p>
            ) : null}
          </>
        ) : (
          <p>{t(view.kind === 'not-in-export' ? 'lm.notInExport' : 'lm.unknownDefault')}</p>
        )}
      </div>
    </div>
  );
}
