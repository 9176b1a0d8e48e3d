import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { PrfPanel } from '../components/PrfPanel';
import { StepFrame } from '../components/StepFrame';
import { ListIcon, PackageIcon, WrenchIcon } from '../icons';
import { causeFixConfirm } from '../store/cause-view';
import { useWizard } from '../store/store-context';
import './ChooseStep.css';

/**
 * Before saved sign-ins are removed: that it cannot be undone, and that Outlook asks for the
 * password once at its next start. Agreeing goes on to Prepare; nothing is removed before Apply.
 */
function RemovalConfirm({ onNo }: { onNo: () => void }) {
  const { t } = useTranslation();
  const choose = useWizard((s) => s.chooseMode);
  const locale = useWizard((s) => s.locale);
  const plan = useWizard((s) => s.plan);
  const removals = plan?.removals ?? [];
  return (
    <ConfirmDialog
      testId="confirm-removal"
      title={t('choose.removeTitle')}
      yes={t('choose.removeYes')}
      no={t('choose.removeNo')}
      onYes={() => void choose('auto')}
      onNo={onNo}
    >
      <p>{causeFixConfirm(locale, 'remove-saved-credentials', removals.length)}</p>
      <p>{t('choose.removeList')}</p>
      <ul>
        {removals.map((r) => (
          <li key={`${r.type}:${r.targetName}`}>
            <code>{r.targetName}</code>
            {r.userName ? <span className="muted"> ({r.userName})</span> : null}
          </li>
        ))}
      </ul>
      {plan && plan.changes.length > 0 ? <p>{t('choose.removeRest')}</p> : null}
    </ConfirmDialog>
  );
}

/** On this PC: fix it now. On a collected PC nothing is written from here: a fix kit is made instead. */
function FixChoice() {
  const { t } = useTranslation();
  const choose = useWizard((s) => s.chooseMode);
  const removes = useWizard((s) => (s.plan?.removals.length ?? 0) > 0);
  const [confirming, setConfirming] = useState(false);
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
    <>
      <button
        type="button"
        className="big-choice primary"
        data-testid="choose-auto"
        onClick={() => (removes ? setConfirming(true) : void choose('auto'))}
      >
        <WrenchIcon width={28} height={28} />
        <span className="choice-title">{t('choose.auto')}</span>
        <span className="choice-text">{t('choose.autoText')}</span>
      </button>
      {confirming ? <RemovalConfirm onNo={() => setConfirming(false)} /> : null}
    </>
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
