import { useTranslation } from 'react-i18next';
import type { ApplyOutcome, ChangePlan, StepName } from '../contract';
import { StepFrame } from '../components/StepFrame';
import { CheckIcon, ErrorIcon } from '../icons';
import { useWizard } from '../store/store-context';
import './ApplyStep.css';

const REGISTRY_STEPS: readonly StepName[] = ['backup', 'write', 'verify'];

/** The registry's steps when the plan writes values, the removal when it removes saved sign-ins. */
function shownSteps(plan: ChangePlan | null): StepName[] {
  if (!plan || plan.removals.length === 0) return [...REGISTRY_STEPS];
  return [...(plan.changes.length > 0 ? REGISTRY_STEPS : []), 'remove'];
}

function stepState(outcome: ApplyOutcome | null, step: StepName): 'done' | 'failed' | 'pending' {
  const r = outcome?.steps.find((s) => s.step === step);
  return !r ? 'pending' : r.ok ? 'done' : 'failed';
}

/** Failures the person can act on get their own explanation; anything else a general one. */
const EXPLAINED = new Set([
  'elevation-declined',
  'blocked',
  'failed-rolled-back',
  'apply-failed',
  'network',
  'locked',
]);

/** What History can undo: everything, the settings but not the removed sign-ins, or nothing. */
function UndoLine({ outcome }: { outcome: ApplyOutcome }) {
  const { t } = useTranslation();
  const removed = (outcome.removals ?? []).filter((r) => r.removed);
  if (removed.length === 0) return <p>{t('apply.undoHint')}</p>;
  return (
    <>
      <p data-testid="apply-removed">
        {t('apply.removed', { targets: removed.map((r) => r.targetName).join(', ') })}
      </p>
      <p data-testid="apply-undo-partial">
        {outcome.plan.changes.length > 0 ? t('apply.undoPartial') : t('apply.undoNone')}
      </p>
    </>
  );
}

export function ApplyStep() {
  const { t } = useTranslation();
  const outcome = useWizard((s) => s.outcome);
  const plan = useWizard((s) => s.plan);
  const busy = useWizard((s) => s.busy);
  const error = useWizard((s) => (s.error?.action === 'apply' ? s.error : null));
  const apply = useWizard((s) => s.apply);
  const next = useWizard((s) => s.afterApply);
  const goTo = useWizard((s) => s.goTo);
  const technician = useWizard((s) => s.audience === 'technician');
  const working = busy === 'apply';
  const ok = !working && !error && (outcome?.status === 'applied' || outcome?.status === 'nothing-to-do');
  const kind = error ? (EXPLAINED.has(error.kind) ? error.kind : 'other') : null;

  return (
    <StepFrame testId="step-apply" title={t('apply.title')} lead={working ? t('apply.working') : undefined}>
      <ol className="apply-steps" data-testid="apply-progress" aria-busy={working}>
        {shownSteps(plan).map((step) => {
          const state = stepState(outcome, step);
          return (
            <li
              key={step}
              className={`apply-step ${state}`}
              data-testid={`apply-step-${step}`}
              data-state={state}
            >
              <span className="apply-marker" aria-hidden="true">
                {state === 'done' ? (
                  <CheckIcon />
                ) : state === 'failed' ? (
                  <ErrorIcon />
                ) : working ? (
                  <span className="spinner" />
                ) : null}
              </span>
              <span className="apply-name">{t(`apply.steps.${step}`)}</span>
              <span className="apply-state">
                {t(`apply.state.${state === 'pending' && working ? 'running' : state}`)}
              </span>
            </li>
          );
        })}
      </ol>

      {kind && error ? (
        <div className="notice error" role="alert" data-testid="apply-error">
          <ErrorIcon />
          <div>
            <p className="notice-title">{t(`apply.error.${kind}.title`)}</p>
            <p>{t(`apply.error.${kind}.text`)}</p>
            <p>{t(`apply.error.${kind}.next`)}</p>
            {error.message ? (
              <p className="detail">{t('errors.details', { message: error.message })}</p>
            ) : null}
          </div>
        </div>
      ) : null}

      {ok && outcome ? (
        <div className="notice ok" role="status" aria-live="polite">
          <CheckIcon />
          <div>
            <p className="notice-title">
              {outcome.status === 'applied' ? t('apply.done') : t('apply.nothingToDo')}
            </p>
            {outcome.status === 'applied' ? <UndoLine outcome={outcome} /> : null}
            {technician && outcome.backupPath ? (
              <p className="detail">{t('apply.backupAt', { path: outcome.backupPath })}</p>
            ) : null}
            {technician && outcome.changeId ? (
              <p className="detail">{t('apply.changeId', { id: outcome.changeId })}</p>
            ) : null}
          </div>
        </div>
      ) : null}

      <div className="actions">
        {error ? (
          <>
            <button type="button" className="button" onClick={() => goTo('prepare')}>
              {t('nav.back')}
            </button>
            <button
              type="button"
              className="button primary"
              data-testid="apply-retry"
              onClick={() => void apply()}
            >
              {t('apply.retry')}
            </button>
          </>
        ) : null}
        {ok ? (
          <button type="button" className="button primary" data-testid="apply-next" onClick={next}>
            {t('nav.next')}
          </button>
        ) : null}
      </div>
    </StepFrame>
  );
}
