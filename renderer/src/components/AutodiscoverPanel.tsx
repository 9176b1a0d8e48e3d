import { useTranslation } from 'react-i18next';
import type { AutodiscoverNotice, AutodiscoverServer } from '../contract';
import { InfoIcon } from '../icons';
import { AdminCommands } from './AdminCommands';
import './AutodiscoverPanel.css';

interface Props {
  readonly notices: readonly AutodiscoverNotice[];
  readonly technician: boolean;
}

/** The servers of several notices, each proxy name once. */
function uniqueServers(notices: readonly AutodiscoverNotice[]): AutodiscoverServer[] {
  const byHost = new Map<string, AutodiscoverServer>();
  for (const n of notices)
    for (const s of n.servers) if (!byHost.has(s.proxyHost ?? '')) byHost.set(s.proxyHost ?? '', s);
  return [...byHost.values()];
}

/**
 * Outlook 2007 and later take Outlook Anywhere settings from the Exchange server at every start,
 * so the switch to NTLM lasts only if the server hands out NTLM: who must act, and (technicians)
 * the Exchange admin's command per Exchange version.
 */
export function AutodiscoverPanel({ notices, technician }: Props) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <section
      className="panel autodiscover"
      data-testid="autodiscover-notice"
      aria-labelledby="autodiscover-h"
    >
      <h2 id="autodiscover-h">
        <InfoIcon /> {t('autodiscover.title')}
      </h2>
      <p>{t('autodiscover.why')}</p>
      <ul>
        {notices.map((n) => (
          <li key={n.profile} data-testid="autodiscover-profile">
            {t('autodiscover.profile', {
              profile: n.profile,
              outlook: n.outlook ?? t('autodiscover.unknownVersion'),
              accounts: n.accounts.map((a) => a.label).join(', '),
            })}
          </li>
        ))}
      </ul>
      <p className="muted">{t('autodiscover.exchange2003')}</p>
      <p className="notice-title">{t('autodiscover.who')}</p>
      {technician ? (
        <details className="admin-details" data-testid="admin-details">
          <summary>{t('autodiscover.adminSummary')}</summary>
          {uniqueServers(notices).map((s) => (
            <AdminCommands key={s.proxyHost ?? ''} server={s} />
          ))}
        </details>
      ) : null}
    </section>
  );
}
