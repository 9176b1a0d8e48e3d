import { useTranslation } from 'react-i18next';
import { StepFrame } from '../components/StepFrame';
import { PrinterIcon } from '../icons';
import { useWizard } from '../store/store-context';
import { manualSteps } from './manual-steps';
import './ManualStep.css';

export function ManualStep() {
  const { t } = useTranslation();
  const plan = useWizard((s) => s.plan);
  const checked = useWizard((s) => s.manualChecked);
  const toggle = useWizard((s) => s.toggleManualStep);
  const verify = useWizard((s) => s.verify);
  const goTo = useWizard((s) => s.goTo);
  const steps = manualSteps(plan);
  const firstOpen = steps.findIndex((_, i) => !checked.includes(i + 1));
  const groups = (['outlook', 'causes', 'registry'] as const).filter((g) => steps.some((s) => s.group === g));
  return (
    <StepFrame testId="step-manual" title={t('manual.title')} lead={t('manual.lead')}>
      <p className="manual-progress" role="status" aria-live="polite">
        {t('manual.progress', { done: checked.length, total: steps.length })}
      </p>
      {groups.map((g) => (
        <section key={g} className="panel manual-group" aria-labelledby={`manual-${g}`}>
          <h2 id={`manual-${g}`}>{t(`manual.${g}.heading`)}</h2>
          {g === 'registry' ? <p className="notice warn">{t('manual.registry.caution')}</p> : null}
          <ol className="manual-steps">
            {steps.map((s, i) => {
              if (s.group !== g) return null;
              const n = i + 1;
              const done = checked.includes(n);
              const cls = `manual-step${done ? ' done' : ''}${i === firstOpen ? ' next' : ''}`;
              return (
                <li key={n} className={cls} value={n}>
                  <label className="check">
                    <input
                      type="checkbox"
                      data-testid={`manual-step-${n}`}
                      checked={done}
                      onChange={(e) => toggle(n, e.target.checked)}
                    />
                    <span>{t(s.key, s.values)}</span>
                  </label>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      {firstOpen === -1 && steps.length > 0 ? (
        <p className="notice ok" role="status">
          {t('manual.allDone')}
        </p>
      ) : null}
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => goTo('choose')}>
          {t('nav.back')}
        </button>
        <button type="button" className="button" data-testid="manual-print" onClick={() => window.print()}>
          <PrinterIcon />
          {t('manual.print')}
        </button>
        <button
          type="button"
          className="button primary"
          data-testid="manual-done"
          onClick={() => void verify()}
        >
          {t('manual.done')}
        </button>
      </div>
    </StepFrame>
  );
}
