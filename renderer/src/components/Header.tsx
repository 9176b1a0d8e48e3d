import { useTranslation } from 'react-i18next';
import { ComputerIcon, GlobeIcon, HistoryIcon, ServerIcon, ShieldIcon } from '../icons';
import { LOCALES } from '../../../electron/core/locale';
import type { Locale } from '../contract';
import { useWizard } from '../store/store-context';
import './Header.css';

export function Header() {
  const { t } = useTranslation();
  const locale = useWizard((s) => s.locale);
  const setLocale = useWizard((s) => s.setLocale);
  const view = useWizard((s) => s.view);
  const openHistory = useWizard((s) => s.openHistory);
  const openServer = useWizard((s) => s.openServer);
  const openAnother = useWizard((s) => s.openAnother);
  return (
    <header className="app-header">
      <div className="brand">
        <ShieldIcon width={24} height={24} />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="header-tools">
        <label className="lang">
          <GlobeIcon />
          <span>{t('language.label')}</span>
          <select data-testid="language" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button subtle"
          data-testid="nav-another"
          aria-pressed={view === 'another'}
          onClick={openAnother}
        >
          <ComputerIcon />
          {t('nav.another')}
        </button>
        <button
          type="button"
          className="button subtle"
          data-testid="nav-server"
          aria-pressed={view === 'server'}
          onClick={() => void openServer()}
        >
          <ServerIcon />
          {t('nav.server')}
        </button>
        <button
          type="button"
          className="button subtle"
          data-testid="nav-history"
          aria-pressed={view === 'history'}
          onClick={() => void openHistory()}
        >
          <HistoryIcon />
          {t('nav.history')}
        </button>
      </div>
    </header>
  );
}
