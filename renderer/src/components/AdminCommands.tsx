import { useTranslation } from 'react-i18next';
import type { AutodiscoverServer } from '../contract';
import { CopyCommand } from './CopyCommand';

/** The Exchange admin's commands for one proxy name: what the server hands out, and NTLM per version. */
export function AdminCommands({ server }: { server: AutodiscoverServer }) {
  const { t } = useTranslation();
  const first = server.commands[0];
  return (
    <div className="admin-commands" data-testid="admin-commands" data-host={server.proxyHost ?? ''}>
      <h3>{t('autodiscover.adminTitle', { host: server.proxyHost ?? t('autodiscover.unknownHost') })}</h3>
      <p className="muted">{t('autodiscover.adminLead')}</p>
      {first ? <CopyCommand command={first.check} label={t('autodiscover.check')} /> : null}
      {server.commands.map((c) => (
        <CopyCommand
          key={c.generation}
          command={c.set}
          label={t('autodiscover.set', { generation: t(`autodiscover.generation.${c.generation}`) })}
        />
      ))}
    </div>
  );
}
