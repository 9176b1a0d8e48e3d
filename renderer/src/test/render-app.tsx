import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../App';
import { createI18n } from '../i18n';
import type { Locale } from '../contract';
import { StoreProvider } from '../store/store-context';
import { createWizardStore, type WizardDeps } from '../store/wizard-store';
import { fakeApi, memoryStorage } from './fixtures';

/** The whole app on a fake API, the way main.tsx wires it. */
export function renderApp(
  opts: { fake?: ReturnType<typeof fakeApi>; locale?: Locale; deps?: Partial<WizardDeps> } = {},
) {
  const fake = opts.fake ?? fakeApi();
  const locale = opts.locale ?? 'en';
  const store = createWizardStore({
    api: fake.api,
    storage: memoryStorage(),
    initialLocale: locale,
    ...opts.deps,
  });
  const i18n = createI18n(locale);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>,
  );
  return { ...view, store, fake, i18n };
}
