import { useTranslation } from 'react-i18next';
import type { ProxyCheck } from '../contract';
import { MapiAnswer } from './MapiAnswer';
import './ProxyAnswerPanel.css';
import { TermRow } from './RawPair';

/** For technicians: what each Exchange proxy answered to the unauthenticated request. */
export function ProxyAnswerPanel({ checks }: { checks: readonly ProxyCheck[] }) {
  const { t } = useTranslation();
  if (checks.length === 0) return null;
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <section className="panel proxy-answer" data-testid="proxy-answer" aria-labelledby="proxy-answer-h">
      <h2 id="proxy-answer-h">{t('proxyAnswer.title')}</h2>
      <p className="muted">{t('proxyAnswer.lead')}</p>
      {checks.map((c) => {
        const r = c.result;
        const cert = r?.certificate ?? null;
        let status: string;
        if (c.skipped !== null || !r) status = t('proxyAnswer.skipped');
        else if (r.failure)
          status = t('proxyAnswer.failed', {
            stage: t(`findings.proxyStage.${r.failure.stage}`, { defaultValue: r.failure.stage }),
          });
        else if (r.status !== null) status = t('proxyAnswer.http', { status: r.status });
        else status = t('proxyAnswer.notAsked');
        return (
          <div
            key={c.proxyServer}
            className="proxy-answer-item"
            data-testid="proxy-answer-item"
            data-proxy={c.proxyServer}
          >
            <h3>
              <code>{c.proxyServer}</code>
            </h3>
            <div className={c.mapi ? 'proxy-answer-pair' : undefined}>
              <div className="proxy-answer-side">
                {c.mapi ? <h4>{t('proxyAnswer.rpcHeading')}</h4> : null}
                <dl className="raw">
                  <TermRow term={t('proxyAnswer.usedBy')}>
                    {c.usedBy
                      .map((u) => u.profile)
                      .filter((p, i, all) => all.indexOf(p) === i)
                      .join(', ')}
                  </TermRow>
                  {r ? (
                    <TermRow term={t('proxyAnswer.url')}>
                      <code>{r.url}</code>
                    </TermRow>
                  ) : null}
                  <TermRow term={t('proxyAnswer.status')}>
                    <span data-testid="proxy-answer-status">{status}</span>
                    {c.skipped ? <span className="detail"> {c.skipped}</span> : null}
                    {r?.failure ? (
                      <span className="detail">
                        {' '}
                        <code>{r.failure.code ?? '—'}</code> {r.failure.message}
                      </span>
                    ) : null}
                  </TermRow>
                  {r ? (
                    <TermRow term={t('proxyAnswer.schemes')}>
                      <code data-testid="proxy-answer-schemes">
                        {r.schemes.length > 0 ? r.schemes.join(', ') : t('proxyAnswer.noSchemes')}
                      </code>
                    </TermRow>
                  ) : null}
                  {cert ? (
                    <>
                      <TermRow term={t('proxyAnswer.certCn')}>
                        <code>{cert.subjectCommonName ?? '—'}</code>
                      </TermRow>
                      <TermRow term={t('proxyAnswer.certAlt')}>
                        <code>{cert.altNames.length > 0 ? cert.altNames.join(', ') : '—'}</code>
                      </TermRow>
                      <TermRow term={t('proxyAnswer.certIssuer')}>
                        <code>{cert.issuer ?? '—'}</code>
                      </TermRow>
                      <TermRow term={t('proxyAnswer.certValidTo')}>
                        <code>{cert.validTo ?? '—'}</code>
                      </TermRow>
                      <TermRow term={t('proxyAnswer.certTrusted')}>
                        <span data-testid="proxy-answer-trusted" data-trusted={String(cert.trusted)}>
                          {yesNo(cert.trusted)}
                        </span>
                        {cert.trustError ? (
                          <span className="detail">
                            {' '}
                            <code>{cert.trustError}</code>
                          </span>
                        ) : null}
                      </TermRow>
                      <TermRow term={t('proxyAnswer.certMatches')}>{yesNo(cert.matchesHost)}</TermRow>
                    </>
                  ) : null}
                  {r ? (
                    <TermRow term={t('proxyAnswer.elapsed')}>
                      {t('proxyAnswer.ms', { ms: r.elapsedMs })}
                    </TermRow>
                  ) : null}
                </dl>
              </div>
              {c.mapi ? <MapiAnswer reading={c.mapi} /> : null}
            </div>
          </div>
        );
      })}
    </section>
  );
}
