import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { StepFrame } from '../components/StepFrame';
import { CheckIcon, ShieldIcon, WarningIcon } from '../icons';
import { OUTLOOK_CLOSED_KINDS } from '../../../electron/core/fixes/outlook-closed';
import type { PlannedChange } from '../contract';
import { causeFixLabel, isCauseFix } from '../store/cause-view';
import { invalidLevelData, replacesInvalidLevel } from '../store/lm-state';
import { lmChange } from '../store/model';
import { useWizard } from '../store/store-context';
import './PrepareStep.css';

export function PrepareStep() {
  const { t } = useTranslation();
  const plan = useWizard((s) => s.plan);
  const running = useWizard((s) => s.outlookRunning);
  const waiting = useWizard((s) => s.waitingForOutlook);
  const check = useWizard((s) => s.checkOutlook);
  const wait = useWizard((s) => s.waitForOutlookClosed);
  const apply = useWizard((s) => s.apply);
  const goTo = useWizard((s) => s.goTo);
  const busy = useWizard((s) => s.busy);
  const technician = useWizard((s) => s.audience === 'technician');
  const locale = useWizard((s) => s.locale);
  // Outlook reads (and may rewrite) these while it runs; a running Outlook saves its sign-in again.
  const profileChange =
    !!plan?.changes.some((c) => OUTLOOK_CLOSED_KINDS.has(c.kind)) || (plan?.removals.length ?? 0) > 0;
  const mustClose = profileChange && running === true;
  const lm = lmChange(plan);

  const causeLine = (c: PlannedChange) => {
    const fix = isCauseFix(c.fix) ? causeFixLabel(locale, c.fix) : c.fix;
    return c.profile
      ? t('prepare.changeCause', { fix, profile: c.profile })
      : t('prepare.changeCauseUser', { fix });
  };

  useEffect(() => {
    // Watch for Outlook closing while this page is open; never close it for the person.
    if (!mustClose) return;
    return wait();
  }, [mustClose, wait]);

  return (
    <StepFrame testId="step-prepare" title={t('prepare.title')} lead={t('prepare.lead')}>
      {profileChange ? (
        mustClose ? (
          <div className="notice warn" data-testid="outlook-running-notice" role="alert">
            <WarningIcon />
            <div>
              <p className="notice-title">{t('prepare.outlookOpen')}</p>
              <p>{t('prepare.outlookWhy')}</p>
              <p className="waiting" aria-live="polite">
                {waiting ? <span className="spinner" aria-hidden="true" /> : null}
                {t('prepare.waiting')}
              </p>
            </div>
          </div>
        ) : (
          <p className="notice ok" role="status">
            <CheckIcon />
            <span>{running === null ? t('prepare.checking') : t('prepare.outlookClosed')}</span>
          </p>
        )
      ) : null}
      {profileChange ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            data-testid="outlook-check-again"
            onClick={() => void check()}
          >
            {t('prepare.checkAgain')}
          </button>
        </div>
      ) : null}

      {lm ? (
        <div className="notice info uac" data-testid="uac-explainer">
          <ShieldIcon />
          <div>
            <p className="notice-title">{t('prepare.uacTitle')}</p>
            <p>{t('prepare.uacText')}</p>
            <p>{t('prepare.uacNo')}</p>
          </div>
        </div>
      ) : null}

      <section className="panel" aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t('prepare.planHeading')}</h2>
        <ul className="plan-list">
          {plan?.changes.map((c) => (
            <li key={`${c.path}\\${c.name}`}>
              {c.kind === 'roh-auth-scheme'
                ? t('prepare.changeAuth', { profile: c.profile ?? '' })
                : isCauseFix(c.fix)
                  ? causeLine(c)
                  : replacesInvalidLevel(c)
                    ? t('prepare.changeLmReplace', { data: invalidLevelData(c.before) })
                    : t('prepare.changeLm', {
                        level: c.after && c.after.type === 'REG_DWORD' ? c.after.data : '?',
                      })}
              {technician ? (
                <code className="path">
                  {c.path}\{c.name}
                </code>
              ) : null}
            </li>
          ))}
          {plan?.removals.map((r) => (
            <li key={`${r.type}:${r.targetName}`} data-testid="prepare-removal">
              {t('prepare.removeCredential', { target: r.targetName })}
            </li>
          ))}
        </ul>
        {plan && plan.changes.length > 0 ? <p className="muted">{t('prepare.backup')}</p> : null}
        {plan && plan.removals.length > 0 ? <p className="muted">{t('prepare.noBackupRemoval')}</p> : null}
      </section>

      <div className="actions">
        <button type="button" className="button" onClick={() => goTo('choose')}>
          {t('nav.back')}
        </button>
        <button
          type="button"
          className="button primary"
          data-testid="apply-now"
          disabled={mustClose || busy === 'apply'}
          onClick={() => void apply()}
        >
          {t('prepare.applyNow')}
        </button>
      </div>
    </StepFrame>
  );
}
