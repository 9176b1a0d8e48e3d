import { useTranslation } from 'react-i18next';
import { causeTexts } from '../../../electron/core/causes/cause-text';
import type { MapiEndpointReading } from '../contract';
import { useWizard } from '../store/store-context';
import { TermRow } from './RawPair';

/**
 * What MAPI over HTTP (`/mapi/emsmdb/`) answered on the proxy's name, asked for Outlook 2013+
 * profiles: Outlook moves there when the server offers it, so its sign-ins matter as much.
 */
export function MapiAnswer({ reading }: { reading: MapiEndpointReading }) {
  const { t } = useTranslation();
  const locale = useWizard((s) => s.locale);
  return (
    <div className="proxy-answer-side" data-testid="mapi-answer" data-verdict={reading.verdict}>
      <h4>{t('proxyAnswer.mapiHeading')}</h4>
      <dl className="raw">
        <TermRow term={t('proxyAnswer.url')}>
          <code>{reading.url}</code>
        </TermRow>
        <TermRow term={t('proxyAnswer.status')}>
          {reading.status !== null
            ? t('proxyAnswer.http', { status: reading.status })
            : t('proxyAnswer.mapiNoAnswer')}
        </TermRow>
        <TermRow term={t('proxyAnswer.schemes')}>
          <code data-testid="mapi-answer-schemes">
            {reading.schemes.length > 0 ? reading.schemes.join(', ') : t('proxyAnswer.noSchemes')}
          </code>
        </TermRow>
        <TermRow term={t('proxyAnswer.mapiVerdict')}>
          <span data-testid="mapi-answer-verdict">{causeTexts(locale).mapiVerdicts[reading.verdict]}</span>
        </TermRow>
      </dl>
    </div>
  );
}
