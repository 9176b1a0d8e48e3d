import { useTranslation } from 'react-i18next';
import { ABSENT_TEXT, valueText } from '../../../electron/core/report/value-text';
import { WarningIcon } from '../icons';
import { useWizard } from '../store/store-context';

/**
 * What start-up recovery did with a change an earlier run left half done. Finishing one that
 * needs administrator rights is a step the person sees and agrees to: the exact values first,
 * then the button that leads to the prompt.
 */
export function RecoveryNotice() {
  const { t } = useTranslation();
  const recovery = useWizard((s) => s.recovery);
  const dismissed = useWizard((s) => s.recoveryDismissed);
  const busy = useWizard((s) => s.busy === 'recovery');
  const finish = useWizard((s) => s.finishRecovery);
  const dismiss = useWizard((s) => s.dismissRecovery);
  const absent = useWizard((s) => ABSENT_TEXT[s.locale]);
  if (!recovery || dismissed) return null;
  const { awaitingConsent, recovered, setAside } = recovery;
  if (awaitingConsent.length + recovered.length + setAside.length === 0) return null;
  return (
    <section className="notice warning recovery" aria-labelledby="recovery-title" data-testid="recovery">
      <WarningIcon />
      <div>
        <h2 id="recovery-title" className="notice-title">
          {t('recovery.title')}
        </h2>
        {awaitingConsent.map((item) => (
          <div key={item.id} data-testid="recovery-item">
            <p>{t('recovery.waiting', { id: item.id })}</p>
            <ul className="plan-list">
              {item.writes.map((w) => (
                <li key={`${w.path}\\${w.name}`}>
                  <code>
                    {w.path}\{w.name}
                  </code>
                  : <code>{valueText(item.direction === 'forward' ? w.before : w.after, absent)}</code> →{' '}
                  <code>{valueText(w.target, absent)}</code>
                </li>
              ))}
            </ul>
            <p>{t('recovery.why')}</p>
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => void finish(item.id)}
            >
              {t('recovery.finish')}
            </button>
          </div>
        ))}
        {recovered.map((r) => (
          <p key={r.id}>{t('recovery.done', { id: r.id, state: t(`history.state.${r.state}`) })}</p>
        ))}
        {setAside.map((s) => (
          <p key={s.file}>{t('recovery.setAside', { file: s.file, reason: s.reason })}</p>
        ))}
        {awaitingConsent.length === 0 ? (
          <button type="button" className="button subtle" onClick={dismiss}>
            {t('errors.dismiss')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
