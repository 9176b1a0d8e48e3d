import { useTranslation } from 'react-i18next';
import type { MadeKit } from '../contract';
import { CheckIcon } from '../icons';
import type { Handed } from '../store/kit-slice';
import { useWizard } from '../store/store-context';
import { KitInstructions } from './KitInstructions';
import './KitReady.css';

/** What became of a file: saved where the person chose, downloaded, or not saved. */
export function HandedLine({ handed, testId }: { handed: Handed | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className="status-line" role="status" aria-live="polite" data-testid={testId}>
      {handed?.kind === 'saved'
        ? t('handed.saved', { path: handed.path })
        : handed?.kind === 'downloaded'
          ? t('handed.downloaded', { name: handed.name })
          : handed?.kind === 'cancelled'
            ? t('handed.cancelled')
            : ''}
    </span>
  );
}

/** A kit just made: where it is on this computer, one button for its .zip, and what to do with it. */
export function KitReady({ kit }: { kit: MadeKit }) {
  const { t } = useTranslation();
  const electron = useWizard((s) => s.appInfo?.mode === 'electron');
  const busy = useWizard((s) => s.busy === 'kit-download');
  const handed = useWizard((s) => (s.kitHanded?.id === kit.id ? s.kitHanded.handed : null));
  const download = useWizard((s) => s.downloadKit);
  return (
    <section
      className="panel kit-ready"
      data-testid="kit-ready"
      data-kit-id={kit.id}
      aria-labelledby="kit-ready-h"
    >
      <h2 id="kit-ready-h" className="kit-ready-title">
        <CheckIcon />
        {t('kit.ready', { computer: kit.computer ?? t('collected.unknown') })}
      </h2>
      <p className="kit-folder">
        {t('kit.folder')} <code data-testid="kit-folder">{kit.folder}</code>
      </p>
      <div className="actions compact">
        <button
          type="button"
          className="button primary"
          data-testid="kit-download"
          disabled={busy}
          onClick={() => void download(kit.id)}
        >
          {electron ? t('kit.save', { name: kit.zipName }) : t('kit.download', { name: kit.zipName })}
        </button>
        <HandedLine handed={handed} testId="kit-handed" />
      </div>
      <KitInstructions kit={kit} />
    </section>
  );
}
