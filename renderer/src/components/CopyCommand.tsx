import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyIcon } from '../icons';
import { useWizard } from '../store/store-context';
import './CopyCommand.css';

interface Props {
  readonly command: string;
  /** What the command does, in words (also names the copy button for screen readers). */
  readonly label: string;
  /** Drawn above the command instead of the plain label (e.g. with a shell badge). */
  readonly title?: ReactNode;
}

/** A command to run somewhere else, shown as is, with a button that copies it. */
export function CopyCommand({ command, label, title }: Props) {
  const { t } = useTranslation();
  const copyText = useWizard((s) => s.copyText);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = useId();
  return (
    <div className="copy-command">
      <p id={id} className="command-label">
        {title ?? label}
      </p>
      <pre aria-labelledby={id}>
        <code>{command}</code>
      </pre>
      <div className="actions compact">
        <button
          type="button"
          className="button"
          data-testid="copy-command"
          aria-label={t('copy.label', { label })}
          onClick={() => void copyText(command).then((ok) => setStatus(ok ? 'copied' : 'failed'))}
        >
          <CopyIcon />
          {t('copy.copy')}
        </button>
        <span className="status-line" role="status" aria-live="polite" data-testid="copy-command-status">
          {status === 'copied' ? t('copy.copied') : status === 'failed' ? t('copy.failed') : ''}
        </span>
      </div>
    </div>
  );
}
