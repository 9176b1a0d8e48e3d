import { useTranslation } from 'react-i18next';
import { useWizard } from '../store/store-context';
import './DemoPanel.css';

/** Browser demo only: pick a sample machine and open or close the simulated Outlook. */
export function DemoPanel() {
  const { t } = useTranslation();
  const appInfo = useWizard((s) => s.appInfo);
  const outlookRunning = useWizard((s) => s.outlookRunning);
  const busy = useWizard((s) => s.busy);
  const load = useWizard((s) => s.demoLoadScenario);
  const setOutlook = useWizard((s) => s.demoSetOutlook);
  if (!appInfo || appInfo.mode !== 'demo') return null;
  const simulated = appInfo.scenarios.filter((s) => s.kind === 'simulated');
  const collected = appInfo.scenarios.filter((s) => s.kind === 'collected');
  return (
    <aside className="demo-panel" aria-label={t('demo.title')}>
      <span className="demo-badge">{t('demo.title')}</span>
      <label>
        <span>{t('demo.scenario')}</span>
        <select
          data-testid="demo-scenario"
          value={appInfo.scenario ?? ''}
          disabled={busy === 'demo'}
          onChange={(e) => void load(e.target.value)}
        >
          <optgroup label={t('demo.simulatedGroup')}>
            {simulated.map((s) => (
              <option key={s.id} value={s.id}>
                {t(`demo.scenarios.${s.id}`, { defaultValue: s.title })}
              </option>
            ))}
          </optgroup>
          {collected.length > 0 ? (
            <optgroup label={t('demo.collectedGroup')}>
              {collected.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('demo.collectedScenario', { computer: s.title })}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      {appInfo.collected ? null : (
        <label className="check">
          <input
            type="checkbox"
            data-testid="demo-outlook"
            checked={outlookRunning === true}
            disabled={busy === 'demo'}
            onChange={(e) => void setOutlook(e.target.checked)}
          />
          <span>{t('demo.outlook')}</span>
          <span className="demo-state">({outlookRunning ? t('demo.running') : t('demo.notRunning')})</span>
        </label>
      )}
      {/* A collected PC's banner says what is (not) changed. */}
      {appInfo.collected ? null : <span className="demo-note">{t('demo.note')}</span>}
    </aside>
  );
}
