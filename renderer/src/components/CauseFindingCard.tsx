import { useTranslation } from 'react-i18next';
import type { CauseFindingId, Finding } from '../contract';
import { ErrorIcon, InfoIcon, WarningIcon } from '../icons';
import { causeFindingView, causeFixLabel, isCauseFix, notOffered } from '../store/cause-view';
import { useWizard } from '../store/store-context';
import { FindingTechDetails } from './FindingTechDetails';
import './FindingCard.css';

interface Props {
  readonly finding: Finding & { readonly id: CauseFindingId };
  readonly technician: boolean;
}

/**
 * One of the other causes of prompts: what it is and why Outlook asks, what to do, the fix the
 * wizard offers or why it offers none (a policy, Microsoft 365, the mail server), and its source.
 */
export function CauseFindingCard({ finding, technician }: Props) {
  const { t } = useTranslation();
  const locale = useWizard((s) => s.locale);
  const text = causeFindingView(locale, finding);
  const reason = notOffered(finding);
  const offered = finding.fixes.filter(isCauseFix).map((f) => causeFixLabel(locale, f));
  const Icon =
    finding.severity === 'error' ? ErrorIcon : finding.severity === 'warning' ? WarningIcon : InfoIcon;
  return (
    <article
      className={`finding ${finding.severity}`}
      data-testid={`finding-${finding.id}`}
      data-text={finding.id}
    >
      <header className="finding-head">
        <Icon className="finding-icon" />
        <h2>{text.title}</h2>
        <span className={`badge severity-${finding.severity}`}>
          {t(`findings.severity.${finding.severity}`)}
        </span>
      </header>
      <dl className="finding-body">
        {finding.profile ? (
          <>
            <dt>{t('causes.profile')}</dt>
            <dd>{finding.profile}</dd>
          </>
        ) : null}
        <dt>{t('findings.why')}</dt>
        <dd>{text.why}</dd>
        <dt>{t('causes.next')}</dt>
        <dd>{text.next}</dd>
        {offered.length > 0 ? (
          <>
            <dt>{t('causes.offered')}</dt>
            <dd data-testid="cause-offered">{offered.join(' · ')}</dd>
          </>
        ) : null}
      </dl>
      {reason ? (
        <p className="notice info" data-testid="cause-not-offered" data-reason={reason}>
          {t(`causes.notOffered.${reason}`)}
        </p>
      ) : null}
      <p className="kb" data-testid="cause-source">
        {t('causes.source', { kb: text.kb })}
      </p>
      {technician ? <FindingTechDetails finding={finding} showProfile={false} /> : null}
    </article>
  );
}
