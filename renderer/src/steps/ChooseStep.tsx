import { useTranslation } from 'react-i18next';
import { PrfPanel } from '../components/PrfPanel';
import { StepFrame } from '../components/StepFrame';
import { ListIcon, PackageIcon, WrenchIcon } from '../icons';
import { useWizard } from '../store/store-context';
import './ChooseStep.css';

/** On this PC: fix it now. On a collected PC nothing is written from here: a fix kit is made instead. */
function FixChoice() {
  const { t } = useTranslation();
  const choose = useWizard((s) => s.chooseMode);
  const makeKit = useWizard((s) => s.makeKit);
  const busy = useWizard((s) => s.busy === 'kit');
  const pc = useWizard((s) => s.appInfo?.collected ?? null);
  if (pc)
    return (
      <button
        type="button"
        className="big-choice primary"
        data-testid="choose-kit"
        disabled={busy}
        onClick={() => void makeKit()}
      >
        <PackageIcon width={28} height={28} />
        <span className="choice-title">{t('choose.kit')}</span>
        <span className="choice-text">
          {t('choose.kitText', { computer: pc.computer ?? t('collected.unknown') })}
        </span>
      </button>
    );
  return (
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
  );
}

export function ChooseStep() {
  const { t } = useTranslation();
  const choose = useWizard((s) => s.chooseMode);
  const goTo = useWizard((s) => s.goTo);
  const technician = useWizard((s) => s.audience === 'technician');
  const collected = useWizard((s) => s.appInfo?.collected != null);
  return (
    <StepFrame
      testId="step-choose"
      title={t('choose.title')}
      lead={collected ? t('choose.leadCollected') : t('choose.lead')}
    >
      <div className="big-choices">
        <FixChoice />
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
