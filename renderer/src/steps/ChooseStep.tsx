import { useTranslation } from 'react-i18next';
import { PrfPanel } from '../components/PrfPanel';
import { StepFrame } from '../components/StepFrame';
import { ListIcon, WrenchIcon } from '../icons';
import { useWizard } from '../store/store-context';
import './ChooseStep.css';

export function ChooseStep() {
  const { t } = useTranslation();
  const choose = useWizard((s) => s.chooseMode);
  const goTo = useWizard((s) => s.goTo);
  const technician = useWizard((s) => s.audience === 'technician');
  return (
    <StepFrame testId="step-choose" title={t('choose.title')} lead={t('choose.lead')}>
      <div className="big-choices">
        <button
          type="button"
          className="big-choice primary"
          data-testid="choose-auto"
          onClick={() => void choose('auto')}
        >
          <WrenchIcon width={28} height={28} />
          <span className="choice-title">{t('choose.auto')}</span>
          <span className="choice-text">{t('choose.autoText')}</span>
        </button>
        <button
          type="button"
          className="big-choice"
          data-testid="choose-manual"
          onClick={() => void choose('manual')}
        >
          <ListIcon width={28} height={28} />
          <span className="choice-title">{t('choose.manual')}</span>
          <span className="choice-text">{t('choose.manualText')}</span>
        </button>
      </div>
      {technician ? <PrfPanel /> : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => goTo('settings')}>
          {t('nav.back')}
        </button>
      </div>
    </StepFrame>
  );
}
