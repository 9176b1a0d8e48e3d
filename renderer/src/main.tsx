// Shared styles first, so each component's own CSS (imported by the component) comes after them.
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/feedback.css';
import './styles/content.css';
import './styles/print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createApi } from './api';
import { createI18n, detectLocale } from './i18n';
import { StoreProvider } from './store/store-context';
import { createWizardStore, LOCALE_KEY } from './store/wizard-store';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const storage = safeStorage();
const locale = detectLocale(
  storage?.getItem(LOCALE_KEY) ?? null,
  navigator.languages ?? [navigator.language],
);
const i18n = createI18n(locale);
const store = createWizardStore({
  api: createApi(),
  storage,
  initialLocale: locale,
  reload: () => window.location.reload(),
  minScanMs: 900,
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>
  </StrictMode>,
);

void store.getState().init();
