import { useTranslation } from 'react-i18next';
import { LM_FIX_IDS } from '../../../electron/core/diagnosis/finding';
import { lmFixUsable, ntlmFixOffered } from '../../../electron/core/proxy-check/ntlm-usable';
import type { Finding } from '../contract';
import { FindingCard } from '../components/FindingCard';
import { ProxyAnswerPanel } from '../components/ProxyAnswerPanel';
import { StepFrame } from '../components/StepFrame';
import { CheckIcon, InfoIcon } from '../icons';
import { actionable } from '../store/model';
import { useWizard } from '../store/store-context';
import './FindingsStep.css';

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
  const proxyCheck = useWizard((s) => s.proxyCheck);
  if (!report) return null;
  const noNtlmFor = (f: Finding) =>
    report.findings.find(
      (x) => x.id === 'proxy-offers-no-ntlm' && x.profile === f.profile && x.account === f.account,
    );
  const card = (f: Finding, i: number) => (
    <FindingCard
      key={`${f.id}-${i}`}
      finding={f}
      technician={technician}
      noNtlm={f.id === 'proxy-auth-basic' ? noNtlmFor(f) : undefined}
      lmWithheld={f.id === 'lm-response-sent' && !lmUsable}
    />
  );
  const proxyNote =
    proxyCheck.status === 'cancelled' || proxyCheck.status === 'failed' ? (
      <div
        className="notice info"
        data-testid="proxy-check-note"
        data-status={proxyCheck.status}
        role="status"
      >
        <InfoIcon />
        <div>
          <p>{t(`proxyCheck.${proxyCheck.status}`)}</p>
          {proxyCheck.message ? (
            <p className="detail">{t('errors.details', { message: proxyCheck.message })}</p>
          ) : null}
        </div>
      </div>
    ) : null;
  const answers = technician && report.proxyChecks ? <ProxyAnswerPanel checks={report.proxyChecks} /> : null;
  const problems = actionable(report.findings);
  const notes = report.findings.filter((f) => f.severity === 'info');
  const lmUsable = lmFixUsable(report, ntlmFixOffered(report.findings));
  const offersLm = lmUsable && report.findings.some((f) => f.fixes.includes('lmcompat-3'));

  if (problems.length === 0) {
    return (
      <StepFrame testId="step-findings" title={t('findings.noneTitle')} icon={<CheckIcon />}>
        <div className="notice ok" data-testid="no-findings" role="status">
          <CheckIcon />
          <p>{t('findings.noneText')}</p>
        </div>
        {proxyNote}
        {notes.map(card)}
        {answers}
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
      {proxyNote}
      <div className="finding-list">{[...problems, ...notes].map(card)}</div>
      {answers}
      {technician && offersLm ? (
        <fieldset className="choice-inline">
          <legend>{t('findings.lmChoice')}</legend>
          {LM_FIX_IDS.map((fix) => (
            <label key={fix} className="check">
              <input
                type="radio"
                name="lm-target"
                checked={selected.includes(fix)}
                onChange={() => toggleFix(fix, true)}
              />
              <span>{t(fix === 'lmcompat-3' ? 'findings.lm3' : 'findings.lm2')}</span>
            </label>
          ))}
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
