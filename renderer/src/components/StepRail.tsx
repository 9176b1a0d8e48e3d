import { useTranslation } from 'react-i18next';
import { CheckIcon } from '../icons';
import { RAIL_STEPS, railIndex } from '../store/model';
import { useWizard } from '../store/store-context';
import './StepRail.css';

/** The visible list of the ten steps with a progress bar; the current one carries aria-current="step". */
export function StepRail() {
  const { t } = useTranslation();
  const step = useWizard((s) => s.step);
  const current = railIndex(step);
  const total = RAIL_STEPS.length;
  return (
    <nav className="rail" aria-label={t('rail.label')}>
      <p className="rail-progress-text" id="rail-progress">
        {t('rail.progress', { current: current + 1, total })}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby="rail-progress"
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={current + 1}
      >
        <div className={`progress-fill progress-${current + 1}`} />
      </div>
      <ol data-testid="step-rail">
        {RAIL_STEPS.map((id, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'upcoming';
          return (
            <li key={id} className={`rail-item ${state}`} aria-current={i === current ? 'step' : undefined}>
              <span className="rail-marker" aria-hidden="true">
                {state === 'done' ? <CheckIcon width={16} height={16} /> : i + 1}
              </span>
              <span className="rail-name">{t(`steps.${id}`)}</span>
              {state === 'done' ? <span className="visually-hidden">{t('rail.done')}</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
