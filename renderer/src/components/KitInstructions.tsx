import { useTranslation } from 'react-i18next';
import { ABSENT_TEXT, valueText } from '../../../electron/core/report/value-text';
import type { MadeKit, PlannedChange } from '../contract';
import { causeFixLabel, isCauseFix } from '../store/cause-view';
import { regNumber } from '../store/model';
import { useWizard } from '../store/store-context';

/** One change of the kit in plain words (the technician also sees the value before → after). */
function ChangeLine({ change, technician }: { change: PlannedChange; technician: boolean }) {
  const { t } = useTranslation();
  const absent = useWizard((s) => ABSENT_TEXT[s.locale]);
  const names = (v: PlannedChange['after']) => (v?.type === 'REG_MULTI_SZ' ? v.data : []);
  const locale = useWizard((s) => s.locale);
  const text = isCauseFix(change.fix)
    ? change.profile
      ? t('prepare.changeCause', { fix: causeFixLabel(locale, change.fix), profile: change.profile })
      : t('prepare.changeCauseUser', { fix: causeFixLabel(locale, change.fix) })
    : change.kind === 'roh-auth-scheme'
      ? t('kit.change.auth', { profile: change.profile ?? '' })
      : change.kind === 'lm-compatibility-level'
        ? t('kit.change.lm', { level: regNumber(change.after) ?? '?' })
        : t('kit.change.backConnection', {
            names: names(change.after)
              .filter((n) => !names(change.before).includes(n))
              .join(', '),
          });
  return (
    <li data-testid="kit-change" data-kind={change.kind}>
      {text}
      {technician ? (
        <>
          <code className="path">
            {change.path}\{change.name}
          </code>
          <span className="detail">
            {valueText(change.before, absent)} → {valueText(change.after, absent)}
          </span>
        </>
      ) : null}
    </li>
  );
}

/**
 * What the person does with a kit on the other PC, in the wizard's own words: what changes
 * there, who runs which part, the restarts, how to undo, and how to check the result here.
 */
export function KitInstructions({ kit }: { kit: MadeKit }) {
  const { t } = useTranslation();
  const technician = useWizard((s) => s.audience === 'technician');
  const openAnother = useWizard((s) => s.openAnother);
  const computer = kit.computer ?? t('collected.unknown');
  const user = kit.account ?? t('collected.unknown');
  const { plan, parts } = kit;
  return (
    <div className="kit-instructions" data-testid="kit-instructions">
      <h3>{t('kit.whatTitle', { computer })}</h3>
      <ul className="plan-list">
        {plan.changes.map((c) => (
          <ChangeLine key={`${c.path}\\${c.name}`} change={c} technician={technician} />
        ))}
      </ul>
      <p className="muted">{t('kit.nothingHere')}</p>

      <h3>{t('kit.whoTitle')}</h3>
      <ol className="kit-who" data-testid="kit-who">
        <li>{parts.user ? t('kit.copy', { computer }) : t('kit.copyOnly', { computer })}</li>
        {parts.user ? <li data-part="user">{t('kit.whoUser', { user })}</li> : null}
        {parts.machine ? <li data-part="machine">{t('kit.whoMachine')}</li> : null}
        {parts.user && parts.machine ? <li data-part="both">{t('kit.whoBoth', { user })}</li> : null}
      </ol>
      <p className="muted">{t('kit.exitCodes')}</p>

      {plan.restartOutlook || plan.restartWindows || kit.restartIis ? (
        <>
          <h3>{t('kit.restartTitle')}</h3>
          <ul className="plan-list" data-testid="kit-restarts">
            {plan.restartOutlook ? <li>{t('kit.restartOutlook')}</li> : null}
            {plan.restartWindows ? <li>{t('kit.restartWindows')}</li> : null}
            {kit.restartIis ? <li data-testid="kit-restart-iis">{t('kit.restartIis')}</li> : null}
          </ul>
        </>
      ) : null}

      <h3>{t('kit.undoTitle')}</h3>
      <p>{t('kit.undoText')}</p>

      <h3>{t('kit.verifyTitle')}</h3>
      <p data-testid="kit-verify">
        {kit.restartIis ? t('kit.verifyServer', { computer }) : t('kit.verifyText', { computer })}
      </p>
      <div className="actions compact">
        <button type="button" className="button" data-testid="kit-open-after" onClick={openAnother}>
          {t('kit.openAfter')}
        </button>
      </div>
      <p className="muted">{t('kit.stepsHtml')}</p>
    </div>
  );
}
