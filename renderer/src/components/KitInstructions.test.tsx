// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { StoreProvider } from '../store/store-context';
import { createWizardStore } from '../store/wizard-store';
import { PROMPT_PLAN } from '../test/cause-fixtures';
import { COLLECTED_XP, fakeApi, madeKitOf } from '../test/fixtures';
import { KitInstructions } from './KitInstructions';

afterEach(cleanup);

describe('a fix kit with a change of the other causes', () => {
  it('names the cause fix and its profile (not a BackConnectionHostNames line)', () => {
    const store = createWizardStore({ api: fakeApi().api, initialLocale: 'en' });
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <StoreProvider store={store}>
          <KitInstructions kit={madeKitOf(PROMPT_PLAN, COLLECTED_XP)} />
        </StoreProvider>
      </I18nextProvider>,
    );
    const line = screen.getByTestId('kit-change');
    expect(line.getAttribute('data-kind')).toBe('profile-config-flags');
    expect(line.textContent).toBe('Stop Outlook from asking every time (profile Outlook)');
  });
});
