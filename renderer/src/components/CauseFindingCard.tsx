import { useTranslation } from 'react-i18next';
import type { CauseFindingId, Finding } from '../contract';
import { causeFindingView, causeFixLabel, isCauseFix, notOffered } from '../store/cause-view';
import { useWizard } from '../store/store-context';
import { FindingFrame } from './FindingFrame';
import { FindingTechDetails } from './FindingTechDetails';

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
  return (
    <FindingFrame finding={finding} textKey={finding.id} title={text.title}>
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
    </FindingFrame>
  );
}
