import { useTranslation } from 'react-i18next';
import './LmLevels.css';

interface Props {
  /** The level in effect, or null when it is not known (an invalid value, or not in the export). */
  readonly current: number | null;
  /** Where the current level comes from (its badge); null with no current level. */
  readonly source: 'stored' | 'windows-default' | 'policy' | null;
  /** The level after the plan, or null when nothing is known or planned. */
  readonly proposed: number | null;
  readonly technician: boolean;
}

const LEVELS = [0, 1, 2, 3, 4, 5] as const;
const NOW_BADGE = { stored: 'lm.now', 'windows-default': 'lm.nowDefault', policy: 'lm.nowPolicy' } as const;

/** LmCompatibilityLevel as a list of its six levels, each explained, now and after marked. */
export function LmLevels({ current, source, proposed, technician }: Props) {
  const { t } = useTranslation();
  return (
    <ol className="lm-levels" data-testid="lm-levels" data-current={current ?? 'unknown'} start={0}>
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
              {isCurrent ? <span className="badge now">{t(NOW_BADGE[source ?? 'stored'])}</span> : null}
              {isProposed ? <span className="badge changed-badge">{t('lm.after')}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
