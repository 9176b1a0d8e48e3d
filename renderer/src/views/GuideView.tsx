import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidHostName } from '../../../electron/core/lsa/host-name';
import { isComputerName } from '../../../electron/core/server-guides/computer-name';
import type { GuideCommand, ServerGuide } from '../contract';
import { CopyCommand } from '../components/CopyCommand';
import { KitReady } from '../components/KitReady';
import { CheckIcon, ErrorIcon, PackageIcon, WarningIcon } from '../icons';
import { useWizard } from '../store/store-context';
import './GuideView.css';

function CommandBlock({ command }: { command: GuideCommand }) {
  const { t } = useTranslation();
  return (
    <li className="guide-command" data-testid="guide-command" data-shell={command.shell}>
      <CopyCommand
        command={command.command}
        label={command.label}
        title={
          <>
            <span className="badge">{t(`server.shell.${command.shell}`)}</span> {command.label}
          </>
        }
      />
    </li>
  );
}

function NamesForm({ needsServer, needsFqdn }: { needsServer: boolean; needsFqdn: boolean }) {
  const { t } = useTranslation();
  const params = useWizard((s) => s.guideParams);
  const error = useWizard((s) => s.guideParamsError);
  const busy = useWizard((s) => s.guidesLoading);
  const load = useWizard((s) => s.loadGuides);
  const [server, setServer] = useState(params.server ?? '');
  const [fqdn, setFqdn] = useState(params.fqdn ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load({ server: server.trim() || undefined, fqdn: fqdn.trim() || undefined });
  };
  // The service's own rules, used only to say which field it refused.
  const serverBad = !!error && server.trim() !== '' && !isComputerName(server.trim());
  const fqdnBad = !!error && fqdn.trim() !== '' && !isValidHostName(fqdn.trim());
  return (
    <form className="panel names-form" onSubmit={submit} aria-labelledby="names-h" noValidate>
      <h3 id="names-h">{t('server.names.title')}</h3>
      <p className="detail">{t('server.names.lead')}</p>
      <div className="field-row">
        {needsServer ? (
          <NameField
            testId="guide-server"
            label={t('server.names.server')}
            hint={t('server.names.serverHint')}
            value={server}
            invalid={serverBad}
            onChange={setServer}
          />
        ) : null}
        {needsFqdn ? (
          <NameField
            testId="guide-fqdn"
            label={t('server.names.fqdn')}
            hint={t('server.names.fqdnHint')}
            value={fqdn}
            invalid={fqdnBad}
            onChange={setFqdn}
          />
        ) : null}
      </div>
      <div className="actions compact">
        <button type="submit" className="button primary" data-testid="guide-fill" disabled={busy}>
          {t('server.names.fill')}
        </button>
      </div>
      {error ? (
        <div className="notice error" role="alert" data-testid="guide-params-error">
          <ErrorIcon />
          <div>
            {serverBad ? <p>{t('server.names.badServer', { value: server.trim() })}</p> : null}
            {fqdnBad ? <p>{t('server.names.badFqdn', { value: fqdn.trim() })}</p> : null}
            {!serverBad && !fqdnBad ? <p>{t('server.names.refused')}</p> : null}
            <p className="detail">{t('errors.details', { message: error.message })}</p>
          </div>
        </div>
      ) : null}
    </form>
  );
}

function BackConnectionFix({ guide }: { guide: ServerGuide }) {
  const { t } = useTranslation();
  const fqdn = useWizard((s) => s.guideParams.fqdn);
  const busy = useWizard((s) => s.busy === 'backconnection');
  const result = useWizard((s) => s.backConnection);
  const add = useWizard((s) => s.addBackConnection);
  const openHistory = useWizard((s) => s.openHistory);
  const status = result ? (result.ok ? result.outcome.status : 'error') : null;
  const good = status === 'applied' || status === 'nothing-to-do';
  return (
    <section className="panel product-fix" aria-labelledby="product-fix-h" data-testid="product-fix">
      <h3 id="product-fix-h">{t('server.fix.title')}</h3>
      <p>{guide.productFixText}</p>
      <div className="notice info" data-testid="backconnection-uac">
        <WarningIcon />
        <div>
          <p className="notice-title">{t('server.fix.uacTitle')}</p>
          <p>{t('server.fix.uacText')}</p>
          <p>{t('server.fix.undoText')}</p>
        </div>
      </div>
      {!fqdn ? <p className="detail">{t('server.fix.needFqdn')}</p> : null}
      <div className="actions compact">
        <button
          type="button"
          className="button primary"
          data-testid="add-backconnection"
          disabled={!fqdn || busy}
          onClick={() => fqdn && void add(fqdn)}
        >
          {fqdn ? t('server.fix.addName', { fqdn }) : t('server.fix.add')}
        </button>
        {busy ? (
          <span className="status-line" role="status">
            {t('server.fix.working')}
          </span>
        ) : null}
      </div>
      {result && status ? (
        <div
          className={`notice ${good ? 'ok' : 'error'}`}
          role={good ? 'status' : 'alert'}
          data-testid="backconnection-result"
          data-state={status}
        >
          {good ? <CheckIcon /> : <ErrorIcon />}
          <div>
            <p className="notice-title">{t(`server.fix.result.${status}`, { host: result.host })}</p>
            {result.ok && result.outcome.reason ? (
              <p className="detail">{t('errors.details', { message: result.outcome.reason })}</p>
            ) : null}
            {!result.ok ? <p className="detail">{t('errors.details', { message: result.message })}</p> : null}
            {status === 'applied' ? (
              <p data-testid="iisadmin-reminder">{t('server.fix.restartIisAdmin')}</p>
            ) : null}
            {result.ok && result.outcome.backupPath && status === 'applied' ? (
              <p className="detail">
                {t('server.fix.backup')} <code>{result.outcome.backupPath}</code>
              </p>
            ) : null}
            {result.ok && result.outcome.changeId ? (
              <button
                type="button"
                className="button"
                data-testid="backconnection-history"
                onClick={() => void openHistory()}
              >
                {t('server.fix.toHistory')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

/**
 * On a server collected with `collect.cmd /server`: the same name goes into a fix kit, run on
 * that server by an administrator; nothing is written from here.
 */
function BackConnectionKit() {
  const { t } = useTranslation();
  const fqdn = useWizard((s) => s.guideParams.fqdn);
  const busy = useWizard((s) => s.busy === 'kit');
  const computer = useWizard((s) => s.appInfo?.collected?.computer ?? t('collected.unknown'));
  const kit = useWizard((s) => (s.kit?.restartIis ? s.kit : null));
  const make = useWizard((s) => s.makeBackConnectionKit);
  return (
    <section className="panel product-fix" aria-labelledby="product-fix-h" data-testid="product-fix-kit">
      <h3 id="product-fix-h">{t('server.fix.kitTitle', { computer })}</h3>
      <p>{t('server.fix.kitText', { computer })}</p>
      {!fqdn ? <p className="detail">{t('server.fix.needFqdn')}</p> : null}
      <div className="actions compact">
        <button
          type="button"
          className="button primary"
          data-testid="make-backconnection-kit"
          disabled={!fqdn || busy}
          onClick={() => fqdn && void make(fqdn)}
        >
          <PackageIcon />
          {fqdn ? t('server.fix.kitMake', { fqdn }) : t('server.fix.kitMakeAny')}
        </button>
      </div>
      {kit ? <KitReady kit={kit} /> : null}
    </section>
  );
}

/** One server guide: what it means, what to check, the commands to copy, and the product's fix. */
export function GuideView({ guide }: { guide: ServerGuide }) {
  const { t } = useTranslation();
  const back = useWizard((s) => s.openGuide);
  const params = useWizard((s) => s.guideParams);
  const collected = useWizard((s) => s.appInfo?.collected != null);
  // A name field is offered when a command has its placeholder (or, once filled in, its value).
  const uses = (placeholder: string, value: string | undefined) =>
    guide.commands.some((c) => c.command.includes(placeholder) || (!!value && c.command.includes(value)));
  const needsServer = uses('<SERVER>', params.server);
  const needsFqdn = uses('<FQDN>', params.fqdn) || guide.productFix !== null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [guide.id]);
  const tags = [...guide.kb, ...guide.events.map((e) => `${e.source} ${e.id}`)];
  return (
    <article className="guide" data-testid="guide-view" data-guide={guide.id} aria-labelledby="guide-h">
      <div className="actions compact">
        <button type="button" className="button subtle" data-testid="guide-back" onClick={() => back(null)}>
          {t('server.back')}
        </button>
      </div>
      <h2 id="guide-h" ref={heading} tabIndex={-1} data-testid="guide-title">
        {guide.title}
      </h2>
      {tags.length > 0 ? (
        <p className="guide-tags">
          {tags.map((x) => (
            <span key={x} className="badge">
              {x}
            </span>
          ))}
        </p>
      ) : null}
      <dl className="finding-body">
        <dt>{t('server.symptom')}</dt>
        <dd data-testid="guide-symptom">{guide.symptom}</dd>
        <dt>{t('server.meaning')}</dt>
        <dd data-testid="guide-meaning">{guide.meaning}</dd>
      </dl>
      <h3>{t('server.checks')}</h3>
      <ol className="guide-checks" data-testid="guide-checks">
        {guide.checks.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      {guide.id === 'exprox-1000' || guide.id === 'owa-71' ? <IisReadingPanel /> : null}
      {needsServer || needsFqdn ? <NamesForm needsServer={needsServer} needsFqdn={needsFqdn} /> : null}
      {guide.commands.length > 0 ? (
        <>
          <h3>{t('server.commands')}</h3>
          <p className="detail">{t('server.commandsLead')}</p>
          <ol className="guide-commands plain">
            {guide.commands.map((c, i) => (
              <CommandBlock key={`${c.label}-${i}`} command={c} />
            ))}
          </ol>
        </>
      ) : null}
      {guide.productFix === 'backconnection-host' ? (
        collected ? (
          <BackConnectionKit />
        ) : (
          <BackConnectionFix guide={guide} />
        )
      ) : (
        <p className="notice info" data-testid="guide-no-fix">
          {guide.productFixText}
        </p>
      )}
    </article>
  );
}

/** One validated name input (server or DNS name) with its hint. */
function NameField(props: {
  testId: string;
  label: string;
  hint: string;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const hintId = `${props.testId}-hint`;
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="text"
        data-testid={props.testId}
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        aria-invalid={props.invalid || undefined}
        aria-describedby={hintId}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span id={hintId} className="detail">
        {props.hint}
      </span>
    </label>
  );
}

/** What IIS on this server offers, read by the service (appcmd / adsutil), when it is a server. */
function IisReadingPanel() {
  const { t } = useTranslation();
  const readings = useWizard((s) => s.iisReadings);
  if (!readings || readings.length === 0) return null;
  return (
    <section className="panel" data-testid="iis-reading" aria-labelledby="iis-h">
      <h3 id="iis-h">{t('server.iis.title')}</h3>
      <ul className="plain">
        {readings.map((r) => (
          <li key={r.site} data-kerberos={r.kerberosPossible ? 'yes' : 'no'}>
            <code>{r.site}</code>: {r.providers.join(', ') || t('server.iis.none')} —{' '}
            {r.kerberosPossible ? t('server.iis.kerberosOk') : t('server.iis.ntlmOnly')}
          </li>
        ))}
      </ul>
    </section>
  );
}
