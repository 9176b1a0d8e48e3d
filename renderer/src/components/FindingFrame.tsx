import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../contract';
import { ErrorIcon, InfoIcon, WarningIcon } from '../icons';
import './FindingCard.css';

interface Props {
  readonly finding: Finding;
  /** The text family the card shows (e2e tests read it from data-text). */
  readonly textKey: string;
  readonly title: string;
  readonly children: ReactNode;
}

/** The card every finding sits in: its severity icon, title and badge, then its own body. */
export function FindingFrame({ finding, textKey, title, children }: Props) {
  const { t } = useTranslation();
  const Icon =
    finding.severity === 'error' ? ErrorIcon : finding.severity === 'warning' ? WarningIcon : InfoIcon;
  return (
    <article
      className={`finding ${finding.severity}`}
      data-testid={`finding-${finding.id}`}
      data-text={textKey}
    >
      <header className="finding-head">
        <Icon className="finding-icon" />
        <h2>{title}</h2>
        <span className={`badge severity-${finding.severity}`}>
          {t(`findings.severity.${finding.severity}`)}
        </span>
      </header>
      {children}
    </article>
  );
}
