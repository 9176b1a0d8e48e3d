import { useTranslation } from 'react-i18next';
import { HandedLine } from '../components/KitReady';
import { StepFrame } from '../components/StepFrame';
import { ComputerIcon } from '../icons';
import { useWizard } from '../store/store-context';
import './AnotherPcView.css';

/** A command line, the same in every language. */
const SERVER_COMMAND = 'collect.cmd /server';

/** Step 1: collect.cmd, for the old PC (same bytes as `exproxy kit collect`). */
function CollectScriptPanel() {
  const { t } = useTranslation();
  const electron = useWizard((s) => s.appInfo?.mode === 'electron');
  const busy = useWizard((s) => s.busy === 'collect-script');
  const handed = useWizard((s) => s.collectScript);
  const save = useWizard((s) => s.saveCollectScript);
  return (
    <section className="panel" data-testid="collect-script-panel" aria-labelledby="collect-h">
      <h2 id="collect-h">{t('another.collect.title')}</h2>
      <p>{t('another.collect.lead')}</p>
      <ol className="another-steps">
        <li>
          {t('another.collect.step1')}
          <div className="actions compact">
            <button
              type="button"
              className="button primary"
              data-testid="collect-script"
              disabled={busy}
              onClick={() => void save()}
            >
              {electron ? t('another.collect.save') : t('another.collect.download')}
            </button>
            <HandedLine handed={handed} testId="collect-script-handed" />
          </div>
        </li>
        <li>{t('another.collect.step2')}</li>
        <li>{t('another.collect.step3')}</li>
        <li>
          {t('another.collect.step4')}
          <pre>
            <code>{SERVER_COMMAND}</code>
          </pre>
        </li>
      </ol>
    </section>
  );
}

/** Browser host: the page sends the files of the folder the person picked. */
function UploadPicker() {
  const { t } = useTranslation();
  const busy = useWizard((s) => s.busy === 'open-collected');
  const upload = useWizard((s) => s.uploadCollected);
  return (
    <>
      <label className="field upload-field">
        <span>{t('another.open.upload')}</span>
        <input
          type="file"
          multiple
          data-testid="upload-collected"
          disabled={busy}
          // A folder picker: Chromium, Edge, Firefox and Safari all know this attribute.
          ref={(el) => el?.setAttribute('webkitdirectory', '')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) void upload(files);
          }}
        />
      </label>
      <p className="detail">{t('another.open.uploadHint')}</p>
    </>
  );
}

/** What the page left out of a picked folder, or why it sent nothing. */
function UploadNote() {
  const { t } = useTranslation();
  const note = useWizard((s) => s.uploadNote);
  if (!note) return null;
  return (
    <div
      className={`notice ${note.problem ? 'error' : 'info'}`}
      role={note.problem ? 'alert' : 'status'}
      data-testid="upload-note"
      data-problem={note.problem ?? 'none'}
    >
      <div>
        {note.problem ? <p>{t(`another.open.problem.${note.problem}`)}</p> : null}
        {note.skipped.length > 0 ? (
          <p className="detail">{t('another.open.skipped', { names: note.skipped.join(', ') })}</p>
        ) : null}
      </div>
    </div>
  );
}

/** Step 2: open what collect.cmd wrote, and the wizard runs on that PC. */
function OpenCollectedPanel() {
  const { t } = useTranslation();
  const electron = useWizard((s) => s.appInfo?.mode === 'electron');
  const demo = useWizard((s) => s.appInfo?.mode === 'demo');
  const busy = useWizard((s) => s.busy === 'open-collected');
  const pick = useWizard((s) => s.pickCollected);
  return (
    <section className="panel" data-testid="open-collected-panel" aria-labelledby="open-h">
      <h2 id="open-h">{t('another.open.title')}</h2>
      <p>{t('another.open.lead')}</p>
      {electron ? (
        <div className="actions compact">
          <button
            type="button"
            className="button primary"
            data-testid="open-collected"
            disabled={busy}
            onClick={() => void pick()}
          >
            {t('another.open.pick')}
          </button>
        </div>
      ) : (
        <UploadPicker />
      )}
      {busy ? (
        <p role="status" className="reading">
          <span className="spinner" aria-hidden="true" />
          {t('another.open.reading')}
        </p>
      ) : null}
      <UploadNote />
      <p className="muted">{t('another.open.nothing')}</p>
      {demo ? <p className="detail">{t('another.open.samples')}</p> : null}
    </section>
  );
}

/**
 * For a PC where the app cannot run (Windows XP to 8.1) or a server of that era: collect its
 * settings there with collect.cmd, then open them here to diagnose and make a fix kit.
 */
export function AnotherPcView() {
  const { t } = useTranslation();
  const close = useWizard((s) => s.closeAnother);
  return (
    <StepFrame
      testId="view-another"
      title={t('another.title')}
      lead={t('another.lead')}
      icon={<ComputerIcon />}
    >
      <div className="actions">
        <button type="button" className="button" data-testid="another-back" onClick={close}>
          {t('nav.wizard')}
        </button>
      </div>
      <CollectScriptPanel />
      <OpenCollectedPanel />
    </StepFrame>
  );
}
