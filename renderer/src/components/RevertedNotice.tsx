import { useTranslation } from 'react-i18next';
import { exchangeAdminCommands } from '../../../electron/core/autodiscover/admin-commands';
import { proxyHost } from '../../../electron/core/outlook/rpc-over-http';
import type { Finding } from '../contract';
import { WarningIcon } from '../icons';
import { AdminCommands } from './AdminCommands';

interface Props {
  readonly findings: readonly Finding[];
  readonly technician: boolean;
}

/**
 * Verify after a restart: an account the change switched to NTLM is on Basic again, because the
 * Exchange server handed Basic back (Autodiscover). Why, and who must act; no offer to apply
 * again, which the next start would undo.
 */
export function RevertedNotice({ findings, technician }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {findings.map((f) => {
        const server = typeof f.facts.proxyServer === 'string' ? f.facts.proxyServer : null;
        const values = {
          profile: f.profile ?? '',
          proxyServer: server ?? t('autodiscover.unknownHost'),
          outlook: String(f.facts.outlook ?? 'Outlook'),
        };
        const host = server ? proxyHost(server) : null;
        return (
          <div
            key={`${f.profile}|${f.account}`}
            className="notice error"
            data-testid="autodiscover-reverted"
            role="alert"
          >
            <WarningIcon />
            <div>
              <p className="notice-title">{t('findings.items.autodiscover-reverted.title')}</p>
              <p>{t('findings.items.autodiscover-reverted.what', values)}</p>
              <p>{t('findings.items.autodiscover-reverted.why', values)}</p>
              <p>{t('findings.items.autodiscover-reverted.change', values)}</p>
              {technician ? (
                <AdminCommands server={{ proxyHost: host, commands: exchangeAdminCommands(host) }} />
              ) : null}
            </div>
          </div>
        );
      })}
    </>
  );
}
