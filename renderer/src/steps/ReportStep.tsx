import { useTranslation } from 'react-i18next';
import { StepFrame } from '../components/StepFrame';
import { useWizard } from '../store/store-context';
import './ReportStep.css';

function download(html: string, name: string) {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function ReportStep() {
  const { t } = useTranslation();
  const saved = useWizard((s) => s.saved);
  const busy = useWizard((s) => s.busy);
  const copyStatus = useWizard((s) => s.copyStatus);
  const demo = useWizard((s) => s.appInfo?.mode === 'demo');
  const save = useWizard((s) => s.saveReport);
  const copy = useWizard((s) => s.copySummary);
  const start = useWizard((s) => s.start);
  return (
    <StepFrame testId="step-report" title={t('report.title')} lead={t('report.lead')}>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          data-testid="save-report"
          disabled={busy === 'save'}
          onClick={() => void save()}
        >
          {t('report.save')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="copy-summary"
          disabled={busy === 'save' || busy === 'copy'}
          onClick={() => void copy()}
        >
          {t('report.copy')}
        </button>
        <span className="status-line" role="status" aria-live="polite" data-testid="copy-status">
          {copyStatus === 'copied'
            ? t('report.copied')
            : copyStatus === 'failed'
              ? t('report.copyFailed')
              : ''}
        </span>
      </div>
      {saved ? (
        <div className="panel" data-testid="report-saved">
          <h2>{t('report.savedHeading')}</h2>
          <dl className="paths">
            <div>
              <dt>{t('report.html')}</dt>
              <dd>
                <code>{saved.htmlPath}</code>
              </dd>
            </div>
            <div>
              <dt>{t('report.json')}</dt>
              <dd>
                <code>{saved.jsonPath}</code>
              </dd>
            </div>
          </dl>
          {demo ? (
            <button
              type="button"
              className="button"
              onClick={() => download(saved.html, baseName(saved.htmlPath))}
            >
              {t('report.download')}
            </button>
          ) : null}
          <h3>{t('report.summary')}</h3>
          <pre className="summary">{saved.summary}</pre>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button subtle" onClick={() => void start()}>
          {t('report.again')}
        </button>
      </div>
    </StepFrame>
  );
}
