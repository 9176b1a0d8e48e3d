import { useTranslation } from 'react-i18next';
import type { DiagnosisReport, InstalledOutlook } from '../contract';
import { lmView, type LmView } from '../store/lm-state';
import { lmCellText } from './lm-text';

/** "Outlook 2016 or later · 64-bit · Click-to-Run · build 16.0.17928.20114 · O365ProPlusRetail". */
function OutlookLine({ o }: { o: InstalledOutlook }) {
  const { t } = useTranslation();
  const parts = [
    o.displayName,
    t('machine.bitness', { bitness: o.bitness }),
    t(`machine.type.${o.installType ?? 'unknown'}`),
    o.build ? t('machine.build', { build: o.build }) : null,
    o.products && o.products.length > 0 ? o.products.join(', ') : null,
  ];
  return (
    <li data-testid="installed-outlook" data-install-type={o.installType ?? 'unknown'}>
      {parts.filter((p) => p !== null).join(' · ')}
    </li>
  );
}

/** For technicians: which Windows and which Outlook install the scan found, and how it read them. */
export function MachineSummary({ report }: { report: DiagnosisReport }) {
  const { t } = useTranslation();
  const os = report.machine.os;
  const windows = [os.productName, os.currentVersion, os.build].filter(Boolean).join(' · ');
  const sid = report.coverage?.userSid;
  const lmLine = (view: LmView) =>
    view.kind === 'level'
      ? t('machine.lmLevel', { level: view.level, source: t(`machine.lmSource.${view.source}`) })
      : lmCellText(t, view);
  return (
    <section className="panel" data-testid="machine-summary" aria-labelledby="machine-h">
      <h2 id="machine-h">{t('machine.title')}</h2>
      <dl className="raw">
        <dt>{t('machine.windows')}</dt>
        <dd>{windows || t('machine.notInExport')}</dd>
        <dt>{t('machine.outlook')}</dt>
        <dd>
          {report.machine.outlook.length > 0 ? (
            <ul className="plain">
              {report.machine.outlook.map((o) => (
                <OutlookLine key={`${o.version}-${o.bitness}-${o.installType}`} o={o} />
              ))}
            </ul>
          ) : (
            t('machine.none')
          )}
        </dd>
        <dt>{t('machine.lm')}</dt>
        <dd data-testid="machine-lm">{lmLine(lmView(report.lsa))}</dd>
        <dt>{t('machine.adapter')}</dt>
        <dd>
          <code>{report.adapter}</code>
        </dd>
        {sid ? (
          <>
            <dt>{t('machine.userHive')}</dt>
            <dd>
              <code>{`HKEY_USERS\\${sid}`}</code>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
