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
          {appInfo.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {t(`demo.scenarios.${s.id}`, { defaultValue: s.title })}
            </option>
          ))}
        </select>
      </label>
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
      <span className="demo-note">{t('demo.note')}</span>
    </aside>
  );
}
