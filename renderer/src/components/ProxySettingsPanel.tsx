import { useTranslation } from 'react-i18next';
import type { AuthScheme, RpcOverHttpSettings } from '../contract';
import './ProxySettingsPanel.css';

type ProxyRow = 'url' | 'ssl' | 'mutual' | 'fast' | 'slow' | 'auth';

interface Props {
  readonly testId: string;
  readonly caption: string;
  readonly settings: RpcOverHttpSettings;
  /** Rows that differ from the other side; drawn highlighted. */
  readonly changed: readonly ProxyRow[];
  readonly technician: boolean;
}

/** Which rows differ between two sets of Exchange proxy settings. */
export function changedRows(a: RpcOverHttpSettings, b: RpcOverHttpSettings): ProxyRow[] {
  const rows: ProxyRow[] = [];
  if (a.proxyServer !== b.proxyServer) rows.push('url');
  if (a.sslOnly !== b.sslOnly) rows.push('ssl');
  if (a.mutualAuth !== b.mutualAuth || a.principalName !== b.principalName) rows.push('mutual');
  if (a.httpFirstOnFast !== b.httpFirstOnFast) rows.push('fast');
  if (a.httpFirstOnSlow !== b.httpFirstOnSlow) rows.push('slow');
  if (a.authScheme !== b.authScheme) rows.push('auth');
  return rows;
}

function hex(n: number | null): string {
  return n === null ? '—' : `0x${n.toString(16).padStart(8, '0')}`;
}

/**
 * The account's Exchange Proxy Settings drawn the way Outlook's dialog shows them: read-only,
 * so nobody mistakes it for a place to type.
 */
export function ProxySettingsPanel({ testId, caption, settings, changed, technician }: Props) {
  const { t } = useTranslation();
  const row = (id: ProxyRow) => `proxy-row${changed.includes(id) ? ' changed' : ''}`;
  const mark = (id: ProxyRow) =>
    changed.includes(id) ? <span className="badge changed-badge">{t('settings.changed')}</span> : null;
  // A read-only check box row like Outlook's (SSL only, fast/slow network choices).
  const checkRow = (id: 'ssl' | 'fast' | 'slow', checked: boolean) => (
    <div className={row(id)} data-row={id} data-changed={changed.includes(id)}>
      <label className="check">
        <input type="checkbox" checked={checked} disabled readOnly />
        <span>{t(`proxy.${id}`)}</span>
      </label>
      {mark(id)}
    </div>
  );
  const scheme: AuthScheme | 'none' = settings.authScheme ?? 'none';
  const url = settings.proxyServer ? `https://${settings.proxyServer}` : t('common.notSet');
  return (
    <figure className="outlook-dialog" data-testid={testId}>
      <figcaption className="dialog-caption">{caption}</figcaption>
      <div className="dialog-titlebar" aria-hidden="true">
        {t('proxy.title')}
      </div>
      <div className="dialog-body">
        <fieldset className="group">
          <legend>{t('proxy.connection')}</legend>
          <div className={row('url')} data-row="url" data-changed={changed.includes('url')}>
            <span className="field-label">{t('proxy.url')}</span>
            <span className="fake-input">{url}</span>
            {mark('url')}
          </div>
          {checkRow('ssl', settings.sslOnly)}
          <div className={row('mutual')} data-row="mutual" data-changed={changed.includes('mutual')}>
            <label className="check indent">
              <input type="checkbox" checked={settings.mutualAuth} disabled readOnly />
              <span>{t('proxy.mutual')}</span>
            </label>
            <span className="fake-input indent">{settings.principalName ?? ''}</span>
            {mark('mutual')}
          </div>
          {checkRow('fast', settings.httpFirstOnFast)}
          {checkRow('slow', settings.httpFirstOnSlow)}
        </fieldset>
        <fieldset className="group">
          <legend>{t('proxy.authGroup')}</legend>
          <div className={row('auth')} data-row="auth" data-changed={changed.includes('auth')}>
            <label className="field-label">
              <span>{t('proxy.auth')}</span>
              <select disabled value={scheme}>
                <option value={scheme}>
                  {t(`proxy.scheme.${scheme}`, { value: settings.authSchemeValue ?? '' })}
                </option>
              </select>
            </label>
            {mark('auth')}
          </div>
        </fieldset>
        {technician ? (
          <dl className="raw">
            <dt>PR_ROH_FLAGS</dt>
            <dd>{hex(settings.flags)}</dd>
            <dt>PR_ROH_PROXY_AUTH_SCHEME</dt>
            <dd>{hex(settings.authSchemeValue)}</dd>
          </dl>
        ) : null}
      </div>
    </figure>
  );
}
