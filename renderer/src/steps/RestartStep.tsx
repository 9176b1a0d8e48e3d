import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { StepFrame } from '../components/StepFrame';
import { MailIcon, RestartIcon } from '../icons';
import { useWizard } from '../store/store-context';

export function RestartStep() {
  const { t } = useTranslation();
  const outcome = useWizard((s) => s.outcome);
  const busy = useWizard((s) => s.busy);
  const started = useWizard((s) => s.outlookRestarted);
  const windows = useWizard((s) => s.windowsRestart);
  const confirm = useWizard((s) => s.confirmRestart);
  const restartOutlook = useWizard((s) => s.restartOutlook);
  const ask = useWizard((s) => s.askRestartWindows);
  const cancel = useWizard((s) => s.cancelRestartWindows);
  const now = useWizard((s) => s.restartWindowsNow);
  const later = useWizard((s) => s.restartWindowsLater);
  const verify = useWizard((s) => s.verify);
  const needOutlook = !!outcome?.restartOutlook;
  const needWindows = !!outcome?.restartWindows;

  return (
    <StepFrame testId="step-restart" title={t('restart.title')} lead={t('restart.lead')}>
      {needOutlook ? (
        <section className="panel" aria-labelledby="restart-outlook-h">
          <h2 id="restart-outlook-h">
            <MailIcon /> {t('restart.outlookHeading')}
          </h2>
          <p>{needWindows ? t('restart.outlookTextBoth') : t('restart.outlookText')}</p>
          <button
            type="button"
            className="button"
            data-testid="restart-outlook"
            disabled={busy === 'restart-outlook' || started}
            onClick={() => void restartOutlook()}
          >
            {t('restart.outlookButton')}
          </button>
          <p role="status" aria-live="polite" className="status-line">
            {started ? t('restart.outlookStarted') : ''}
          </p>
        </section>
      ) : null}
      {needWindows ? (
        <section className="panel" aria-labelledby="restart-windows-h">
          <h2 id="restart-windows-h">
            <RestartIcon /> {t('restart.windowsHeading')}
          </h2>
          <p>{t('restart.windowsText')}</p>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              data-testid="restart-windows-now"
              disabled={busy === 'restart-windows' || windows === 'now'}
              onClick={ask}
            >
              {t('restart.now')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="restart-windows-later"
              disabled={busy === 'restart-windows' || windows !== 'none'}
              onClick={() => void later()}
            >
              {t('restart.later')}
            </button>
          </div>
          <p role="status" aria-live="polite" className="status-line">
            {windows === 'later' ? t('restart.laterDone') : windows === 'now' ? t('restart.restarting') : ''}
          </p>
        </section>
      ) : null}
      {!needOutlook && !needWindows ? <p>{t('restart.none')}</p> : null}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          data-testid="restart-next"
          onClick={() => void verify()}
        >
          {t('restart.next')}
        </button>
      </div>
      {confirm ? (
        <ConfirmDialog
          testId="confirm-restart"
          title={t('restart.confirmTitle')}
          yes={t('restart.confirmYes')}
          no={t('restart.confirmNo')}
          onYes={() => void now()}
          onNo={cancel}
        >
          <p>{t('restart.confirmText')}</p>
        </ConfirmDialog>
      ) : null}
    </StepFrame>
  );
}
