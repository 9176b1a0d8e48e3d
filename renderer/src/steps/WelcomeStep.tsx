import { useTranslation } from 'react-i18next';
import { StepFrame } from '../components/StepFrame';
import { ComputerIcon, ListIcon, MailIcon, WrenchIcon } from '../icons';
import { useWizard } from '../store/store-context';
import welcomeArt from '../../../assets/illustrations/welcome.svg';
import './WelcomeStep.css';

export function WelcomeStep() {
  const { t } = useTranslation();
  const audience = useWizard((s) => s.audience);
  const setAudience = useWizard((s) => s.setAudience);
  const start = useWizard((s) => s.start);
  const busy = useWizard((s) => s.busy);
  const proxyCheck = useWizard((s) => s.proxyCheckEnabled);
  const setProxyCheck = useWizard((s) => s.setProxyCheckEnabled);
  const openAnother = useWizard((s) => s.openAnother);
  const pc = useWizard((s) => s.appInfo?.collected ?? null);
  const collected = pc !== null;
  const computer = pc?.computer ?? t('collected.unknown');
  return (
    <StepFrame testId="step-welcome" title={t('welcome.title')} lead={t('welcome.lead')} icon={<MailIcon />}>
      <img className="welcome-art" src={welcomeArt} alt="" width={360} height={160} />
      <fieldset className="choice-group">
        <legend>{t('welcome.audience')}</legend>
        <label className={`choice-card${audience === 'endUser' ? ' selected' : ''}`}>
          <input
            type="radio"
            name="audience"
            value="endUser"
            data-testid="audience-enduser"
            checked={audience === 'endUser'}
            onChange={() => setAudience('endUser')}
          />
          <ListIcon />
          <span>
            <span className="choice-title">{t('welcome.endUser')}</span>
            <span className="choice-text">{t('welcome.endUserHint')}</span>
          </span>
        </label>
        <label className={`choice-card${audience === 'technician' ? ' selected' : ''}`}>
          <input
            type="radio"
            name="audience"
            value="technician"
            data-testid="audience-technician"
            checked={audience === 'technician'}
            onChange={() => setAudience('technician')}
          />
          <WrenchIcon />
          <span>
            <span className="choice-title">{t('welcome.technician')}</span>
            <span className="choice-text">{t('welcome.technicianHint')}</span>
          </span>
        </label>
      </fieldset>
      {audience === 'technician' ? (
        <label className="check">
          <input
            type="checkbox"
            data-testid="proxy-check-toggle"
            checked={proxyCheck}
            onChange={(e) => setProxyCheck(e.target.checked)}
          />
          <span>
            {t('welcome.proxyCheck')}
            <span className="choice-text">{t('welcome.proxyCheckHint')}</span>
          </span>
        </label>
      ) : null}
      {pc ? (
        <ul className="promises">
          <li>{t('welcome.collectedPromise1', { computer })}</li>
          <li>{t('welcome.collectedPromise2', { computer })}</li>
        </ul>
      ) : (
        <ul className="promises">
          <li>{t('welcome.promise1')}</li>
          <li>{t('welcome.promise2')}</li>
          <li>{t('welcome.promise3')}</li>
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          data-testid="start-scan"
          disabled={busy === 'init'}
          onClick={() => void start()}
        >
          {pc ? t('welcome.startCollected', { computer }) : t('welcome.start')}
        </button>
      </div>
      {collected ? null : (
        <div className="notice info older-windows" data-testid="older-windows">
          <ComputerIcon />
          <div>
            <p className="notice-title">{t('welcome.olderTitle')}</p>
            <p>{t('welcome.olderText')}</p>
            <button type="button" className="button" data-testid="welcome-another" onClick={openAnother}>
              {t('welcome.olderButton')}
            </button>
          </div>
        </div>
      )}
    </StepFrame>
  );
}
