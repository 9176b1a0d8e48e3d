import { useTranslation } from 'react-i18next';
import type { OutlookProfile } from '../contract';
import { storeKey } from '../store/profile-use';
import './LeftoverProfiles.css';

interface Props {
  readonly profiles: readonly OutlookProfile[];
  readonly technician: boolean;
}

/**
 * Profiles the installed Outlook does not read, shown apart from the findings: never offered
 * for a fix, and (technicians) where they are and how they sign in.
 */
export function LeftoverProfiles({ profiles, technician }: Props) {
  const { t } = useTranslation();
  if (profiles.length === 0) return null;
  return (
    <section className="panel leftover-profiles" data-testid="leftover-profiles" aria-labelledby="leftover-h">
      <h2 id="leftover-h">{t('leftover.title')}</h2>
      <p className="muted">{t('leftover.lead')}</p>
      <ul className="plain">
        {profiles.map((p) => (
          <li key={p.keyPath} data-testid="leftover-profile" data-store={p.store}>
            <p>{t('leftover.item', { name: p.name, from: t(`leftover.from.${storeKey(p.store)}`) })}</p>
            {technician ? (
              <>
                <code className="path">{p.keyPath}</code>
                <ul className="leftover-accounts">
                  {p.accounts
                    .filter((a) => a.rpcOverHttp.enabled)
                    .map((a) => (
                      <li key={a.section}>
                        {t('leftover.account', {
                          account: a.accountName ?? a.section,
                          scheme: t(`proxy.scheme.${a.rpcOverHttp.authScheme ?? 'none'}`, {
                            value: a.rpcOverHttp.authSchemeValue ?? '',
                          }),
                        })}
                      </li>
                    ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
