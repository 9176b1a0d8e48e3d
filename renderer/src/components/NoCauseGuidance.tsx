import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoCauseGuidance as Guidance } from '../contract';
import { CheckIcon } from '../icons';
import { AUTHN_EXAMPLES, authnView, checkedTexts, stepText } from '../store/guidance-view';
import { useWizard } from '../store/store-context';
import './NoCauseGuidance.css';

/** Reads what the person copies from the Authn column of Outlook's Connection Status. */
function AuthnReader() {
  const { t } = useTranslation();
  const locale = useWizard((s) => s.locale);
  const [text, setText] = useState('');
  const inputId = useId();
  const view = authnView(locale, text);
  return (
    <div className="authn-reader" data-testid="authn-reader">
      <label htmlFor={inputId}>{t('guidance.authnLabel')}</label>
      <input
        id={inputId}
        type="text"
        data-testid="authn-input"
        value={text}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
      />
      <p className="muted">{t('guidance.authnPick')}</p>
      <div className="authn-examples">
        {AUTHN_EXAMPLES.map((v) => (
          <button key={v} type="button" className="button" onClick={() => setText(v)}>
            <code>{v}</code>
          </button>
        ))}
      </div>
      {view.parts.length > 0 ? (
        <div aria-live="polite" data-testid="authn-reading" data-verdict={view.verdict ?? ''}>
          <ul className="plain">
            {view.parts.map((p, i) => (
              <li key={`${i}-${p.raw}`} data-layer={p.layer}>
                <code>{p.raw}</code>
                {' — '}
                {p.layer === 'rpc' ? t('guidance.layerRpc') : t('guidance.layerHttp')}
                {': '}
                {p.meaning ?? t('guidance.authnUnknown', { raw: p.raw })}
              </li>
            ))}
          </ul>
          {view.verdict ? <p className="notice info">{t(`guidance.verdict.${view.verdict}`)}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * When no cause is found: what the wizard checked, and what to look at next (Connection Status
 * and its Authn column, the proxy's answer) instead of a bare "nothing to fix".
 */
export function NoCauseGuidance({ guidance }: { guidance: Guidance }) {
  const { t } = useTranslation();
  const locale = useWizard((s) => s.locale);
  return (
    <section className="panel no-cause" data-testid="no-cause-guidance" aria-labelledby="no-cause-h">
      <h2 id="no-cause-h">{t('guidance.heading')}</h2>
      <h3>{t('guidance.checkedHeading')}</h3>
      <ul className="plain checked-list" data-testid="guidance-checked">
        {checkedTexts(locale, guidance).map((text) => (
          <li key={text}>
            <CheckIcon /> {text}
          </li>
        ))}
      </ul>
      <h3>{t('guidance.nextHeading')}</h3>
      <ol className="guidance-steps" data-testid="guidance-steps">
        {guidance.steps.map((s, i) => (
          <li key={`${s.key}-${i}`} data-key={s.key}>
            {stepText(locale, s, t('guidance.noAnswer'))}
          </li>
        ))}
      </ol>
      <AuthnReader />
    </section>
  );
}
