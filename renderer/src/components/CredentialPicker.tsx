import { useTranslation } from 'react-i18next';
import type { DiagnosisReport } from '../contract';
import {
  credentialKindText,
  credentialTypeText,
  pickOf,
  removalCandidates,
  samePick,
} from '../store/cause-view';
import { useWizard } from '../store/store-context';
import './CredentialPicker.css';

/**
 * The saved sign-ins that may hold an old password (target, type, user name — never a secret).
 * Nothing is picked until the person ticks an entry; each tick plans again.
 */
export function CredentialPicker({ report }: { report: DiagnosisReport }) {
  const { t } = useTranslation();
  const locale = useWizard((s) => s.locale);
  const picks = useWizard((s) => s.credentialPicks);
  const toggle = useWizard((s) => s.toggleCredential);
  const busy = useWizard((s) => s.busy === 'plan');
  const candidates = removalCandidates(report);
  return (
    <section className="panel" data-testid="credential-picker" aria-labelledby="credential-picker-h">
      <h2 id="credential-picker-h">{t('credentials.heading')}</h2>
      {candidates.length === 0 ? (
        <p className="muted">{t('credentials.none')}</p>
      ) : (
        <>
          <p className="muted">{t('credentials.lead')}</p>
          <table className="credential-table">
            <thead>
              <tr>
                <th scope="col">{t('credentials.colPick')}</th>
                <th scope="col">{t('credentials.colTarget')}</th>
                <th scope="col">{t('credentials.colType')}</th>
                <th scope="col">{t('credentials.colUser')}</th>
                <th scope="col">{t('credentials.colKind')}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((m) => {
                const pick = pickOf(m);
                const on = picks.some((p) => samePick(p, pick));
                return (
                  <tr
                    key={`${m.credential.type}:${m.credential.targetName}`}
                    data-testid="credential-row"
                    data-target={m.credential.targetName}
                  >
                    <td>
                      <input
                        type="checkbox"
                        data-testid="credential-pick"
                        checked={on}
                        disabled={busy}
                        aria-label={t('credentials.pickLabel', { target: m.credential.targetName })}
                        onChange={(e) => void toggle(pick, e.target.checked)}
                      />
                    </td>
                    <td>
                      <code>{m.credential.targetName}</code>
                    </td>
                    <td>{credentialTypeText(locale, m.credential.type)}</td>
                    <td>{m.credential.userName ?? t('credentials.noUser')}</td>
                    <td>{credentialKindText(locale, m)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {picks.length > 0 ? (
            <p className="notice warn" data-testid="credential-picked" role="status">
              {t('credentials.picked', { count: picks.length })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
