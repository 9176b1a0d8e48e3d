import { useTranslation } from 'react-i18next';
import type { KitLogEntry } from '../contract';
import { HandedLine } from '../components/KitReady';
import { useWizard } from '../store/store-context';

/** A fix kit made here for another PC: listed beside the changes, never undone (nothing changed here). */
export function HistoryKitRow({ entry, technician }: { entry: KitLogEntry; technician: boolean }) {
  const { t, i18n } = useTranslation();
  const busy = useWizard((s) => s.busy === 'kit-download');
  const download = useWizard((s) => s.downloadKit);
  const handed = useWizard((s) => (s.kitHanded?.id === entry.id ? s.kitHanded.handed : null));
  const electron = useWizard((s) => s.appInfo?.mode === 'electron');
  const computer = entry.computer ?? t('collected.unknown');
  return (
    <tr data-testid="history-kit-row" data-kit-id={entry.id}>
      <td>
        {new Date(entry.createdAt).toLocaleString(i18n.language)}
        {technician ? <div className="detail">{entry.id}</div> : null}
      </td>
      <td>
        <p className="history-kit-title">{t('history.kit.made', { computer })}</p>
        <ul className="plain">
          {entry.fixes.map((f) => (
            <li key={f}>{t(`history.fix.${f}`)}</li>
          ))}
        </ul>
        {technician ? (
          <>
            {entry.changes.map((c) => (
              <code key={`${c.path}\\${c.name}`} className="path">
                {c.path}\{c.name}
              </code>
            ))}
            <div className="detail">{entry.folder}</div>
          </>
        ) : null}
      </td>
      <td>
        <span className="badge state-kit">{t('history.kit.state')}</span>
      </td>
      <td>
        <button
          type="button"
          className="button"
          data-testid="history-kit-download"
          disabled={busy}
          aria-label={t('history.kit.downloadLabel', { computer })}
          onClick={() => void download(entry.id)}
        >
          {electron ? t('history.kit.save') : t('history.kit.download')}
        </button>
        <HandedLine handed={handed} testId="history-kit-handed" />
      </td>
    </tr>
  );
}
