import { useTranslation } from 'react-i18next';
import { FindingCard } from '../components/FindingCard';
import { StepFrame } from '../components/StepFrame';
import { CheckIcon } from '../icons';
import { actionable } from '../store/model';
import { useWizard } from '../store/store-context';

export function FindingsStep() {
  const { t } = useTranslation();
  const report = useWizard((s) => s.report);
  const technician = useWizard((s) => s.audience === 'technician');
  const selected = useWizard((s) => s.selectedFixes);
  const toggleFix = useWizard((s) => s.toggleFix);
  const plan = useWizard((s) => s.planSelected);
  const scan = useWizard((s) => s.scan);
  const goTo = useWizard((s) => s.goTo);
  const busy = useWizard((s) => s.busy);
  if (!report) return null;
  const problems = actionable(report.findings);
  const notes = report.findings.filter((f) => f.severity === 'info');
  const offersLm = report.findings.some((f) => f.fixes.includes('lmcompat-3'));

  if (problems.length === 0) {
    return (
      <StepFrame testId="step-findings" title={t('findings.noneTitle')} icon={<CheckIcon />}>
        <div className="notice ok" data-testid="no-findings" role="status">
          <CheckIcon />
          <p>{t('findings.noneText')}</p>
        </div>
        {notes.map((f, i) => (
          <FindingCard key={`${f.id}-${i}`} finding={f} technician={technician} />
        ))}
        <div className="actions">
          <button type="button" className="button primary" onClick={() => goTo('report')}>
            {t('findings.toReport')}
          </button>
          <button type="button" className="button" onClick={() => void scan()}>
            {t('findings.rescan')}
          </button>
        </div>
      </StepFrame>
    );
  }

  return (
    <StepFrame testId="step-findings" title={t('findings.title')} lead={t('findings.lead')}>
      <div className="finding-list">
        {[...problems, ...notes].map((f, i) => (
          <FindingCard key={`${f.id}-${i}`} finding={f} technician={technician} />
        ))}
      </div>
      {technician && offersLm ? (
        <fieldset className="choice-inline">
          <legend>{t('findings.lmChoice')}</legend>
          <label className="check">
            <input
              type="radio"
              name="lm-target"
              checked={selected.includes('lmcompat-3')}
              onChange={() => toggleFix('lmcompat-3', true)}
            />
            <span>{t('findings.lm3')}</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="lm-target"
              checked={selected.includes('lmcompat-2')}
              onChange={() => toggleFix('lmcompat-2', true)}
            />
            <span>{t('findings.lm2')}</span>
          </label>
        </fieldset>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          data-testid="findings-next"
          disabled={busy === 'plan'}
          onClick={() => void plan()}
        >
          {t('findings.next')}
        </button>
        <button type="button" className="button" onClick={() => void scan()}>
          {t('findings.rescan')}
        </button>
      </div>
    </StepFrame>
  );
}
