import { useTranslation } from 'react-i18next';
import { ErrorIcon } from '../icons';
import { useWizard } from '../store/store-context';

/** Errors of any step except Apply (which explains its own): what happened, in plain words, plus the detail. */
export function ErrorNotice() {
  const { t } = useTranslation();
  const error = useWizard((s) => s.error);
  const dismiss = useWizard((s) => s.dismissError);
  if (!error || error.action === 'apply') return null;
  return (
    <div className="notice error" role="alert" data-testid="error">
      <ErrorIcon />
      <div>
        <p className="notice-title">{t(`errors.action.${error.action}`)}</p>
        <p>{t(`errors.kind.${error.kind}`, { defaultValue: t('errors.kind.unexpected') })}</p>
        {error.message ? <p className="detail">{t('errors.details', { message: error.message })}</p> : null}
      </div>
      <button type="button" className="button subtle" onClick={dismiss}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
