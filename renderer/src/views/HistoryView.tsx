import { useTranslation } from 'react-i18next';
import { ABSENT_TEXT, valueText } from '../../../electron/core/report/value-text';
import type { ChangeRecord, KitLogEntry } from '../contract';
import { StepFrame } from '../components/StepFrame';
import { HistoryIcon } from '../icons';
import { invalidLevelData, replacesInvalidLevel } from '../store/lm-state';
import { useWizard } from '../store/store-context';
import { HistoryKitRow } from './HistoryKitRow';
import './HistoryView.css';

/** The LmCompatibilityLevel change of a record, when it replaced a value that was not a level. */
function replacedLevel(r: ChangeRecord | undefined): string | null {
  const c = r?.changes.find(replacesInvalidLevel);
  return c ? invalidLevelData(c.before) : null;
}

function ResultLine() {
  const { t } = useTranslation();
  const result = useWizard((s) => s.historyResult);
  const history = useWizard((s) => s.history);
  if (!result) return null;
  if (!result.ok) {
    return (
      <p className="notice error" role="alert" data-testid="history-result" data-status="error">
        {t('history.result.error', { message: result.message })}
      </p>
    );
  }
  const o = result.outcome;
  const ok = o.status === 'rolled-back';
  // The undo wrote back the value that was not a level, exactly: say so, and what it means.
  const invalid = ok ? replacedLevel(history.find((r) => r.id === result.changeId)) : null;
  return (
    <div
      className={`notice ${ok ? 'ok' : 'error'}`}
      role={ok ? 'status' : 'alert'}
      data-testid="history-result"
      data-status={o.status}
    >
      <div>
        <p className="notice-title">{t(`history.result.${o.status}`)}</p>
        {o.reason ? <p className="detail">{t('errors.details', { message: o.reason })}</p> : null}
        {invalid !== null ? (
          <p data-testid="history-invalid-back">{t('history.result.invalidBack', { data: invalid })}</p>
        ) : null}
        {o.notUndone && o.notUndone.length > 0 ? (
          <p data-testid="history-not-undone">
            {t('history.result.notUndone', { targets: o.notUndone.map((r) => r.targetName).join(', ') })}
          </p>
        ) : null}
        {ok && o.restartOutlook ? <p>{t('history.result.restartOutlook')}</p> : null}
        {ok && o.restartWindows ? <p>{t('history.result.restartWindows')}</p> : null}
      </div>
    </div>
  );
}

/**
 * The saved sign-ins a change removed, each marked as impossible to undo (an undo of the change
 * puts back its registry part only).
 */
function RemovalLines({ record }: { record: ChangeRecord }) {
  const { t } = useTranslation();
  if (!record.removals || record.removals.length === 0) return null;
  return (
    <ul className="plain history-removals">
      {record.removals.map((x) => (
        <li key={`${x.type}:${x.targetName}`} data-testid="history-removal" data-removed={String(x.removed)}>
          {x.removed
            ? t('history.removed', { target: x.targetName })
            : t('history.notRemoved', { target: x.targetName })}{' '}
          {x.removed ? <span className="badge not-undoable">{t('history.cannotUndo')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The journal's changes and the kit log, newest first. */
type Row =
  { readonly at: string; readonly change: ChangeRecord } | { readonly at: string; readonly kit: KitLogEntry };

export function HistoryView() {
  const { t, i18n } = useTranslation();
  const history = useWizard((s) => s.history);
  const loaded = useWizard((s) => s.historyLoaded);
  const busy = useWizard((s) => s.busy);
  const undo = useWizard((s) => s.undo);
  const close = useWizard((s) => s.closeHistory);
  const technician = useWizard((s) => s.audience === 'technician');
  const returnView = useWizard((s) => s.returnView);
  const kitLog = useWizard((s) => s.kitLog);
  // A collected PC is on screen: this PC's changes are undone once the wizard is back on it.
  const collected = useWizard((s) => s.appInfo?.collected != null);
  const absent = useWizard((s) => ABSENT_TEXT[s.locale]);
  const when = (r: ChangeRecord) => new Date(r.createdAt).toLocaleString(i18n.language);
  // "Raised to 3" is wrong where the value was not a level: it was replaced.
  const fixText = (f: ChangeRecord['fixes'][number], r: ChangeRecord) => {
    const replaced = f === 'lmcompat-3' ? replacedLevel(r) : null;
    return replaced !== null ? t('history.fixReplaced', { data: replaced }) : t(`history.fix.${f}`);
  };
  const rows: Row[] = [
    ...history.map((change) => ({ at: change.createdAt, change })),
    ...kitLog.map((kit) => ({ at: kit.createdAt, kit })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <StepFrame
      testId="view-history"
      title={t('history.title')}
      lead={t('history.lead')}
      icon={<HistoryIcon />}
    >
      <div className="actions">
        <button type="button" className="button" data-testid="nav-wizard" onClick={close}>
          {returnView === 'server'
            ? t('nav.backToServer')
            : returnView === 'another'
              ? t('nav.backToAnother')
              : t('nav.wizard')}
        </button>
      </div>
      <ResultLine />
      {busy === 'history' && !loaded ? <p role="status">{t('history.loading')}</p> : null}
      {loaded && rows.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      {collected && history.some((r) => r.state === 'applied') ? (
        <p className="notice info" data-testid="history-collected-note">
          {t('history.collectedNoUndo')}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <table className="history-table">
          <caption className="visually-hidden">{t('history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.colWhen')}</th>
              <th scope="col">{t('history.colWhat')}</th>
              <th scope="col">{t('history.colState')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('history.colAction')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              if ('kit' in row)
                return <HistoryKitRow key={row.kit.id} entry={row.kit} technician={technician} />;
              const r = row.change;
              return (
                <tr key={r.id} data-testid="history-row" data-change-id={r.id} data-state={r.state}>
                  <td>
                    {when(r)}
                    {technician ? <div className="detail">{r.id}</div> : null}
                  </td>
                  <td>
                    <ul className="plain">
                      {r.fixes.map((f) => (
                        <li key={f}>{fixText(f, r)}</li>
                      ))}
                    </ul>
                    <RemovalLines record={r} />
                    {technician
                      ? r.changes.map((c) => (
                          <code key={`${c.path}\\${c.name}`} className="path">
                            {c.path}\{c.name}: {valueText(c.before, absent)} → {valueText(c.after, absent)}
                          </code>
                        ))
                      : null}
                  </td>
                  <td>
                    <span className={`badge state-${r.state}`}>{t(`history.state.${r.state}`)}</span>
                  </td>
                  <td>
                    {r.state === 'applied' && !collected && r.changes.length > 0 ? (
                      <button
                        type="button"
                        className="button"
                        data-testid="history-undo"
                        disabled={busy === 'undo'}
                        aria-label={t('history.undoLabel', { when: when(r) })}
                        onClick={() => void undo(r.id)}
                      >
                        {t('history.undo')}
                      </button>
                    ) : null}
                    {r.removals?.some((x) => x.removed) && r.changes.length === 0 ? (
                      <span className="badge not-undoable" data-testid="history-no-undo">
                        {t('history.cannotUndo')}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </StepFrame>
  );
}
