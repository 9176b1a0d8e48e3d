import { useTranslation } from 'react-i18next';
import type { ChangePlan } from '../contract';
import { causeFixLabel, isCauseFix, plainValue, skipText, type PlainValue } from '../store/cause-view';
import { useWizard } from '../store/store-context';
import './CauseChanges.css';

/**
 * The plan's changes for the other causes, each before → after in words (values Outlook reads at
 * start; technicians see the stored bytes in Settings' table of registry values),
 * and what a fix leaves alone with the reason (a policy, a damaged value, nothing picked…).
 */
export function CauseChanges({ plan }: { plan: ChangePlan }) {
  const { t } = useTranslation();
  const locale = useWizard((s) => s.locale);
  const words = (p: PlainValue) => ('text' in p ? p.text : t(p.key, p.values));
  const changes = plan.changes.filter((c) => isCauseFix(c.fix));
  const skips = plan.skipped.filter((s) => isCauseFix(s.fix));
  if (changes.length === 0 && skips.length === 0) return null;
  return (
    <section className="panel" data-testid="cause-changes" aria-labelledby="cause-changes-h">
      <h2 id="cause-changes-h">{t('settings.causesHeading')}</h2>
      {changes.length > 0 ? (
        <>
          <p className="muted">{t('settings.causesLead')}</p>
          <ul className="cause-change-list">
            {changes.map((c) => (
              <li key={`${c.path}\\${c.name}`} data-testid="cause-change" data-fix={c.fix}>
                <strong>{isCauseFix(c.fix) ? causeFixLabel(locale, c.fix) : c.fix}</strong>
                <span className="muted">
                  {' · '}
                  {c.profile ? t('settings.causeFor', { profile: c.profile }) : t('settings.causeForUser')}
                </span>
                <div>
                  <span data-testid="cause-now">{words(plainValue(c, 'before'))}</span>
                  {' → '}
                  <strong data-testid="cause-then">{words(plainValue(c, 'after'))}</strong>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {skips.length > 0 ? (
        <>
          <h3>{t('settings.skipsHeading')}</h3>
          <ul className="cause-skip-list">
            {skips.map((s, i) => (
              <li key={`${s.fix}-${s.account ?? ''}-${i}`} data-testid="plan-skip" data-reason={s.reason}>
                <strong>{isCauseFix(s.fix) ? causeFixLabel(locale, s.fix) : s.fix}</strong>
                {s.profile ? <span className="muted"> · {s.profile}</span> : null}
                <div>{skipText(locale, s)}</div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
