import { useTranslation } from 'react-i18next';
import { ProxyCheckProgress } from '../components/ProxyCheckProgress';
import { StepFrame } from '../components/StepFrame';
import { useWizard } from '../store/store-context';
import './ScanStep.css';

export function ScanStep() {
  const { t } = useTranslation();
  const busy = useWizard((s) => s.busy);
  const error = useWizard((s) => s.error);
  const scan = useWizard((s) => s.scan);
  const proxyEnabled = useWizard((s) => s.proxyCheckEnabled);
  const running = busy === 'scan';
  return (
    <StepFrame testId="step-scan" title={t('scan.title')} lead={t('scan.lead')}>
      <div className="scan-progress" role="status" aria-live="polite">
        {running ? (
          <>
            <div className="progress indeterminate" aria-hidden="true">
              <div className="progress-fill" />
            </div>
            <p>{t('scan.working')}</p>
          </>
        ) : null}
        <ul className="scan-items">
          <li>{t('scan.items.os')}</li>
          <li>{t('scan.items.outlook')}</li>
          <li>{t('scan.items.profiles')}</li>
          <li>{t('scan.items.lsa')}</li>
          {proxyEnabled ? <li>{t('scan.items.proxy')}</li> : null}
        </ul>
        <ProxyCheckProgress />
      </div>
      {error && !running && busy !== 'proxy' ? (
        <div className="actions">
          <button type="button" className="button primary" onClick={() => void scan()}>
            {t('scan.retry')}
          </button>
        </div>
      ) : null}
    </StepFrame>
  );
}
