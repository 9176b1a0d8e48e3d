import { useTranslation } from 'react-i18next';
import { KitReady } from '../components/KitReady';
import { StepFrame } from '../components/StepFrame';
import { useWizard } from '../store/store-context';

/** Under Choose on a collected PC: the fix kit made instead of an apply. */
export function KitStep() {
  const { t } = useTranslation();
  const kit = useWizard((s) => s.kit);
  const goTo = useWizard((s) => s.goTo);
  const computer = kit?.computer ?? t('collected.unknown');
  return (
    <StepFrame testId="step-kit" title={t('kit.title', { computer })} lead={t('kit.lead', { computer })}>
      {kit ? <KitReady kit={kit} /> : <p className="muted">{t('kit.none')}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={() => goTo('choose')}>
          {t('nav.back')}
        </button>
      </div>
    </StepFrame>
  );
}
