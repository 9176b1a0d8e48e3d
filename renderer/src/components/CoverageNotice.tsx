import { useTranslation } from 'react-i18next';
import type { Coverage } from '../contract';
import { InfoIcon, WarningIcon } from '../icons';
import { completionCommands } from '../store/coverage-view';
import { CopyCommand } from './CopyCommand';

interface Props {
  readonly coverage: Coverage | undefined;
  readonly technician: boolean;
}

/** Whose settings these are, when an administrator exported another user's (HKEY_USERS\<SID>). */
function UserHive({ sid, technician }: { sid: string; technician: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="notice info" data-testid="user-hive" role="note">
      <InfoIcon />
      <div>
        <p>{t('coverage.userHive')}</p>
        {technician ? <p className="detail">{t('coverage.userHiveSid', { sid })}</p> : null}
      </div>
    </div>
  );
}

/** For technicians: the core's lines that complete the export, and the policy look-up. */
function HowToComplete({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const { exports, diagnose, policy } = completionCommands(coverage);
  return (
    <>
      {exports.length > 0 ? (
        <>
          <h3>{t('coverage.howTitle')}</h3>
          <p>{t('coverage.how')}</p>
          <CopyCommand command={exports.join('\n')} label={t('coverage.howLabel')} />
          {coverage.missing.includes('osVersion') ? <p className="detail">{t('coverage.winlogon')}</p> : null}
          {diagnose ? (
            <>
              <p>{t('coverage.diagnose')}</p>
              <CopyCommand command={diagnose} label={t('coverage.diagnoseLabel')} />
            </>
          ) : null}
          <p>{t('coverage.collect')}</p>
        </>
      ) : null}
      {policy ? (
        <>
          <p>{t('coverage.policy')}</p>
          <CopyCommand command={policy} label={t('coverage.policyLabel')} />
        </>
      ) : null}
    </>
  );
}

/**
 * Up front on a scan of an export that did not show everything: that it is incomplete, what it
 * lacks, and (technicians) what to run to complete it. Nothing for a complete scan.
 */
export function CoverageNotice({ coverage, technician }: Props) {
  const { t } = useTranslation();
  if (!coverage) return null;
  const sid = coverage.userSid ? <UserHive sid={coverage.userSid} technician={technician} /> : null;
  if (coverage.complete) return sid;
  return (
    <>
      {sid}
      <div className="notice warn" data-testid="coverage-incomplete" role="note">
        <WarningIcon />
        <div>
          <p className="notice-title">{t('coverage.title')}</p>
          <p>{t('coverage.lead')}</p>
          {coverage.missing.length > 0 ? (
            <>
              <p>{t('coverage.missing')}</p>
              <ul>
                {coverage.missing.map((part) => (
                  <li key={part} data-part={part}>
                    {t(`coverage.part.${part}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {coverage.installUnknown ? (
            <p data-testid="install-unknown">{t('coverage.installUnknown')}</p>
          ) : null}
          {technician ? <HowToComplete coverage={coverage} /> : <p>{t('coverage.endUser')}</p>}
        </div>
      </div>
    </>
  );
}
