import { useTranslation } from 'react-i18next';
import type { DiagnosisReport } from '../contract';
import { WarningIcon } from '../icons';
import { useWizard } from '../store/store-context';
import './PrfPanel.css';

/** Profiles whose proxy sign-in the wizard would switch to NTLM (what a PRF can do instead). */
function prfProfiles(report: DiagnosisReport | null): string[] {
  const names = (report?.findings ?? [])
    .filter((f) => f.id === 'proxy-auth-basic' && f.fixes.includes('proxy-auth-ntlm') && f.profile)
    .map((f) => f.profile!);
  return [...new Set(names)];
}

/** The account as the person knows it: its name, else its section key. */
function accountLabel(report: DiagnosisReport | null, section: string): string {
  const a = report?.profiles.flatMap((p) => p.accounts).find((x) => x.section === section);
  return a?.accountName ?? section;
}

/**
 * For technicians: write an Outlook PRF that makes the same profile change, for Outlook to apply
 * itself with `outlook.exe /importprf` (the way Microsoft supports changing profiles).
 */
export function PrfPanel() {
  const { t } = useTranslation();
  const report = useWizard((s) => s.report);
  const prf = useWizard((s) => s.prf);
  const refusal = useWizard((s) => s.prfRefusal);
  const busy = useWizard((s) => s.busy);
  const save = useWizard((s) => s.savePrf);
  const profiles = prfProfiles(report);
  if (profiles.length === 0) return null;
  return (
    <section className="panel prf-panel" aria-labelledby="prf-h">
      <h2 id="prf-h">{t('prf.title')}</h2>
      <p>{t('prf.lead')}</p>
      <div className="actions">
        {profiles.map((p) => (
          <button
            key={p}
            type="button"
            className="button"
            data-testid="make-prf"
            data-profile={p}
            disabled={busy === 'prf'}
            onClick={() => void save(p)}
          >
            {profiles.length > 1 ? t('prf.makeFor', { profile: p }) : t('prf.make')}
          </button>
        ))}
      </div>
      {refusal ? (
        <div className="notice warn" data-testid="prf-refused" role="alert">
          <WarningIcon />
          <div>
            <p className="notice-title">{t('prf.refusedTitle')}</p>
            <p>{refusal.message}</p>
          </div>
        </div>
      ) : null}
      {prf ? (
        <div className="prf-saved" data-testid="prf-saved" role="status">
          <p className="notice-title">{t('prf.saved', { profile: prf.profile })}</p>
          {prf.notCovered.length > 0 ? (
            <p className="notice warn" data-testid="prf-not-covered">
              {t('prf.notCovered', {
                account: accountLabel(report, prf.account),
                others: prf.notCovered.join(', '),
              })}
            </p>
          ) : null}
          <dl className="paths">
            <div>
              <dt>{t('prf.file')}</dt>
              <dd>
                <code data-testid="prf-path">{prf.path}</code>
              </dd>
            </div>
          </dl>
          <h3>{t('prf.howTitle')}</h3>
          <ol>
            <li>{t('prf.how1')}</li>
            <li>
              {t('prf.how2')}
              <pre>
                <code data-testid="prf-command">{`outlook.exe /importprf "${prf.path}"`}</code>
              </pre>
            </li>
            <li>{t('prf.how3')}</li>
          </ol>
          <h3>{t('prf.textTitle')}</h3>
          <pre className="prf-text" data-testid="prf-text">
            {prf.text}
          </pre>
        </div>
      ) : null}
    </section>
  );
}
