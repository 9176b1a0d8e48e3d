import { useTranslation } from 'react-i18next';
import './LmLevels.css';

interface Props {
  readonly current: number;
  readonly proposed: number;
  readonly stored: number | null;
  readonly technician: boolean;
}

const LEVELS = [0, 1, 2, 3, 4, 5] as const;

/** LmCompatibilityLevel as a list of its six levels, each explained, now and after marked. */
export function LmLevels({ current, proposed, stored, technician }: Props) {
  const { t } = useTranslation();
  return (
    <ol className="lm-levels" data-testid="lm-levels" start={0}>
      {LEVELS.map((level) => {
        const isCurrent = level === current;
        const isProposed = level === proposed && proposed !== current;
        const cls = [
          'lm-level',
          isCurrent ? 'current' : '',
          isProposed ? 'proposed' : '',
          level < 2 ? 'prompts' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <li
            key={level}
            className={cls}
            data-level={level}
            data-current={isCurrent}
            data-proposed={isProposed}
          >
            <span className="lm-number">{level}</span>
            <span className="lm-text">
              <span className="lm-title">{t(`lm.level.${level}.title`)}</span>
              <span className="lm-desc">{t(`lm.level.${level}.desc`)}</span>
              {technician ? <span className="lm-tech">{t(`lm.level.${level}.tech`)}</span> : null}
            </span>
            <span className="lm-badges">
              {isCurrent ? (
                <span className="badge now">{stored === null ? t('lm.nowDefault') : t('lm.now')}</span>
              ) : null}
              {isProposed ? <span className="badge changed-badge">{t('lm.after')}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
