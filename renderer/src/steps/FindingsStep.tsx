import { useTranslation } from 'react-i18next';
import { autodiscoverNotices } from '../../../electron/core/autodiscover/autodiscover-notice';
import { LM_FIX_IDS } from '../../../electron/core/diagnosis/finding';
import { lmFixUsable, ntlmFixOffered } from '../../../electron/core/proxy-check/ntlm-usable';
import type { DiagnosisReport, Finding } from '../contract';
import { AutodiscoverPanel } from '../components/AutodiscoverPanel';
import { CoverageNotice } from '../components/CoverageNotice';
import { FindingCard } from '../components/FindingCard';
import { LeftoverProfiles } from '../components/LeftoverProfiles';
import { NoCauseGuidance } from '../components/NoCauseGuidance';
import { MachineSummary } from '../components/MachineSummary';
import { ProxyAnswerPanel } from '../components/ProxyAnswerPanel';
import { StepFrame } from '../components/StepFrame';
import { CheckIcon, InfoIcon, WarningIcon } from '../icons';
import { verdictOf } from '../store/coverage-view';
import { actionable } from '../store/model';
import { leftoverProfiles } from '../store/profile-use';
import { useWizard } from '../store/store-context';
import './FindingsStep.css';

/** The finding of the same account, if any, with this id. */
function sameAccount(report: DiagnosisReport, f: Finding, id: Finding['id']): Finding | undefined {
  return report.findings.find((x) => x.id === id && x.profile === f.profile && x.account === f.account);
}

/**
 * A LAN Manager finding the level fix would address once an account can use NTLM: a level too
 * low, or an invalid value that matters and that an undo could put back (else it is left to a person).
 */
function lmFixable(report: DiagnosisReport, f: Finding): boolean {
  if (f.id === 'lm-response-sent') return true;
  return (
    f.id === 'lm-level-invalid' &&
    f.severity !== 'info' &&
    report.lsa.invalidLmCompatibilityLevel?.replaceable === true
  );
}

const TITLES = {
  findings: 'findings.title',
  clean: 'findings.noneTitle',
  incomplete: 'findings.incompleteTitle',
};

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
  const lmUsable = lmFixUsable(report, ntlmFixOffered(report.findings));
  const card = (f: Finding, i: number) => (
    <FindingCard
      key={`${f.id}-${i}`}
      finding={f}
      technician={technician}
      noNtlm={f.id === 'proxy-auth-basic' ? sameAccount(report, f, 'proxy-offers-no-ntlm') : undefined}
      reverted={f.id === 'proxy-auth-basic' && !!sameAccount(report, f, 'autodiscover-reverted')}
      lmWithheld={!lmUsable && lmFixable(report, f)}
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
  const verdict = verdictOf(report);
  const problems = actionable(report.findings);
  const notes = report.findings.filter((f) => f.severity === 'info');
  // Only a finding that offers both levels leaves the choice (an invalid value is replaced by 3).
  const offersLm = lmUsable && report.findings.some((f) => f.fixes.includes('lmcompat-2'));
  // Around the findings: profiles Outlook no longer uses, what Exchange can undo, this PC.
  const context = (
    <>
      <LeftoverProfiles profiles={leftoverProfiles(report)} technician={technician} />
      <AutodiscoverPanel notices={autodiscoverNotices(report)} technician={technician} />
      {technician ? <MachineSummary report={report} /> : null}
      {technician && report.proxyChecks ? <ProxyAnswerPanel checks={report.proxyChecks} /> : null}
    </>
  );

  return (
    <StepFrame
      testId="step-findings"
      title={t(TITLES[verdict])}
      lead={verdict === 'findings' ? t('findings.lead') : undefined}
      icon={verdict === 'clean' ? <CheckIcon /> : undefined}
    >
      <CoverageNotice coverage={report.coverage} technician={technician} />
      {proxyNote}
      {verdict === 'clean' ? (
        <div className="notice ok" data-testid="no-findings" role="status">
          <CheckIcon />
          <p>{t('findings.noneText')}</p>
        </div>
      ) : null}
      {verdict === 'clean' && report.guidance ? <NoCauseGuidance guidance={report.guidance} /> : null}
      {verdict === 'incomplete' ? (
        <div className="notice warn" data-testid="no-findings-incomplete" role="status">
          <WarningIcon />
          <p>{t('findings.incompleteText')}</p>
        </div>
      ) : null}
      <div className="finding-list">{[...problems, ...notes].map(card)}</div>
      {context}
      {verdict === 'findings' && technician && offersLm ? (
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
        {verdict === 'findings' ? (
          <button
            type="button"
            className="button primary"
            data-testid="findings-next"
            disabled={busy === 'plan'}
            onClick={() => void plan()}
          >
            {t('findings.next')}
          </button>
        ) : (
          <button type="button" className="button primary" onClick={() => goTo('report')}>
            {t('findings.toReport')}
          </button>
        )}
        <button type="button" className="button" onClick={() => void scan()}>
          {t('findings.rescan')}
        </button>
      </div>
    </StepFrame>
  );
}
