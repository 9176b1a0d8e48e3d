import { useTranslation } from 'react-i18next';
import { useWizard } from '../store/store-context';
import './ProxyCheckProgress.css';

/** "Asking the Exchange proxy…" while the proxy check runs, with a Cancel that goes on without it. */
export function ProxyCheckProgress() {
  const { t } = useTranslation();
  const running = useWizard((s) => s.busy === 'proxy');
  const cancel = useWizard((s) => s.cancelProxyCheck);
  if (!running) return null;
  return (
    <div className="proxy-progress" data-testid="proxy-check-progress">
      <div className="progress indeterminate" aria-hidden="true">
        <div className="progress-fill" />
      </div>
      <p>{t('proxyCheck.working')}</p>
      <p className="detail">{t('proxyCheck.cancelHint')}</p>
      <div className="actions">
        <button type="button" className="button" data-testid="proxy-check-cancel" onClick={cancel}>
          {t('proxyCheck.cancel')}
        </button>
      </div>
    </div>
  );
}
