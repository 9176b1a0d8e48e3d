import { useTranslation } from 'react-i18next';
import type { Finding } from '../contract';
import { factText, RawPair } from './RawPair';

/** What a technician sees under any finding card: its id, where it is, its facts and fixes. */
export function FindingTechDetails({ finding, showProfile }: { finding: Finding; showProfile: boolean }) {
  const { t } = useTranslation();
  return (
    <dl className="raw">
      <RawPair term={t('findings.tech.id')} value={finding.id} />
      {showProfile && finding.profile ? (
        <RawPair term={t('findings.tech.profile')} value={finding.profile} />
      ) : null}
      {finding.account ? <RawPair term={t('findings.tech.section')} value={finding.account} /> : null}
      {Object.entries(finding.facts).map(([k, v]) => (
        <RawPair key={k} term={k} value={factText(v)} />
      ))}
      <RawPair
        term={t('findings.tech.fixes')}
        value={finding.fixes.length ? finding.fixes.join(', ') : t('findings.tech.noFix')}
      />
    </dl>
  );
}
